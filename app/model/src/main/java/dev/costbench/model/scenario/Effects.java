// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import dev.costbench.model.media.Transcription;
import dev.costbench.model.scenario.PlanState.Route;
import dev.costbench.model.scenario.PlanState.TypeState;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each lever does to the plan. Reductions are stated against the workload as typed and combined with
 * {@code min}/{@code max}, so a second lever on the same quantity only adds what goes beyond the first; settings
 * replace. Returns notes when a lever finds nothing to act on.
 */
final class Effects {

    private Effects() {}

    static List<String> apply(LeverEntry e, PlanState plan) {
        List<TypeState> targets = new ArrayList<>();
        for (TypeState ts : plan.types) {
            if (e.appliesTo(ts.rt.id())) {
                targets.add(ts);
            }
        }
        List<String> notes = new ArrayList<>();
        Lever l = e.lever();
        int acted = 0;
        for (TypeState ts : targets) {
            if (apply(l, ts, notes)) {
                acted++;
            }
        }
        if (l instanceof Lever.SelfHosting) {
            Lever.SelfHosting sh = (Lever.SelfHosting) l;
            plan.selfHosted.put(sh.model(), sh);
            boolean used = false;
            for (TypeState ts : plan.types) {
                for (Route r : ts.routes) {
                    used |= r.model().equals(sh.model());
                }
            }
            if (!used) {
                notes.add("no calls reach " + sh.model() + ": the self-hosted replica would sit idle");
            }
            return notes;
        }
        if (acted == 0 && notes.isEmpty()) {
            notes.add(e.label() + " has nothing to act on in "
                    + (targets.size() == 1 ? "'" + targets.get(0).rt.id() + "'" : "the request types it applies to"));
        }
        return notes;
    }

