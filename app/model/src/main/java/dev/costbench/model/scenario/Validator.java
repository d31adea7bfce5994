// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.validation.JsonNumbers;
import dev.costbench.model.validation.NumberRefusedException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The checks behind {@link ScenarioEngine#validate}: every refused input with its field and a message. */
final class Validator {

    private final Scenario s;
    private final Models models;
    private final List<FieldError> errors = new ArrayList<>();
    private final Set<String> typeIds = new HashSet<>();
    private final FlowChecks flow = new FlowChecks(this::err);

    private Validator(Scenario s, Catalog catalog) {
        this.s = s;
        this.models = new Models(s, catalog);
    }

    static List<FieldError> validate(Scenario s, Catalog catalog) {
        Validator v = new Validator(s, catalog);
        ObjectNode tree = ScenarioFiles.toTree(s);
        List<FieldError> tooLarge = numbers(tree, (path, key) -> null);
        List<FieldError> numbers = numbers(tree, ScenarioNumbers::kind);
        if (!tooLarge.isEmpty()) {
            // numbers too large to compare or show safely: only they are reported, with their ranges
            Set<String> large = new HashSet<>();
            tooLarge.forEach(e -> large.add(e.field()));
            return numbers.stream().filter(e -> large.contains(e.field())).toList();
        }
        v.run();
        Set<String> fields = new HashSet<>();
        v.errors.forEach(e -> fields.add(e.field()));
        for (FieldError e : numbers) {
            if (!fields.contains(e.field())) {
                v.errors.add(e);
            }
        }
        return List.copyOf(v.errors);
    }

    /**
     * Every number of the scenario against its declared range ({@link ScenarioNumbers}), with the field paths this
     * validator uses ({@code requestTypes[0].volume.amount}, {@code levers[2].hitRate}).
     */
    private static List<FieldError> numbers(ObjectNode tree, JsonNumbers.Kinds kinds) {
        List<FieldError> out = new ArrayList<>();
        for (NumberRefusedException e : JsonNumbers.check(tree, kinds)) {
            String f = e.field().startsWith("workload.requestTypes")
                    ? e.field().substring("workload.".length())
                    : e.field();
            out.add(new FieldError(f, e.reason()));
        }
        return out;
    }

    private void run() {
        Workload w = s.workload();
        if (w.daysPerMonth() < 1 || w.daysPerMonth() > 31) {
            err("workload.daysPerMonth", "a month has 1 to 31 days, got " + w.daysPerMonth());
        }
        if (w.users() != null && w.users() < 0) {
            err("workload.users", "the number of users must not be negative");
        }
        Set<String> custom = new HashSet<>();
        for (int i = 0; i < s.customModels().size(); i++) {
            CustomModel m = s.customModels().get(i);
            String f = "customModels[" + i + "]";
            if (m.id() == null || m.id().isBlank()) {
                err(f + ".id", "a custom model needs an id");
            } else if (!custom.add(m.id())) {
                err(f + ".id", "the id '" + m.id() + "' is used twice");
            }
            nonNegative(f + ".input", m.input(), "price");
            nonNegative(f + ".output", m.output(), "price");
            nonNegative(f + ".cachedInput", m.cachedInput(), "price");
            nonNegative(f + ".cacheWrite", m.cacheWrite(), "price");
            nonNegative(f + ".perImage", m.perImage(), "fee");
            nonNegative(f + ".perRequest", m.perRequest(), "fee");
            share(f + ".batchDiscount", m.batchDiscount(), "the batch discount");
            if (m.selfHosted() != null) {
                selfHosted(f + ".selfHosted", m.selfHosted());
            }
        }
        if (w.requestTypes().isEmpty()) {
            err("workload.requestTypes", "add at least one request type");
        }
        for (int i = 0; i < w.requestTypes().size(); i++) {
            requestType("requestTypes[" + i + "]", w.requestTypes().get(i));
            flow.requestType("requestTypes[" + i + "]", w.requestTypes().get(i));
        }
        if (w.heavyTail() != null) {
            flow.heavyTail(w.heavyTail(), w);
        }
        if (w.budget() != null) {
            flow.budget(w.budget());
        }
        Set<String> leverIds = new HashSet<>();
        for (int i = 0; i < s.levers().size(); i++) {
            LeverEntry e = s.levers().get(i);
            String f = "levers[" + i + "]";
            if (!leverIds.add(e.id())) {
                err(f + ".id", "the lever id '" + e.id() + "' is used twice");
            }
            for (String t : e.appliesTo()) {
                if (!typeIds.contains(t)) {
                    err(f + ".appliesTo", "there is no request type '" + t + "'");
                }
            }
            if (!flow.lever(f, e.lever())) {
                lever(f, e);
            }
        }
    }

    private void selfHosted(String f, CustomModel.SelfHosted h) {
        if (h.hourlyUsd() == null) {
            err(f + ".hourlyUsd", "give what one instance costs per hour, e.g. 2.50");
        }
        nonNegative(f + ".hourlyUsd", h.hourlyUsd(), "cost");
        if (h.throughputTokensPerSecond() == null
                || h.throughputTokensPerSecond().signum() <= 0) {
            err(
                    f + ".throughputTokensPerSecond",
                    "give the tokens one instance serves per second, above 0 (it sets how many instances are needed)");
        }
        if (h.utilization().signum() <= 0 || h.utilization().compareTo(BigDecimal.ONE) > 0) {
            err(f + ".utilization", "the utilization is a share above 0 % and at most 100 %");
        }
    }

    private void requestType(String f, RequestType t) {
        if (t.id() == null || t.id().isBlank()) {
            err(f + ".id", "a request type needs an id");
        } else if (!typeIds.add(t.id())) {
            err(f + ".id", "the id '" + t.id() + "' is used twice");
        }
        if (t.volume() == null) {
            err(f + ".volume", "give the number of requests per day or month");
        } else {
            if (t.volume().amount().signum() < 0) {
                err(
                        f + ".volume.amount",
                        "the volume must not be negative, got "
                                + t.volume().amount().toPlainString());
            }
            if (t.volume().monthlyGrowth().compareTo(BigDecimal.ONE.negate()) <= 0) {
                err(f + ".volume.monthlyGrowth", "growth must be above −100 % a month");
            }
        }
        TextTokens x = t.text();
        tokens(f + ".text.system", x.system());
        tokens(f + ".text.fewShot", x.fewShot());
        tokens(f + ".text.user", x.user());
        tokens(f + ".text.output", x.output());
        tokens(f + ".text.reasoning", x.reasoning());
        share(f + ".batchableShare", t.batchableShare(), "the batchable share");
        share(f + ".repeatRate", t.repeatRate(), "the repeat rate");
        boolean needsModel = x.input() + x.output() + x.reasoning() > 0
                || !t.images().isEmpty()
                || (t.video() != null && t.video().hours().signum() > 0)
                || (t.audio() != null && t.audio().mode() == AudioInput.Mode.NATIVE);
        if (t.model() == null || t.model().isBlank()) {
            if (needsModel) {
                err(f + ".model", "choose the model that serves these requests");
            }
        } else {
            model(f + ".model", t.model());
        }
        for (int j = 0; j < t.images().size(); j++) {
            ImageInput img = t.images().get(j);
            String g = f + ".images[" + j + "]";
            nonNegative(g + ".count", img.count(), "number of images");
            if (img.tokensPerImage() == null && (img.width() <= 0 || img.height() <= 0)) {
                err(g + ".width", "give the image size in pixels (or its tokens per image)");
            }
            if (img.tokensPerImage() != null) {
                tokens(g + ".tokensPerImage", img.tokensPerImage());
            }
        }
        AudioInput a = t.audio();
        if (a != null) {
            nonNegative(f + ".audio.seconds", a.seconds(), "audio length");
            nonNegative(f + ".audio.clipSeconds", a.clipSeconds(), "clip length");
            nonNegative(f + ".audio.perMinute", a.perMinute(), "price");
            if (a.perMinute() == null && a.transcription() != null && Models.transcription(a.transcription()) == null) {
                err(f + ".audio.transcription", "unknown transcription service '" + a.transcription() + "'");
            }
        }
        VideoInput v = t.video();
        if (v != null) {
            nonNegative(f + ".video.hours", v.hours(), "video length");
            if (v.fps().signum() <= 0) {
                err(f + ".video.fps", "frames per second must be above 0");
            }
            if (v.tokensPerFrame() != null) {
                tokens(f + ".video.tokensPerFrame", v.tokensPerFrame());
            }
            if (v.audioTokensPerSecond() != null) {
                tokens(f + ".video.audioTokensPerSecond", v.audioTokensPerSecond());
            }
        }
    }

    private void lever(String f, LeverEntry e) {
        Lever l = e.lever();
        if (l instanceof Lever.FrameSampling) {
            BigDecimal fps = ((Lever.FrameSampling) l).fps();
            if (fps == null || fps.signum() <= 0) {
                err(f + ".fps", "frames per second must be above 0");
            }
        } else if (l instanceof Lever.Downscale) {
            Lever.Downscale d = (Lever.Downscale) l;
            if (d.longEdge() == null && d.tokensPerImage() == null && d.tokensPerFrame() == null) {
                err(f + ".longEdge", "give the long edge in pixels (or measured tokens)");
            } else if (d.longEdge() != null && d.longEdge() <= 0) {
                err(f + ".longEdge", "the long edge must be at least 1 pixel");
            }
            measured(f, d.tokensPerImage(), d.tokensPerFrame());
        } else if (l instanceof Lever.LowMediaResolution) {
            Lever.LowMediaResolution r = (Lever.LowMediaResolution) l;
            measured(f, r.tokensPerImage(), r.tokensPerFrame());
        } else if (l instanceof Lever.Crop) {
            Lever.Crop c = (Lever.Crop) l;
            if (c.keepArea() == null && c.tokensPerImage() == null && c.tokensPerFrame() == null) {
                err(f + ".keepArea", "give the share of the area kept (or measured tokens)");
            } else if (c.keepArea() != null
                    && (c.keepArea().signum() <= 0 || c.keepArea().compareTo(BigDecimal.ONE) > 0)) {
                err(f + ".keepArea", "the area kept is a share above 0 % and at most 100 %, got " + pct(c.keepArea()));
            }
            measured(f, c.tokensPerImage(), c.tokensPerFrame());
        } else if (l instanceof Lever.EventGating) {
            required(f + ".passRate", ((Lever.EventGating) l).passRate(), "the pass rate");
        } else if (l instanceof Lever.ResponseCache) {
            BigDecimal h = ((Lever.ResponseCache) l).hitRate();
            if (required(f + ".hitRate", h, "a hit rate")) {
                for (RequestType t : s.workload().requestTypes()) {
                    if (e.appliesTo(t.id()) && t.repeatRate() != null && h.compareTo(t.repeatRate()) > 0) {
                        err(
                                f + ".hitRate",
                                "the hit rate (" + pct(h) + ") is above the repeat rate of '" + t.id() + "' ("
                                        + pct(t.repeatRate()) + "): a cache only serves requests that repeat");
                    }
                }
            }
        } else if (l instanceof Lever.Precompute) {
            required(f + ".reuseShare", ((Lever.Precompute) l).reuseShare(), "the reuse share");
        } else if (l instanceof Lever.PromptTrimming) {
            Lever.PromptTrimming p = (Lever.PromptTrimming) l;
            cutOrTokens(f, p.cut(), p.tokens());
        } else if (l instanceof Lever.FewShotTrimming) {
            Lever.FewShotTrimming p = (Lever.FewShotTrimming) l;
            cutOrTokens(f, p.cut(), p.tokens());
        } else if (l instanceof Lever.OutputCap) {
            tokens(f + ".maxTokens", ((Lever.OutputCap) l).maxTokens());
        } else if (l instanceof Lever.ReasoningCap) {
            tokens(f + ".maxTokens", ((Lever.ReasoningCap) l).maxTokens());
        } else if (l instanceof Lever.Routing) {
            routing(f, (Lever.Routing) l);
        } else if (l instanceof Lever.Cascade) {
            Lever.Cascade c = (Lever.Cascade) l;
            model(f + ".cheapModel", c.cheapModel());
            if (c.expensiveModel() != null) {
                model(f + ".expensiveModel", c.expensiveModel());
            }
            BigDecimal r = c.escalationRate();
            if (r == null) {
                err(f + ".escalationRate", "give the escalation rate");
            } else if (r.signum() < 0 || r.compareTo(BigDecimal.ONE) > 0) {
                err(
                        f + ".escalationRate",
                        "the escalation rate is the share of calls escalated: between 0 and 1, got "
                                + r.stripTrailingZeros().toPlainString());
            }
        } else if (l instanceof Lever.ProviderSwitch) {
            Lever.ProviderSwitch p = (Lever.ProviderSwitch) l;
            model(f + ".to", p.to());
            if (p.from() != null) {
                model(f + ".from", p.from());
            }
        } else if (l instanceof Lever.TranscriptionRouting) {
            Lever.TranscriptionRouting t = (Lever.TranscriptionRouting) l;
            nonNegative(f + ".thresholdSeconds", t.thresholdSeconds(), "threshold");
            share(f + ".apiShare", t.apiShare(), "the API share");
            nonNegative(f + ".localPerMinute", t.localPerMinute(), "price");
            if (t.localPerMinute() == null && Models.transcription(t.local()) == null) {
                err(f + ".local", "unknown transcription service '" + t.local() + "'");
            }
        } else if (l instanceof Lever.PromptCaching c) {
            required(f + ".hitRate", c.hitRate(), "a hit rate");
            above0(f + ".ttlHours", c.ttlHours(), "cache TTL (hours)");
            above0(f + ".requestsPerHour", c.requestsPerHour(), "requests per hour reading the cache");
        } else if (l instanceof Lever.Batch) {
            share(f + ".share", ((Lever.Batch) l).share(), "the batch share");
        } else if (l instanceof Lever.Flex x) {
            required(f + ".share", x.share(), "the share sent at flex");
            share(f + ".retryShare", x.retryShare(), "the retried share");
        } else if (l instanceof Lever.Priority x) {
            required(f + ".share", x.share(), "the share sent at priority");
        } else if (l instanceof Lever.StepCap c) {
            if (c.maxSteps() < 1) {
                err(f + ".maxSteps", "a task takes at least 1 step, got " + c.maxSteps());
            }
        } else if (l instanceof Lever.BetterPlanner b) {
            model(f + ".model", b.model());
            BigDecimal r = b.failureRate();
            if (r == null || r.signum() < 0 || r.compareTo(BigDecimal.ONE) >= 0) {
                err(f + ".failureRate", "give the failure rate per step with the planner: from 0 % to below 100 %");
            }
        } else if (l instanceof Lever.SelfHosting) {
            Lever.SelfHosting h = (Lever.SelfHosting) l;
            model(f + ".model", h.model());
            if (h.hourlyUsd() == null && h.monthlyUsd() == null) {
                err(f + ".hourlyUsd", "give the cost of one replica per hour or per month");
            }
            nonNegative(f + ".hourlyUsd", h.hourlyUsd(), "cost");
            nonNegative(f + ".monthlyUsd", h.monthlyUsd(), "cost");
            if (h.throughputTokensPerSecond() != null
                    && h.throughputTokensPerSecond().signum() <= 0) {
                err(f + ".throughputTokensPerSecond", "the throughput must be above 0 tokens per second");
            }
            if (h.utilization().signum() <= 0 || h.utilization().compareTo(BigDecimal.ONE) > 0) {
                err(
                        f + ".utilization",
                        "the utilization is a share above 0 % and at most 100 %, got " + pct(h.utilization()));
            }
        }
    }

    private void routing(String f, Lever.Routing r) {
        if (r.routes().isEmpty()) {
            err(f + ".routes", "add at least one model");
            return;
        }
        BigDecimal sum = BigDecimal.ZERO;
        boolean sharesOk = true;
        for (int j = 0; j < r.routes().size(); j++) {
            Lever.Routing.Route route = r.routes().get(j);
            model(f + ".routes[" + j + "].model", route.model());
            sharesOk &= required(f + ".routes[" + j + "].share", route.share(), "a share");
            if (route.share() != null) {
                sum = sum.add(route.share());
            }
        }
        if (sharesOk && sum.compareTo(BigDecimal.ONE) != 0) {
            err(f + ".routes", "the shares add up to " + pct(sum) + ", not 100 %");
        }
    }

    private void cutOrTokens(String f, BigDecimal cut, Long tokens) {
        if (cut == null && tokens == null) {
            err(f + ".cut", "give the share cut or the tokens left");
        }
        share(f + ".cut", cut, "the cut");
        if (tokens != null) {
            tokens(f + ".tokens", tokens);
        }
    }

    private void measured(String f, Long perImage, Long perFrame) {
        if (perImage != null) {
            tokens(f + ".tokensPerImage", perImage);
        }
        if (perFrame != null) {
            tokens(f + ".tokensPerFrame", perFrame);
        }
    }

    private void model(String f, String id) {
        if (id == null || id.isBlank()) {
            err(f, "choose a model");
        } else if (models.entry(id) == null) {
            err(f, "unknown model '" + id + "': not in the catalog or the scenario's custom models");
        }
    }

    /** A required share in [0, 1]; true when present and valid. */
    private boolean required(String f, BigDecimal v, String what) {
        if (v == null) {
            err(f, "give " + what);
            return false;
        }
        return share(f, v, what);
    }

    private boolean share(String f, BigDecimal v, String what) {
        if (v == null) {
            return true;
        }
        if (v.signum() < 0) {
            err(f, capital(what) + " must not be negative, got " + pct(v));
            return false;
        }
        if (v.compareTo(BigDecimal.ONE) > 0) {
            err(f, capital(what) + " above 100 % is impossible, got " + pct(v));
            return false;
        }
        return true;
    }

    private void nonNegative(String f, BigDecimal v, String what) {
        if (v != null && v.signum() < 0) {
            err(
                    f,
                    "the " + what + " must not be negative, got "
                            + v.stripTrailingZeros().toPlainString());
        }
    }

    /** An optional number that must be above 0 when given. */
    private void above0(String f, BigDecimal v, String what) {
        if (v != null && v.signum() <= 0) {
            err(
                    f,
                    "the " + what + " must be above 0, got "
                            + v.stripTrailingZeros().toPlainString());
        }
    }

    private void tokens(String f, long v) {
        if (v < 0) {
            err(f, "a token count must not be negative, got " + v);
        }
    }

    private void err(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String pct(BigDecimal share) {
        return share.movePointRight(2).stripTrailingZeros().toPlainString() + " %";
    }
}
