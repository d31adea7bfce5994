// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.ratecard.RateCard;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Sensitivity of the optimized monthly bill to the inputs nobody knows exactly: each input is moved to its low and
 * its high end alone (one bar each, widest first), then all of them together to their cheaper and dearer ends (the
 * total range). Every bill of the tornado is computed as the scenario's own bill is: at the prices of its start
 * month (the pricing date), with its service-tier levers and, when given, the user's rate card — so its centre is the
 * optimized monthly bill the waterfall shows.
 */
public final class Tornado {

    private Tornado() {}

    /** The uncertain inputs. */
    public enum Input {
        /** Every request type's volume, × factor. */
        VOLUME("volume"),
        /** Output tokens per request, × factor. */
        OUTPUT_TOKENS("output length"),
        /** Prompt tokens per request, × factor. */
        PROMPT_TOKENS("prompt length"),
        /** Every cache lever's hit rate, ± points (clamped to 0 and to the repeat rate). */
        HIT_RATE("cache hit rate"),
        /** Every cascade's escalation rate, ± points (clamped to 0–1). */
        ESCALATION_RATE("escalation rate");

        private final String label;

        Input(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** True when the input is a share moved by points rather than a quantity multiplied by a factor. */
        public boolean additive() {
            return this == HIT_RATE || this == ESCALATION_RATE;
        }
    }

    /** How far an input may be off: factors (0.8, 1.2) or, for rates, point deltas (−0.1, +0.1). */
    public record Range(Input input, BigDecimal low, BigDecimal high) {}

    /** One bar. */
    public record Bar(
            Input input, String lowLabel, String highLabel, BigDecimal monthlyAtLow, BigDecimal monthlyAtHigh) {
        public BigDecimal swing() {
            return monthlyAtHigh.subtract(monthlyAtLow).abs();
        }
    }

    /** The bars, widest first, the range with every input at its cheaper or dearer end at once, and the basis. */
    public record Result(BigDecimal monthly, List<Bar> bars, BigDecimal rangeLow, BigDecimal rangeHigh, Basis basis) {
        public Result {
            bars = List.copyOf(bars);
        }

        /** What the chart moved and how it priced the bills ({@link Basis#describe()}). */
        public String describe() {
            return basis.describe();
        }
    }

    /**
     * What a tornado varied and how it priced its bills.
     *
     * @param varied    the inputs moved, each as "volume -20 % ↔ +20 %", in the order of the ranges
     * @param notVaried the inputs the scenario does not have (no cache lever, no cascade), by name
     * @param pricedAt  the day whose catalog prices every bill of the tornado uses (the start month's first day)
     * @param yourRates true when the user's rate card was applied (a card with at least one line)
     */
    public record Basis(List<String> varied, List<String> notVaried, LocalDate pricedAt, boolean yourRates) {
        public Basis {
            varied = List.copyOf(varied);
            notVaried = List.copyOf(notVaried);
        }

        /**
         * "Varied one at a time: volume -20 % ↔ +20 %, …. Not in this scenario: escalation rate. Priced at the
         * prices of 2027-01-01, list price."
         */
        public String describe() {
            StringBuilder b = new StringBuilder("Varied one at a time: ")
                    .append(varied.isEmpty() ? "nothing" : String.join(", ", varied))
                    .append('.');
            if (!notVaried.isEmpty()) {
                b.append(" Not in this scenario: ")
                        .append(String.join(", ", notVaried))
                        .append('.');
            }
            return b.append(" Priced at the prices of ")
                    .append(pricedAt)
                    .append(yourRates ? ", your rates (Use my rates)." : ", list price.")
                    .toString();
        }
    }

    /** Volume ±20 %, output and prompt length ±25 %, hit and escalation rates ±10 points. */
    public static List<Range> defaults() {
        return List.of(
                new Range(Input.VOLUME, new BigDecimal("0.8"), new BigDecimal("1.2")),
                new Range(Input.OUTPUT_TOKENS, new BigDecimal("0.75"), new BigDecimal("1.25")),
                new Range(Input.PROMPT_TOKENS, new BigDecimal("0.75"), new BigDecimal("1.25")),
                new Range(Input.HIT_RATE, new BigDecimal("-0.1"), new BigDecimal("0.1")),
                new Range(Input.ESCALATION_RATE, new BigDecimal("-0.1"), new BigDecimal("0.1")));
    }

    /** The tornado of {@code s} at list prices, the start month taken from the system clock. */
    public static Result compute(Scenario s, Catalog catalog, List<Range> ranges) {
        return compute(s, catalog, ranges, Clock.systemUTC(), RateCard.NONE);
    }

