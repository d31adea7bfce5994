// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.stats;

import dev.costbench.model.cost.Money;
import dev.costbench.model.lab.Trial;
import dev.costbench.model.lab.Variant;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Two runs compared: an earlier experiment and a later one (the same spec run again, or a rerun), per variant × model
 * matched by variant name and model id. The runs are independent samples, so the comparison is unpaired: the change
 * in a mean (cost per call, input and output tokens, quality) is Welch's t interval with the delta-method interval
 * of the relative change ({@link MeanComparison#welch}); the change in the latency median is a percentile bootstrap
 * of the difference of medians. Change = later − earlier: negative means the later run is cheaper, faster or shorter.
 * Quality is the ROUGE-L similarity to the baseline's output within each run (for the baseline itself: between its
 * repetitions), compared from the two summaries.
 *
 * @param rows one per variant × model found in either run (the later run's order first)
 */
public record RunComparison(List<Row> rows) {

    public RunComparison {
        rows = List.copyOf(rows);
    }

    /** The metrics compared, in display order. */
    public enum Metric {
        COST_PER_CALL("$ / call"),
        INPUT_TOKENS("input tokens / call"),
        OUTPUT_TOKENS("output tokens / call"),
        LATENCY_P50("latency p50 (ms)"),
        QUALITY("quality (ROUGE-L)");

        private final String label;

        Metric(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One metric of one row.
     *
     * @param nEarlier      observations in the earlier run
     * @param nLater        in the later run
     * @param earlier       the earlier value (mean, or median for latency); NaN without data
     * @param later         the later value
     * @param change        later − earlier
     * @param changeCi      its interval, or null when a side has fewer than two observations
     * @param changePercent (later − earlier) / earlier × 100, NaN when undefined
     * @param changePercentCi its interval, or null
     * @param method        "Welch t", "bootstrap of medians" or "no test"
     */
    public record Change(
            Metric metric,
            int nEarlier,
            int nLater,
            double earlier,
            double later,
            double change,
            Interval changeCi,
            double changePercent,
            Interval changePercentCi,
            String method) {

        /** Whether the interval of the change excludes zero. */
        public boolean significant() {
            return changeCi != null && !changeCi.contains(0);
        }

        /** "+12 % [3, 21] *" (the 95 % interval in brackets, * when it excludes 0), "−4 %, no test", or "—". */
        public String changeText() {
            if (Double.isNaN(earlier) || Double.isNaN(later)) {
                return "—";
            }
            if (Double.isNaN(changePercent)) {
                return value(metric, later - earlier)
                        + (changeCi == null ? "" : " (" + interval(metric, changeCi) + ")");
            }
            return StatsFormat.signedPercent(changePercent)
                    + (changePercentCi == null
                            ? ", no test"
                            : " [" + StatsFormat.number(changePercentCi.low()) + ", "
                                    + StatsFormat.number(changePercentCi.high()) + "]")
                    + (significant() ? " *" : "");
        }
    }

    /** A value of {@code metric} for display: dollars, whole tokens or milliseconds, or a 0–1 score. */
    public static String value(Metric metric, double v) {
        if (Double.isNaN(v)) {
            return "—";
        }
        return switch (metric) {
            case COST_PER_CALL -> Money.format(BigDecimal.valueOf(v));
            case QUALITY -> String.format(Locale.ROOT, "%.3f", v);
            default -> String.format(Locale.ROOT, "%,.0f", v);
        };
    }

    private static String interval(Metric m, Interval i) {
        return "CI " + value(m, i.low()) + " to " + value(m, i.high());
    }

    /** A variant on a model in both runs (or in one: the other side's figures are NaN). */
    public record Row(String variant, String model, boolean inEarlier, boolean inLater, List<Change> changes) {

        public Row {
            changes = List.copyOf(changes);
        }

        public Change change(Metric m) {
            return changes.stream().filter(c -> c.metric() == m).findFirst().orElseThrow();
        }
    }

    /** Compares {@code earlier} with {@code later}. */
    public static RunComparison compare(
            ExperimentData earlier,
            ExperimentResults earlierResults,
            ExperimentData later,
            ExperimentResults laterResults,
            StatsOptions options) {
        Set<String> keys = new LinkedHashSet<>();
        Map<String, String[]> names = new LinkedHashMap<>();
        for (ExperimentData d : List.of(later, earlier)) {
            for (VariantModelSummary s : (d == later ? laterResults : earlierResults).summaries()) {
                String k = s.variantName() + '\u0000' + s.modelId();
                keys.add(k);
                names.putIfAbsent(k, new String[] {s.variantName(), s.modelId()});
            }
        }
        List<Row> rows = new ArrayList<>();
        for (String k : keys) {
            String variant = names.get(k)[0];
            String model = names.get(k)[1];
            Side a = Side.of(earlier, earlierResults, variant, model, options);
            Side b = Side.of(later, laterResults, variant, model, options);
            List<Change> changes = new ArrayList<>();
            changes.add(means(Metric.COST_PER_CALL, a.cost, b.cost, options));
            changes.add(means(Metric.INPUT_TOKENS, a.input, b.input, options));
            changes.add(means(Metric.OUTPUT_TOKENS, a.output, b.output, options));
            changes.add(medians(a.latency, b.latency, options));
            changes.add(summaries(a.quality, b.quality, options));
            rows.add(new Row(variant, model, a.present, b.present, changes));
        }
        return new RunComparison(rows);
    }

    /** The observations of one variant × model in one run. */
    private record Side(
            boolean present, double[] cost, double[] input, double[] output, double[] latency, Descriptive quality) {

        static Side of(ExperimentData d, ExperimentResults r, String variant, String model, StatsOptions o) {
            Variant v = d.variants().stream()
                    .filter(x -> x.name().equals(variant))
                    .findFirst()
                    .orElse(null);
            if (v == null) {
                double[] none = new double[0];
                return new Side(false, none, none, none, none, Descriptive.EMPTY);
            }
            List<Trial> mine = new ArrayList<>();
            for (Trial t : d.trials()) {
                if (t.cell().variantId() == v.id()
                        && t.cell().modelId().equals(model)
                        && t.succeeded()
                        && Cells.observed(t, o)) {
                    mine.add(t);
                }
            }
            boolean present = r.summary(v.id(), model).isPresent();
            Descriptive q =
                    r.qualityOf(v.id(), model).map(QualitySummary::rougeL).orElse(Descriptive.EMPTY);
            return new Side(
                    present,
                    values(
                            mine,
                            t -> t.costUsd() == null ? Double.NaN : t.costUsd().doubleValue()),
                    values(mine, t -> t.usage() == null ? Double.NaN : t.usage().totalInput()),
                    values(mine, t -> t.usage() == null ? Double.NaN : t.usage().billedOutput()),
                    values(mine, t -> t.fromCache() || t.latencyMs() == null ? Double.NaN : t.latencyMs()),
                    q);
        }

        private static double[] values(List<Trial> trials, ToDoubleFunction<Trial> f) {
            return trials.stream().mapToDouble(f).filter(x -> !Double.isNaN(x)).toArray();
        }
    }

    private static Change means(Metric m, double[] earlier, double[] later, StatsOptions o) {
        double ea = earlier.length == 0 ? Double.NaN : Descriptive.mean(earlier);
        double la = later.length == 0 ? Double.NaN : Descriptive.mean(later);
        // welch(baseline = earlier, optimized = later): difference = earlier − later, relative = 1 − later/earlier
        MeanComparison w = MeanComparison.welch(earlier, later, o);
        if (!w.tested()) {
            return untested(m, earlier.length, later.length, ea, la);
        }
        return new Change(
                m,
                earlier.length,
                later.length,
                ea,
                la,
                -w.difference(),
                negate(w.differenceCi(), 1),
                -w.relative() * 100,
                negate(w.relativeCi(), 100),
                "Welch t");
    }

    private static Change medians(double[] earlier, double[] later, StatsOptions o) {
        double ea = earlier.length == 0 ? Double.NaN : Descriptive.percentile(earlier, 0.5);
        double la = later.length == 0 ? Double.NaN : Descriptive.percentile(later, 0.5);
        if (earlier.length < 2 || later.length < 2) {
            return untested(Metric.LATENCY_P50, earlier.length, later.length, ea, la);
        }
        int b = Bootstrap.resamplesFor(earlier.length + later.length, o.resamples());
        SplitMix64 rng = new SplitMix64(o.seed());
        double[] diff = new double[b];
        double[] rel = new double[b];
        double[] sa = new double[earlier.length];
        double[] sb = new double[later.length];
        for (int r = 0; r < b; r++) {
            for (int i = 0; i < sa.length; i++) {
                sa[i] = earlier[rng.nextInt(sa.length)];
            }
            for (int i = 0; i < sb.length; i++) {
                sb[i] = later[rng.nextInt(sb.length)];
            }
            double ma = Descriptive.percentile(sa, 0.5);
            double mb = Descriptive.percentile(sb, 0.5);
            diff[r] = mb - ma;
            rel[r] = ma == 0 ? 0 : (mb - ma) / ma * 100;
        }
        return new Change(
                Metric.LATENCY_P50,
                earlier.length,
                later.length,
                ea,
                la,
                la - ea,
                percentiles(diff, o.level()),
                percent(ea, la),
                percentiles(rel, o.level()),
                "bootstrap of medians");
    }

    /** The change from {@code ea} to {@code la} where there are too few observations for a test. */
    private static Change untested(Metric m, int nEarlier, int nLater, double ea, double la) {
        return new Change(m, nEarlier, nLater, ea, la, la - ea, null, percent(ea, la), null, "no test");
    }

    /** Welch's interval from the two summaries (mean, standard deviation, n). */
    private static Change summaries(Descriptive earlier, Descriptive later, StatsOptions o) {
        double ea = earlier.mean();
        double la = later.mean();
        if (earlier.n() < 2 || later.n() < 2) {
            return untested(Metric.QUALITY, earlier.n(), later.n(), ea, la);
        }
        double va = earlier.stdDev() * earlier.stdDev() / earlier.n();
        double vb = later.stdDev() * later.stdDev() / later.n();
        double se = Math.sqrt(va + vb);
        double df = MeanComparison.welchDf(va, earlier.n(), vb, later.n());
        double half = (Double.isNaN(df) || se == 0 ? 0 : o.tCritical(df)) * se;
        double d = la - ea;
        Interval ci = new Interval(d - half, d + half, o.level(), Interval.Method.STUDENT_T);
        Interval pct = ea == 0 ? null : ci.scaled(100 / ea);
        return new Change(Metric.QUALITY, earlier.n(), later.n(), ea, la, d, ci, percent(ea, la), pct, "Welch t");
    }

    private static Interval percentiles(double[] stats, double level) {
        return Bootstrap.percentileInterval(stats, stats.length, level);
    }

    private static Interval negate(Interval i, double scale) {
        return i == null ? null : new Interval(-i.high() * scale, -i.low() * scale, i.level(), i.method());
    }

    private static double percent(double earlier, double later) {
        return earlier == 0 || Double.isNaN(earlier) || Double.isNaN(later)
                ? Double.NaN
                : (later - earlier) / earlier * 100;
    }
}