    /** Applies {@code l} to one request type; true when it changed anything the bill depends on. */
    private static boolean apply(Lever l, TypeState ts, List<String> notes) {
        Boolean flow = FlowEffects.apply(l, ts, notes);
        if (flow != null) {
            return flow;
        }
        String id = ts.rt.id();
        if (l instanceof Lever.FrameSampling) {
            if (!ts.hasVideo()) {
                return false;
            }
            ts.fps = ts.fps.min(((Lever.FrameSampling) l).fps());
            return true;
        }
        if (l instanceof Lever.Downscale) {
            Lever.Downscale d = (Lever.Downscale) l;
            if (!ts.hasMedia()) {
                return false;
            }
            if (d.longEdge() != null) {
                ts.longEdge = ts.longEdge == null ? d.longEdge() : Math.min(ts.longEdge, d.longEdge());
            }
            measured(ts, d.tokensPerImage(), d.tokensPerFrame());
            typedOnly(ts, d.tokensPerImage(), d.tokensPerFrame(), "downscaling", notes);
            return true;
        }
        if (l instanceof Lever.LowMediaResolution) {
            Lever.LowMediaResolution r = (Lever.LowMediaResolution) l;
            if (!ts.hasMedia()) {
                return false;
            }
            ts.resolution = r.resolution();
            ts.detail = r.detail();
            measured(ts, r.tokensPerImage(), r.tokensPerFrame());
            typedOnly(ts, r.tokensPerImage(), r.tokensPerFrame(), "a lower media resolution", notes);
            return true;
        }
        if (l instanceof Lever.Crop) {
            Lever.Crop c = (Lever.Crop) l;
            if (!ts.hasMedia()) {
                return false;
            }
            if (c.keepArea() != null) {
                ts.cropShare = ts.cropShare.min(c.keepArea());
            }
            measured(ts, c.tokensPerImage(), c.tokensPerFrame());
            typedOnly(ts, c.tokensPerImage(), c.tokensPerFrame(), "cropping", notes);
            return true;
        }
        if (l instanceof Lever.EventGating) {
            ts.gatePass = ts.gatePass.min(((Lever.EventGating) l).passRate());
            return true;
        }
        if (l instanceof Lever.ResponseCache) {
            ts.reuse = ts.reuse.max(((Lever.ResponseCache) l).hitRate());
            return true;
        }
        if (l instanceof Lever.Precompute) {
            ts.reuse = ts.reuse.max(((Lever.Precompute) l).reuseShare());
            return true;
        }
        if (l instanceof Lever.PromptTrimming) {
            return trim(ts, (Lever.PromptTrimming) l);
        }
        if (l instanceof Lever.FewShotTrimming) {
            Lever.FewShotTrimming f = (Lever.FewShotTrimming) l;
            if (ts.rt.text().fewShot() == 0) {
                return false;
            }
            ts.fewShot = ts.fewShot.min(target(BigDecimal.valueOf(ts.rt.text().fewShot()), f.cut(), f.tokens()));
            return true;
        }
        if (l instanceof Lever.OutputCap) {
            ts.output = ts.output.min(BigDecimal.valueOf(((Lever.OutputCap) l).maxTokens()));
            return ts.rt.text().output() > 0;
        }
        if (l instanceof Lever.ReasoningCap) {
            ts.reasoning = ts.reasoning.min(BigDecimal.valueOf(((Lever.ReasoningCap) l).maxTokens()));
            return ts.rt.text().reasoning() > 0;
        }
        if (l instanceof Lever.Routing) {
            if (ts.routes.isEmpty()) {
                return false;
            }
            ts.routes = new ArrayList<>();
            for (Lever.Routing.Route r : ((Lever.Routing) l).routes()) {
                ts.routes.add(new Route(r.model(), r.share()));
            }
            merge(ts);
            return true;
        }
        if (l instanceof Lever.Cascade) {
            Lever.Cascade c = (Lever.Cascade) l;
            if (ts.routes.isEmpty()) {
                return false;
            }
            String expensive = c.expensiveModel() != null ? c.expensiveModel() : ts.primaryModel();
            ts.routes = new ArrayList<>();
            ts.routes.add(new Route(c.cheapModel(), BigDecimal.ONE));
            if (c.escalationRate().signum() > 0) {
                ts.routes.add(new Route(expensive, c.escalationRate()));
            }
            return true;
        }
        if (l instanceof Lever.ProviderSwitch) {
            Lever.ProviderSwitch p = (Lever.ProviderSwitch) l;
            boolean changed = false;
            List<Route> out = new ArrayList<>();
            for (Route r : ts.routes) {
                if (p.from() == null || p.from().equals(r.model())) {
                    out.add(new Route(p.to(), r.share()));
                    changed = true;
                } else {
                    out.add(r);
                }
            }
            ts.routes = out;
            merge(ts);
            return changed;
        }
        if (l instanceof Lever.TranscriptionRouting) {
            Lever.TranscriptionRouting t = (Lever.TranscriptionRouting) l;
            AudioInput a = ts.rt.audio();
            if (a == null || a.seconds().signum() == 0) {
                return false;
            }
            if (a.mode() == AudioInput.Mode.NATIVE) {
                notes.add("'" + id + "' sends its audio to the model as tokens, not to a transcription service: "
                        + "transcription routing does not apply");
                return false;
            }
            ts.apiShare = t.apiShare() != null
                    ? t.apiShare()
                    : a.clipSeconds().compareTo(t.thresholdSeconds()) < 0 ? BigDecimal.ONE : BigDecimal.ZERO;
            if (t.localPerMinute() != null) {
                ts.localPerMinute = t.localPerMinute();
            } else {
                Transcription local = Models.transcription(t.local());
                ts.localPerMinute = local == null ? BigDecimal.ZERO : local.perMinute();
            }
            return true;
        }
        if (l instanceof Lever.PromptCaching) {
            if (ts.routes.isEmpty()) {
                return false;
            }
            ts.caching = (Lever.PromptCaching) l;
            if (ts.system.add(ts.fewShot).signum() == 0) {
                notes.add("'" + id + "' has no system prompt or few-shot examples to cache");
            }
            return true;
        }
        if (l instanceof Lever.StepCap c) {
            if (!ts.rt.isAgentTask()) {
                return false;
            }
            ts.stepCap = ts.stepCap == null ? c.maxSteps() : Math.min(ts.stepCap, c.maxSteps());
            return true;
        }
        if (l instanceof Lever.BetterPlanner b) {
            if (!ts.rt.isAgentTask()) {
                return false;
            }
            ts.planner = b;
            return true;
        }
        if (l instanceof Lever.Batch) {
            if (ts.routes.isEmpty()) {
                return false;
            }
            if (ts.rt.batchableShare().signum() == 0) {
                notes.add("'" + id + "' cannot wait for a batch API (its batchable share is 0 %)");
                return false;
            }
            BigDecimal share = ((Lever.Batch) l).share() == null ? BigDecimal.ONE : ((Lever.Batch) l).share();
            ts.batchShare = ts.batchShare.max(share.multiply(ts.rt.batchableShare()));
            return true;
        }
        if (l instanceof Lever.Flex f) {
            if (ts.routes.isEmpty()) {
                return false;
            }
            ts.flexShare = ts.flexShare.max(f.share());
            ts.flexRetry = f.retryShare();
            return true;
        }
        if (l instanceof Lever.Priority p) {
            if (ts.routes.isEmpty()) {
                return false;
            }
            ts.priorityShare = ts.priorityShare.max(p.share());
            return true;
        }
        return false;
    }