    /**
     * The tornado of {@code s}; inputs that do not occur in the scenario (no cascade, no cache) get no bar. Every
     * bill is {@link ScenarioEngine#compute(Scenario, Catalog, Clock, RateCard)} with {@code clock} and {@code card}
     * ({@link RateCard#NONE}: list prices), as the scenario's own bill.
     */
    public static Result compute(Scenario s, Catalog catalog, List<Range> ranges, Clock clock, RateCard card) {
        RateCard rates = card == null ? RateCard.NONE : card;
        BigDecimal base = monthly(s, catalog, clock, rates);
        List<Bar> bars = new ArrayList<>();
        List<String> varied = new ArrayList<>();
        List<String> notVaried = new ArrayList<>();
        List<UnaryOperator<Scenario>> cheaper = new ArrayList<>();
        List<UnaryOperator<Scenario>> dearer = new ArrayList<>();
        for (Range r : ranges) {
            if (!applies(s, r.input())) {
                if (!notVaried.contains(r.input().label())) {
                    notVaried.add(r.input().label());
                }
                continue;
            }
            varied.add(label(r.input(), r.low()) + " ↔ "
                    + label(r.input(), r.high()).substring(r.input().label().length() + 1));
            UnaryOperator<Scenario> lo = sc -> vary(sc, r.input(), r.low());
            UnaryOperator<Scenario> hi = sc -> vary(sc, r.input(), r.high());
            BigDecimal atLow = monthly(lo.apply(s), catalog, clock, rates);
            BigDecimal atHigh = monthly(hi.apply(s), catalog, clock, rates);
            bars.add(new Bar(r.input(), label(r.input(), r.low()), label(r.input(), r.high()), atLow, atHigh));
            boolean lowIsCheaper = atLow.compareTo(atHigh) <= 0;
            cheaper.add(lowIsCheaper ? lo : hi);
            dearer.add(lowIsCheaper ? hi : lo);
        }
        bars.sort(Comparator.comparing(Bar::swing).reversed());
        Scenario min = s;
        Scenario max = s;
        for (int i = 0; i < cheaper.size(); i++) {
            min = cheaper.get(i).apply(min);
            max = dearer.get(i).apply(max);
        }
        return new Result(
                base,
                bars,
                monthly(min, catalog, clock, rates),
                monthly(max, catalog, clock, rates),
                new Basis(varied, notVaried, s.firstMonth(clock).atDay(1), !rates.isEmpty()));
    }

    private static BigDecimal monthly(Scenario s, Catalog catalog, Clock clock, RateCard card) {
        return ScenarioEngine.compute(s, catalog, clock, card).optimizedMonthly();
    }

    private static boolean applies(Scenario s, Input in) {
        switch (in) {
            case VOLUME:
                return true;
            case OUTPUT_TOKENS:
                return s.workload().requestTypes().stream()
                        .anyMatch(t -> t.text().output() > 0);
            case PROMPT_TOKENS:
                return s.workload().requestTypes().stream()
                        .anyMatch(t -> t.text().input() > 0);
            case HIT_RATE:
                return s.levers().stream()
                        .anyMatch(e -> e.enabled()
                                && (e.lever() instanceof Lever.ResponseCache
                                        || e.lever() instanceof Lever.PromptCaching));
            default:
                return s.levers().stream().anyMatch(e -> e.enabled() && e.lever() instanceof Lever.Cascade);
        }
    }

    /** {@code s} with one input moved by {@code by} (a factor, or points for rates). */
    public static Scenario vary(Scenario s, Input in, BigDecimal by) {
        switch (in) {
            case VOLUME:
                return s.withWorkload(s.workload()
                        .mapTypes(t -> t.withVolume(
                                t.volume().withAmount(t.volume().amount().multiply(by)))));
            case OUTPUT_TOKENS:
                return s.withWorkload(s.workload()
                        .mapTypes(t ->
                                t.withText(t.text().withOutput(scale(t.text().output(), by)))));
            case PROMPT_TOKENS:
                return s.withWorkload(s.workload().mapTypes(t -> {
                    TextTokens x = t.text();
                    return t.withText(new TextTokens(
                            scale(x.system(), by),
                            scale(x.fewShot(), by),
                            scale(x.user(), by),
                            x.output(),
                            x.reasoning()));
                }));
            case HIT_RATE:
                return s.mapLevers(e -> {
                    if (e.lever() instanceof Lever.ResponseCache) {
                        Lever.ResponseCache c = (Lever.ResponseCache) e.lever();
                        BigDecimal bound = BigDecimal.ONE;
                        for (RequestType t : s.workload().requestTypes()) {
                            if (e.appliesTo(t.id()) && t.repeatRate() != null) {
                                bound = bound.min(t.repeatRate());
                            }
                        }
                        return e.withLever(new Lever.ResponseCache(
                                c.match(), clamp(c.hitRate().add(by), bound)));
                    }
                    if (e.lever() instanceof Lever.PromptCaching) {
                        Lever.PromptCaching c = (Lever.PromptCaching) e.lever();
                        return e.withLever(c.withHitRate(clamp(c.hitRate().add(by), BigDecimal.ONE)));
                    }
                    return e;
                });
            default:
                return s.mapLevers(e -> {
                    if (e.lever() instanceof Lever.Cascade) {
                        Lever.Cascade c = (Lever.Cascade) e.lever();
                        return e.withLever(new Lever.Cascade(
                                c.cheapModel(),
                                c.expensiveModel(),
                                clamp(c.escalationRate().add(by), BigDecimal.ONE)));
                    }
                    return e;
                });
        }
    }

    private static long scale(long tokens, BigDecimal by) {
        return BigDecimal.valueOf(tokens)
                .multiply(by)
                .setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    private static BigDecimal clamp(BigDecimal v, BigDecimal max) {
        return v.max(BigDecimal.ZERO).min(max);
    }

    private static String label(Input in, BigDecimal by) {
        if (in.additive()) {
            String pts = by.movePointRight(2).stripTrailingZeros().toPlainString();
            return String.format(Locale.ROOT, "%s %s%s pts", in.label(), by.signum() >= 0 ? "+" : "", pts);
        }
        BigDecimal pct = by.subtract(BigDecimal.ONE).movePointRight(2).stripTrailingZeros();
        return String.format(Locale.ROOT, "%s %s%s %%", in.label(), pct.signum() >= 0 ? "+" : "", pct.toPlainString());
    }
}
