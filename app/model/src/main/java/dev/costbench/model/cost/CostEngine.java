// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.cost;

import dev.costbench.model.catalog.BillingRules;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.Price;
import dev.costbench.model.catalog.PriceKind;
import dev.costbench.model.catalog.PriceStatus;
import dev.costbench.model.catalog.ServiceTier;
import dev.costbench.model.catalog.TierPricing;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Prices one request on one model with the provider's rules ({@code shared/reference/provider-rules.md} §0):
 * cache reads and writes, the long-context switch that reprices the whole request, batch at 50 %, residency
 * multipliers, prices in force on a date ({@link BillingOptions#at()}, default today by the given {@link Clock},
 * the system's UTC clock unless one is passed). All money is exact {@link BigDecimal}; nothing is rounded here.
 */
public final class CostEngine {

    private static final BigDecimal HALF = new BigDecimal("0.5");

    private CostEngine() {}

    /**
     * The cost of a request described by its shape. Cache tokens are dropped (and a note says why) when the prompt
     * is shorter than the model's minimum cacheable length.
     */
    public static CostBreakdown estimate(ModelEntry model, RequestShape shape, BillingOptions options) {
        return estimate(model, shape, options, Clock.systemUTC());
    }

    /** As {@link #estimate(ModelEntry, RequestShape, BillingOptions)}, "today" taken from {@code clock}. */
    public static CostBreakdown estimate(ModelEntry model, RequestShape shape, BillingOptions options, Clock clock) {
        long cached = shape.cachedTokens();
        long w5 = shape.cacheWrite5m();
        long w1 = shape.cacheWrite1h();
        List<String> notes = new ArrayList<>();
        Long min = model.minCacheTokens();
        if (cached + w5 + w1 > 0 && min != null && shape.inputTokens() < min) {
            notes.add("The prompt (" + shape.inputTokens() + " tokens) is below this model's minimum cacheable "
                    + "length of " + min + " tokens: nothing is cached, everything is billed as input.");
            cached = 0;
            w5 = 0;
            w1 = 0;
        }
        CanonicalUsage usage = new CanonicalUsage(
                shape.inputTokens() - cached - w5 - w1, cached, w5, w1, shape.outputTokens(), shape.reasoningTokens());
        CostBreakdown b = price(model, usage, options, clock);
        if (notes.isEmpty()) {
            return b;
        }
        notes.addAll(b.notes());
        return new CostBreakdown(b.model(), usage, b.options(), b.lines(), b.total(), notes);
    }

    /**
     * The prices per 1M tokens a request with {@code totalInputTokens} of input pays, kind by kind, after the same
     * rules {@link #price} applies (residency is not applied).
     */
    public static UnitPrices unitPrices(ModelEntry model, long totalInputTokens, BillingOptions options) {
        return unitPrices(model, totalInputTokens, options, Clock.systemUTC());
    }

    /** As {@link #unitPrices(ModelEntry, long, BillingOptions)}, "today" taken from {@code clock}. */
    public static UnitPrices unitPrices(ModelEntry model, long totalInputTokens, BillingOptions options, Clock clock) {
        Pricer p = new Pricer(model, new CanonicalUsage(totalInputTokens, 0, 0, 0, 0, 0), dated(options, clock));
        return new UnitPrices(
                p.lookup(PriceKind.INPUT, new StringBuilder()),
                p.lookup(PriceKind.CACHED_INPUT, new StringBuilder()),
                p.lookup(PriceKind.CACHE_WRITE_5M, new StringBuilder()),
                p.lookup(PriceKind.CACHE_WRITE_1H, new StringBuilder()),
                p.lookup(PriceKind.OUTPUT, new StringBuilder()),
                p.longContext);
    }

    /** The cost of a request whose usage is known. */
    public static CostBreakdown price(ModelEntry model, CanonicalUsage usage, BillingOptions options) {
        return price(model, usage, options, Clock.systemUTC());
    }

    /**
     * As {@link #price(ModelEntry, CanonicalUsage, BillingOptions)}, "today" taken from {@code clock}; the
     * breakdown's {@link CostBreakdown#options()} carry the date priced at.
     */
    public static CostBreakdown price(ModelEntry model, CanonicalUsage usage, BillingOptions options, Clock clock) {
        Pricer p = new Pricer(model, usage, dated(options, clock));
        return p.run();
    }

    private static BillingOptions dated(BillingOptions options, Clock clock) {
        return options.at() != null ? options : options.at(LocalDate.now(clock));
    }

    private static final class Pricer {
        final ModelEntry m;
        final CanonicalUsage u;
        final BillingOptions o;
        final boolean longContext;
        final List<CostLine> lines = new ArrayList<>();
        final List<String> notes = new ArrayList<>();

        Pricer(ModelEntry m, CanonicalUsage u, BillingOptions o) {
            this.m = m.at(o.at());
            this.u = u;
            this.o = o;
            this.longContext = this.m.longContext() != null
                    && u.totalInput() > this.m.longContext().thresholdTokens();
        }

        CostBreakdown run() {
            if (longContext) {
                notes.add("Input of " + u.totalInput() + " tokens exceeds "
                        + m.longContext().thresholdTokens()
                        + ": the whole request is billed at the long-context prices.");
            }
            if (o.batch() && !m.rules().batchHalfPrice() && m.prices().get(PriceKind.BATCH_INPUT) == null) {
                notes.add("No batch API is listed for this model: priced at interactive rates.");
            }
            line("Input", u.uncachedInput(), PriceKind.INPUT, true);
            line("Cache read", u.cacheRead(), PriceKind.CACHED_INPUT, false);
            line("Cache write (5 min)", u.cacheWrite5m(), PriceKind.CACHE_WRITE_5M, false);
            line("Cache write (1 h)", u.cacheWrite1h(), PriceKind.CACHE_WRITE_1H, false);
            line("Output", u.output(), PriceKind.OUTPUT, true);
            line("Reasoning (billed as output)", u.reasoning(), PriceKind.OUTPUT, false);
            BigDecimal total = BigDecimal.ZERO;
            for (CostLine l : lines) {
                if (l.usd() != null) {
                    total = total.add(l.usd());
                }
            }
            if (longContext) {
                lines.add(new CostLine(
                        "Long context (input > "
                                + String.format(
                                        Locale.ROOT, "%,d", m.longContext().thresholdTokens()) + " tokens)",
                        0,
                        null,
                        BigDecimal.ZERO,
                        "long-context rate applied to the whole request (input, cache and output); "
                                + "counted: input + cache reads + cache writes = " + u.totalInput()));
            }
            tierLine();
            if (o.residency()) {
                Price mult = m.residencyMultiplier();
                if (mult == null) {
                    notes.add("No data-residency uplift is listed for this model.");
                } else {
                    BigDecimal extra = total.multiply(mult.perMTok().subtract(BigDecimal.ONE));
                    lines.add(new CostLine(
                            "Data residency ×"
                                    + mult.perMTok().stripTrailingZeros().toPlainString(),
                            0,
                            mult,
                            extra,
                            "regional processing multiplier on the whole request"));
                    total = total.add(extra);
                }
            }
            BigDecimal storage = CacheStorageLine.add(m, u, o, lines);
            total = storage == null ? total : total.add(storage);
            total = RateCardLines.apply(o.rateCard(), m, o, total, lines);
            return new CostBreakdown(m, u, o, lines, total, notes);
        }

        /** A zero-amount line naming the service tier and how it was priced (none for standard). */
        void tierLine() {
            ServiceTier t = o.serviceTier();
            if (t == ServiceTier.STANDARD) {
                return;
            }
            String item = "Service tier: " + t.label();
            TierPricing tp = m.serviceTiers().get(t);
            if (t == ServiceTier.BATCH) {
                lines.add(new CostLine(
                        item,
                        0,
                        null,
                        BigDecimal.ZERO,
                        m.offers(t)
                                ? "batch prices in the lines above"
                                : "no batch API is listed for this model: priced at interactive rates"));
            } else if (tp == null) {
                lines.add(new CostLine(
                        item,
                        0,
                        null,
                        null,
                        t.label() + " is not offered for this model (offered: " + offered() + "): unpriced"));
                notes.add("The " + t.label() + " tier is not offered for this model (offered: " + offered()
                        + "): unpriced, not priced as standard.");
            } else {
                String how = tp.prices().isEmpty() ? "" : "listed " + t.label() + " prices";
                if (tp.multiplier() != null) {
                    how += (how.isEmpty() ? "" : ", else ") + "×"
                            + tp.multiplier().perMTok().stripTrailingZeros().toPlainString()
                            + " of the standard prices";
                }
                lines.add(new CostLine(
                        item, 0, null, BigDecimal.ZERO, how + (tp.note().isEmpty() ? "" : "; " + tp.note())));
            }
        }

        String offered() {
            StringBuilder b = new StringBuilder();
            for (ServiceTier x : m.serviceTiersOffered()) {
                append(b, x.id());
            }
            return b.toString().replace(';', ',');
        }

        void line(String item, long tokens, PriceKind kind, boolean always) {
            if (tokens == 0 && !(always && kind == PriceKind.INPUT)) {
                return;
            }
            StringBuilder rule = new StringBuilder();
            Price price = lookup(kind, rule);
            if (price == null) {
                lines.add(new CostLine(item, tokens, null, null, rule.toString()));
                return;
            }
            BigDecimal usd =
                    price.perMTok().multiply(BigDecimal.valueOf(tokens)).movePointLeft(6);
            lines.add(new CostLine(item, tokens, price, usd, rule.toString()));
        }

        /** The price for {@code kind} after the long-context, fallback and batch rules; null when unpriced. */
        Price lookup(PriceKind kind, StringBuilder rule) {
            TierPricing tp = m.serviceTiers().get(o.serviceTier());
            if (special() && tp == null) {
                rule.append(o.serviceTier().label()).append(" is not offered for this model: unpriced");
                return null;
            }
            PriceKind used = kind;
            Price base = raw(kind);
            if (base == null && ended(kind, rule)) {
                return null;
            }
            if (base == null) {
                PriceKind fallback = fallback(kind, rule);
                if (fallback != null) {
                    used = fallback;
                    base = raw(fallback);
                    if (base == null && ended(fallback, rule)) {
                        return null;
                    }
                }
            }
            if (base == null) {
                if (rule.length() == 0) {
                    rule.append(longContext ? "no long-context " : "no ")
                            .append(kind.label().toLowerCase())
                            .append(" price listed: unpriced");
                }
                return null;
            }
            if (longContext) {
                append(rule, "long context > " + m.longContext().thresholdTokens());
            }
            if (base.validUntil() != null) {
                append(rule, "price valid until " + base.validUntil());
            }
            if (special()) {
                return tierPrice(tp, kind, used, base, rule);
            }
            if (!o.batch()) {
                return base;
            }
            PriceKind batchKind = used == PriceKind.INPUT
                    ? PriceKind.BATCH_INPUT
                    : used == PriceKind.OUTPUT ? PriceKind.BATCH_OUTPUT : null;
            Price listedBatch =
                    batchKind == null || longContext ? null : m.prices().get(batchKind);
            if (listedBatch != null) {
                append(rule, "batch price");
                return listedBatch;
            }
            if (m.rules().batchHalfPrice()) {
                append(rule, "batch 50 %");
                Price half = base.derive(HALF, "batch 50 %");
                if (m.rules() == BillingRules.GEMINI && used == PriceKind.CACHED_INPUT) {
                    append(rule, "CONFLICT: some sources bill Gemini batch cache reads at the standard cached rate");
                    return new Price(
                            half.perMTok(),
                            half.source(),
                            half.asOf(),
                            PriceStatus.CONFLICT,
                            List.of(base.perMTok()),
                            half.note(),
                            half.origin(),
                            half.validFrom(),
                            half.validUntil());
                }
                return half;
            }
            return base;
        }

        /** A service tier priced from {@link ModelEntry#serviceTiers()}: flex, priority or fast mode. */
        boolean special() {
            return o.serviceTier() != ServiceTier.STANDARD && o.serviceTier() != ServiceTier.BATCH;
        }

        /**
         * The price of {@code kind} in a flex / priority / fast tier: a listed tier price (short context only) wins,
         * else the documented multiplier on the standard (or long-context) price, else unpriced.
         */
        Price tierPrice(TierPricing tp, PriceKind kind, PriceKind used, Price base, StringBuilder rule) {
            String label = o.serviceTier().label();
            if (!longContext) {
                Price listed = tp.prices().get(kind);
                if (listed == null && used != kind) {
                    listed = tp.prices().get(used);
                }
                if (listed != null) {
                    append(rule, label + " price");
                    return listed;
                }
            }
            if (tp.multiplier() != null) {
                String f = tp.multiplier().perMTok().stripTrailingZeros().toPlainString();
                append(rule, label + " ×" + f);
                Price d = base.derive(tp.multiplier().perMTok(), label + " ×" + f);
                PriceStatus st = tp.multiplier().status() != PriceStatus.LISTED
                        ? tp.multiplier().status()
                        : d.status();
                return new Price(
                        d.perMTok(),
                        tp.multiplier().source(),
                        tp.multiplier().asOf(),
                        st,
                        d.alternatives(),
                        d.note(),
                        d.origin(),
                        d.validFrom(),
                        d.validUntil());
            }
            rule.setLength(0);
            rule.append("no ")
                    .append(longContext ? "long-context " : "")
                    .append(label)
                    .append(' ')
                    .append(kind.label().toLowerCase())
                    .append(" price listed: unpriced");
            return null;
        }

        /** True (and the rule and a note say so) when {@code kind}'s dated prices do not cover the date. */
        boolean ended(PriceKind kind, StringBuilder rule) {
            Optional<String> gap = longContext ? Optional.empty() : m.scheduleGap(kind, o.at());
            if (gap.isEmpty()) {
                return false;
            }
            rule.setLength(0);
            rule.append(gap.get()).append(": unpriced");
            String note = "On " + o.at() + " " + gap.get() + ": unpriced (price another date with --at, or add "
                    + "the new price to the catalog).";
            if (!notes.contains(note)) {
                notes.add(note);
            }
            return true;
        }

        Price raw(PriceKind kind) {
            if (longContext) {
                return m.longContext().prices().get(kind);
            }
            return m.prices().get(kind);
        }

        PriceKind fallback(PriceKind kind, StringBuilder rule) {
            BillingRules r = m.rules();
            switch (kind) {
                case CACHE_WRITE_5M:
                case CACHE_WRITE_1H:
                    if (r == BillingRules.OPENAI) {
                        rule.append("no cache-write fee (OpenAI before GPT-5.6): billed at the input rate");
                        return PriceKind.INPUT;
                    }
                    if (r == BillingRules.GEMINI) {
                        rule.append("cache creation billed at the input rate");
                        return PriceKind.INPUT;
                    }
                    return null;
                case CACHED_INPUT:
                    if (r == BillingRules.OPENAI || r == BillingRules.OPEN) {
                        rule.append("no cache discount listed: cached tokens billed at the input rate");
                        return PriceKind.INPUT;
                    }
                    return null;
                default:
                    return null;
            }
        }

        static void append(StringBuilder b, String s) {
            if (b.length() > 0) {
                b.append("; ");
            }
            b.append(s);
        }
    }
}