    private static boolean trim(TypeState ts, Lever.PromptTrimming p) {
        TextTokens t = ts.rt.text();
        switch (p.part()) {
            case SYSTEM:
                if (t.system() == 0) {
                    return false;
                }
                ts.system = ts.system.min(target(BigDecimal.valueOf(t.system()), p.cut(), p.tokens()));
                return true;
            case USER:
                if (t.user() == 0) {
                    return false;
                }
                ts.user = ts.user.min(target(BigDecimal.valueOf(t.user()), p.cut(), p.tokens()));
                return true;
            default:
                if (t.input() == 0) {
                    return false;
                }
                BigDecimal keep = p.tokens() != null
                        ? BigDecimal.valueOf(p.tokens()).divide(BigDecimal.valueOf(t.input()), ScenarioEngine.MC)
                        : BigDecimal.ONE.subtract(p.cut());
                ts.system = ts.system.min(BigDecimal.valueOf(t.system()).multiply(keep));
                ts.fewShot = ts.fewShot.min(BigDecimal.valueOf(t.fewShot()).multiply(keep));
                ts.user = ts.user.min(BigDecimal.valueOf(t.user()).multiply(keep));
                return true;
        }
    }

    /** The size after a reduction: a typed target, or the typed size less the cut. */
    private static BigDecimal target(BigDecimal base, BigDecimal cut, Long tokens) {
        if (tokens != null) {
            return BigDecimal.valueOf(tokens);
        }
        return base.multiply(BigDecimal.ONE.subtract(cut == null ? BigDecimal.ZERO : cut));
    }

    private static void measured(TypeState ts, Long perImage, Long perFrame) {
        if (perImage != null && ts.hasImages()) {
            BigDecimal v = BigDecimal.valueOf(perImage);
            ts.measuredImageTokens = ts.measuredImageTokens == null ? v : ts.measuredImageTokens.min(v);
        }
        if (perFrame != null && ts.hasVideo()) {
            BigDecimal v = BigDecimal.valueOf(perFrame);
            ts.measuredFrameTokens = ts.measuredFrameTokens == null ? v : ts.measuredFrameTokens.min(v);
        }
    }

    /** A rule-based lever cannot change tokens the workload typed in: say so unless measured values were given. */
    private static void typedOnly(TypeState ts, Long perImage, Long perFrame, String what, List<String> notes) {
        boolean imagesTyped =
                ts.hasImages() && ts.rt.images().stream().allMatch(i -> i.tokensPerImage() != null) && perImage == null;
        boolean framesTyped = ts.hasVideo() && ts.rt.video().tokensPerFrame() != null && perFrame == null;
        if (imagesTyped || framesTyped) {
            notes.add("'" + ts.rt.id() + "' gives its media tokens as typed numbers, so " + what + " cannot be "
                    + "computed from the model's rules: give the measured tokens per "
                    + (framesTyped ? "frame" : "image")
                    + " in the lever");
        }
    }

    private static void merge(TypeState ts) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        for (Route r : ts.routes) {
            m.merge(r.model(), r.share(), BigDecimal::add);
        }
        ts.routes = new ArrayList<>();
        m.forEach((k, v) -> ts.routes.add(new Route(k, v)));
    }
}
