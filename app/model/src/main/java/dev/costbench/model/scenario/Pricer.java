// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.Price;
import dev.costbench.model.catalog.PriceKind;
import dev.costbench.model.catalog.ServiceTier;
import dev.costbench.model.catalog.TierPricing;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.CostEngine;
import dev.costbench.model.cost.Money;
import dev.costbench.model.cost.UnitPrices;
import dev.costbench.model.media.Transcription;
import dev.costbench.model.ratecard.RateCard;
import dev.costbench.model.scenario.PlanState.Route;
import dev.costbench.model.scenario.PlanState.TypeState;
import dev.costbench.model.workload.agent.AgentCost;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Prices a plan for one month: calls × tokens × the per-token prices {@link CostEngine#unitPrices} picks with the
 * provider's rules, plus per-minute transcription, per-image fees and self-hosted replicas. Exact BigDecimal
 * arithmetic; only per-minute and share divisions use {@link ScenarioEngine#MC}.
 */
final class Pricer {

    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);
    private static final BigDecimal HALF = new BigDecimal("0.5");

    private final PlanState plan;
    private final Models models;
    private final int month;
    private final LocalDate date;
    private final Set<String> warnings;
    private final Map<BillLine, BigDecimal> lines = new EnumMap<>(BillLine.class);
    private final Map<String, BigDecimal> byType = new LinkedHashMap<>();
    private final Map<String, BigDecimal> perSuccess = new LinkedHashMap<>();
    /** Tokens each self-hosted model serves, per request type. */
    private final Map<String, Map<String, BigDecimal>> hosted = new LinkedHashMap<>();
    /** What the explicit caches of this month keep and cost, one note per request type and model. */
    private final List<String> cacheNotes = new ArrayList<>();
    /** The assumptions behind the lines (self-hosted GPUs, fees). */
    private final Map<BillLine, List<String>> lineNotes = new EnumMap<>(BillLine.class);
    /** The amount of the calls being priced, for the rate card. */
    private BigDecimal chunk = BigDecimal.ZERO;

    private Pricer(PlanState plan, Models models, int month, LocalDate date, Set<String> warnings) {
        this.plan = plan;
        this.models = models;
        this.month = month;
        this.date = date;
        this.warnings = warnings;
    }

    /**
     * A bill, the tokens a month each self-hosted model serves, and what the explicit caches keep and cost (notes of
     * the prompt-caching step).
     */
    record Priced(Bill bill, Map<String, BigDecimal> hostedTokens, List<String> cacheNotes) {}

    /**
     * The bill of month {@code month} (0 = the first; sets the growth) at the catalog prices of {@code date}, adding
     * problems to {@code warnings}.
     */
    static Priced price(PlanState plan, Models models, int month, LocalDate date, Set<String> warnings) {
        Pricer p = new Pricer(plan, models, month, date, warnings);
        Bill b = p.run();
        Map<String, BigDecimal> tokens = new LinkedHashMap<>();
        for (String id : plan.selfHosted.keySet()) {
            tokens.put(
                    id, p.hosted.getOrDefault(id, Map.of()).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        }
        return new Priced(b, tokens, List.copyOf(p.cacheNotes));
    }

    private Bill run() {
        for (TypeState ts : plan.types) {
            byType.put(ts.rt.id(), BigDecimal.ZERO);
            price(ts);
        }
        selfHosting();
        BigDecimal total = BigDecimal.ZERO;
        for (BigDecimal v : lines.values()) {
            total = total.add(v);
        }
        return new Bill(total, lines, byType, perSuccess, lineNotes);
    }

    private void add(TypeState ts, BillLine line, BigDecimal usd) {
        if (usd.signum() == 0) {
            return;
        }
        lines.merge(line, usd, BigDecimal::add);
        byType.merge(ts.rt.id(), usd, BigDecimal::add);
        chunk = chunk.add(usd);
    }

    /** The user's rate card on {@code amount} of {@code m}'s calls at {@code tier}: one bill line for all of it. */
    private void rates(TypeState ts, ModelEntry m, ServiceTier tier, BigDecimal amount) {
        if (amount.signum() == 0) {
            return;
        }
        for (RateCard.Applied a : models.rateCard().apply(m, tier, amount)) {
            add(ts, BillLine.RATE_CARD, a.amount());
        }
    }

    private BigDecimal requests(TypeState ts) {
        BigDecimal g = ts.rt.volume().monthlyGrowth();
        if (month == 0 || g.signum() == 0) {
            return ts.requests;
        }
        return ts.requests.multiply(BigDecimal.ONE.add(g).pow(month));
    }

    private void price(TypeState ts) {
        BigDecimal calls = requests(ts).multiply(ts.gatePass).multiply(BigDecimal.ONE.subtract(ts.reuse));
        if (calls.signum() == 0) {
            return;
        }
        transcription(ts, calls);
        if (ts.rt.isConversationType() || ts.rt.isRetrievalType()) {
            flow(ts, calls);
            return;
        }
        BigDecimal textIn = ts.system.add(ts.fewShot).add(ts.user);
        boolean usesModel = textIn.signum() > 0
                || ts.output.signum() > 0
                || ts.reasoning.signum() > 0
                || ts.hasMedia()
                || MediaTokens.nativeAudioSeconds(ts).signum() > 0;
        if (!usesModel) {
            return;
        }
        if (ts.rt.isAgentTask()) {
            agentTask(ts, calls);
            return;
        }
        for (Route r : ts.routes) {
            ModelEntry m = models.entry(r.model());
            if (m == null) {
                warnings.add("unknown model '" + r.model() + "': its calls are left out of the bill");
                continue;
            }
            route(ts, m, calls.multiply(r.share()));
        }
    }

    /** An agent task type: {@code tasks} tasks priced on each route and tier, and its cost per successful task. */
    private void agentTask(TypeState ts, BigDecimal tasks) {
        BigDecimal successes = BigDecimal.ZERO;
        for (Route r : ts.routes) {
            ModelEntry m = known(r);
            for (TierSplit.Part part : m == null ? List.<TierSplit.Part>of() : TierSplit.of(ts, m, date)) {
                BigDecimal n = tasks.multiply(r.share()).multiply(part.share());
                AgentCost.Result a = AgentTaskPricer.price(ts, m, models, part.options(), warnings);
                chunk = BigDecimal.ZERO;
                add(ts, BillLine.TEXT_INPUT, n.multiply(a.inputCost()));
                add(ts, BillLine.OUTPUT, n.multiply(a.outputCost()));
                rates(ts, m, part.options().serviceTier(), chunk);
                successes = successes.add(n.multiply(a.successShare()));
            }
        }
        if (successes.signum() > 0) {
            perSuccess.put(ts.rt.id(), byType.get(ts.rt.id()).divide(successes, ScenarioEngine.MC));
        }
    }

    /** A conversation or retrieval type: {@code units} conversations or queries priced on each route and tier. */
    private void flow(TypeState ts, BigDecimal units) {
        if (ts.hasMedia() || ts.rt.audio() != null) {
            warnings.add("'" + ts.rt.name() + "' is a " + FlowReport.unit(ts.rt)
                    + " type: only its text is priced; its " + "images, video and audio are left out");
        }
        for (Route r : ts.routes) {
            ModelEntry m = known(r);
            for (TierSplit.Part part : m == null ? List.<TierSplit.Part>of() : TierSplit.of(ts, m, date)) {
                BigDecimal n = units.multiply(r.share()).multiply(part.share());
                chunk = BigDecimal.ZERO;
                FlowPricer.perUnit(ts, m, part.options(), units, models, date, warnings)
                        .forEach((line, usd) -> add(ts, line, n.multiply(usd)));
                rates(ts, m, part.options().serviceTier(), chunk);
            }
        }
    }

    /** The route's model, or null (and a warning) when it is unknown. */
    private ModelEntry known(Route r) {
        ModelEntry m = models.entry(r.model());
        if (m == null) {
            warnings.add("unknown model '" + r.model() + "': its calls are left out of the bill");
        }
        return m;
    }

    private void transcription(TypeState ts, BigDecimal calls) {
        AudioInput a = ts.rt.audio();
        if (a == null || a.mode() != AudioInput.Mode.TRANSCRIBE || a.seconds().signum() == 0) {
            return;
        }
        BigDecimal api = apiPerMinute(a);
        BigDecimal perMinute = ts.localPerMinute == null
                ? api
                : ts.apiShare
                        .multiply(api)
                        .add(BigDecimal.ONE.subtract(ts.apiShare).multiply(ts.localPerMinute));
        add(
                ts,
                BillLine.TRANSCRIPTION,
                calls.multiply(a.seconds()).multiply(perMinute).divide(SIXTY, ScenarioEngine.MC));
    }

    static BigDecimal apiPerMinute(AudioInput a) {
        if (a.perMinute() != null) {
            return a.perMinute();
        }
        Transcription t = Models.transcription(a.transcription() == null ? "whisper-1" : a.transcription());
        return t == null ? BigDecimal.ZERO : t.perMinute();
    }

    private void route(TypeState ts, ModelEntry m, BigDecimal calls) {
        MediaTokens mt = MediaTokens.of(ts, m, models, warnings);
        BigDecimal prefix = ts.system.add(ts.fewShot);
        BigDecimal totalIn = prefix.add(ts.user).add(mt.visual()).add(mt.audio());
        BigDecimal out = ts.output.add(ts.reasoning);
        if (m.contextWindow() != null && totalIn.compareTo(BigDecimal.valueOf(m.contextWindow())) > 0) {
            warnings.add(String.format(
                    Locale.ROOT,
                    "'%s' sends %s input tokens per call, more than %s's context "
                            + "window of %,d: the request has to be split",
                    ts.rt.id(),
                    plain(totalIn),
                    m.id(),
                    m.contextWindow()));
        }
        if (plan.selfHosted.containsKey(m.id()) || models.selfHosted().containsKey(m.id())) {
            hosted.computeIfAbsent(m.id(), k -> new LinkedHashMap<>())
                    .merge(ts.rt.id(), calls.multiply(totalIn.add(out)), BigDecimal::add);
            return;
        }
        fee(ts, m, BillLine.MEDIA_FEES, calls.multiply(mt.images()), models.perImage(m.id()), "image");
        fee(ts, m, BillLine.REQUEST_FEES, calls, models.perRequest(m.id()), "request");
        BigDecimal cacheHit = null;
        if (ts.caching != null && prefix.signum() > 0) {
            Long min = m.minCacheTokens();
            if (min != null && prefix.compareTo(BigDecimal.valueOf(min)) < 0) {
                warnings.add(String.format(
                        Locale.ROOT,
                        "prompt caching: the repeated prefix of '%s' (%s tokens) is "
                                + "below %s's minimum cacheable length of %,d tokens: nothing is cached",
                        ts.rt.id(),
                        plain(prefix),
                        m.id(),
                        min));
            } else {
                cacheHit = ts.caching.hitRate();
                storage(ts, m, prefix, calls);
            }
        }
        long lcInput = totalIn.setScale(0, RoundingMode.CEILING).longValueExact();
        for (TierSplit.Part part : TierSplit.of(ts, m, date)) {
            chunk = BigDecimal.ZERO;
            perCall(ts, m, calls.multiply(part.share()), lcInput, part.options(), prefix, mt, cacheHit);
            rates(ts, m, part.options().serviceTier(), chunk);
        }
    }

    /** A fee per item ({@code what}: image, request) of {@code count} items a month, with its note; none: nothing. */
    private void fee(TypeState ts, ModelEntry m, BillLine line, BigDecimal count, BigDecimal fee, String what) {
        if (fee == null || count.signum() == 0) {
            return;
        }
        BigDecimal usd = count.multiply(fee);
        add(ts, line, usd);
        note(
                line,
                String.format(
                        Locale.ROOT,
                        "'%s' on %s: %s %ss a month × %s per %s = %s",
                        ts.rt.id(),
                        m.name(),
                        plain(count),
                        what,
                        Money.format(fee),
                        what,
                        Money.format(usd)));
    }

    /** Explicit-cache storage of the cached prefix for the month (Gemini), with its rate card and its note. */
    private void storage(TypeState ts, ModelEntry m, BigDecimal prefix, BigDecimal calls) {
        if (!ExplicitCacheStorage.applies(m, date)) {
            return;
        }
        ExplicitCacheStorage s = ExplicitCacheStorage.of(ts.caching, m, prefix, calls, plan.daysPerMonth, date);
        BigDecimal usd = s.monthly(calls);
        if (usd == null) {
            warnings.add("explicit cache storage of '" + ts.rt.id() + "' is left out of the bill: " + s.unpriced());
            return;
        }
        chunk = BigDecimal.ZERO;
        add(ts, BillLine.CACHE_STORAGE, usd);
        rates(ts, m, ServiceTier.STANDARD, chunk);
        cacheNotes.add(s.note(ts.rt.id(), usd));
    }

    private void perCall(
            TypeState ts,
            ModelEntry m,
            BigDecimal calls,
            long lcInput,
            BillingOptions opts,
            BigDecimal prefix,
            MediaTokens mt,
            BigDecimal cacheHit) {
        UnitPrices p = CostEngine.unitPrices(m, lcInput, opts);
        BigDecimal uncachedText = ts.user;
        if (cacheHit == null) {
            uncachedText = uncachedText.add(prefix);
        } else {
            BigDecimal reads = prefix.multiply(cacheHit);
            BigDecimal writes = prefix.subtract(reads);
            line(ts, m, BillLine.CACHE_READ, calls, reads, p.cacheRead(), "cache-read");
            line(
                    ts,
                    m,
                    BillLine.CACHE_WRITE,
                    calls,
                    writes,
                    ts.caching.ttl() == Lever.PromptCaching.Ttl.ONE_HOUR ? p.cacheWrite1h() : p.cacheWrite5m(),
                    "cache-write");
        }
        line(ts, m, BillLine.TEXT_INPUT, calls, uncachedText, p.input(), "input");
        line(ts, m, BillLine.MEDIA_INPUT, calls, mt.visual(), p.input(), "input");
        if (mt.audio().signum() > 0) {
            // Above the long-context threshold the whole request is repriced: the long-context audio price, or
            // the long-context input price when none is listed.
            Price audio = p.longContext()
                    ? (m.longContext().prices().get(PriceKind.INPUT_AUDIO))
                    : m.at(date).price(PriceKind.INPUT_AUDIO).orElse(null);
            BigDecimal perM;
            if (audio == null) {
                perM = p.input() == null ? null : p.input().perMTok();
            } else {
                perM = opts.batch() && m.rules().batchHalfPrice()
                        ? audio.perMTok().multiply(HALF)
                        : tierAudio(m, opts, audio.perMTok());
            }
            lineRaw(ts, m, BillLine.AUDIO_INPUT, calls, mt.audio(), perM, "audio-input");
        }
        line(ts, m, BillLine.OUTPUT, calls, ts.output, p.output(), "output");
        line(ts, m, BillLine.REASONING, calls, ts.reasoning, p.output(), "output");
    }

    /** The audio price in a flex or priority tier: the tier's multiplier on it; unpriced when none is listed. */
    private BigDecimal tierAudio(ModelEntry m, BillingOptions opts, BigDecimal standard) {
        if (opts.serviceTier() == ServiceTier.STANDARD || opts.serviceTier() == ServiceTier.BATCH) {
            return standard;
        }
        TierPricing tp = m.serviceTiers().get(opts.serviceTier());
        return tp == null || tp.multiplier() == null
                ? null
                : standard.multiply(tp.multiplier().perMTok());
    }

    private void line(
            TypeState ts, ModelEntry m, BillLine l, BigDecimal calls, BigDecimal tokens, Price price, String what) {
        lineRaw(ts, m, l, calls, tokens, price == null ? null : price.perMTok(), what);
    }

    private void lineRaw(
            TypeState ts,
            ModelEntry m,
            BillLine l,
            BigDecimal calls,
            BigDecimal tokens,
            BigDecimal perMTok,
            String what) {
        if (tokens.signum() == 0) {
            return;
        }
        if (perMTok == null) {
            warnings.add(
                    m.id() + " lists no " + what + " price: that part of '" + ts.rt.id() + "' is left out of the bill");
            return;
        }
        add(ts, l, calls.multiply(tokens).multiply(perMTok).movePointLeft(6));
    }

    private void selfHosting() {
        for (SelfHostedGpus.Month m : SelfHostedGpus.price(
                SelfHostedGpus.hosts(models.selfHosted(), plan), hosted, plan.daysPerMonth, byType)) {
            lines.merge(BillLine.SELF_HOSTING, m.usd(), BigDecimal::add);
            note(BillLine.SELF_HOSTING, m.note());
        }
    }

    private void note(BillLine line, String text) {
        lineNotes.computeIfAbsent(line, k -> new ArrayList<>()).add(text);
    }

    static String plain(BigDecimal v) {
        BigDecimal s = v.setScale(Math.min(2, Math.max(0, v.stripTrailingZeros().scale())), RoundingMode.HALF_UP);
        return String.format(Locale.ROOT, "%,." + s.scale() + "f", s);
    }
}
