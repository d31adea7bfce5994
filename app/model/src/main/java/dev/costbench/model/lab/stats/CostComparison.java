// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.stats;

import dev.costbench.model.cost.Money;
import dev.costbench.model.lab.Trial;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cost of an optimized variant against the baseline: the saving per call in dollars and in percent, with
 * intervals, a p-value and whether it is significant.
 *
 * <p><b>Pairing.</b> Trials are matched on the same input, model and repetition (the latest successful, priced
 * trial of each cell). The comparison is paired ({@link MeanComparison#paired}) when at least two cells match and the
 * matched cells are at least half of the smaller variant's cells; the unmatched cells are then left out and
 * counted. Otherwise — a variant run on other inputs, most cells failed on one side — it falls back to Welch's
 * unpaired test on all cells ({@link MeanComparison#welch}). {@link #method} says which was used.
 *
 * <p>The saving is baseline − optimized, positive when the optimized variant is cheaper. The means and the saving
 * per call are exact decimals; the intervals come from {@code double} arithmetic and are rounded
 * ({@link UsdRounding}). The percentages are percent (34.0 = 34 %). Pooled over every model ({@code modelId}
 * null), cells still pair within their model, and the percentage is that of the summed costs, so the dearer models
 * weigh more.
 *
 * @param baselineVariantId         the baseline
 * @param optimizedVariantId        the optimized variant
 * @param modelId                   the model, or null when pooled over every model
 * @param method                    paired t, Welch t, or insufficient data
 * @param baselineCells             baseline cells with a priced, successful trial
 * @param optimizedCells            optimized cells with one
 * @param pairs                     cells matched on both sides
 * @param baselineMeanUsd           mean baseline cost per call over the cells used (null when none)
 * @param optimizedMeanUsd          mean optimized cost per call over the cells used
 * @param savingPerCallUsd          baselineMean − optimizedMean (null when either is)
 * @param savingPerCallCi           t interval of the saving per call
 * @param savingPerCallBootstrapCi  percentile bootstrap interval (paired or unpaired, seeded)
 * @param savingPercent             (1 − optimizedMean / baselineMean) × 100
 * @param savingPercentCi           delta-method t interval of the percentage (capped at 100 %)
 * @param savingPercentBootstrapCi  percentile bootstrap interval of the percentage
 * @param pValue                    two-sided p-value of the t test of the saving per call
 * @param significant               p &lt; 1 − level
 * @param stats                     the comparison in {@code double}, with the standard deviations and df
 */
public record CostComparison(
        long baselineVariantId,
        long optimizedVariantId,
        String modelId,
        MeanComparison.Method method,
        int baselineCells,
        int optimizedCells,
        int pairs,
        BigDecimal baselineMeanUsd,
        BigDecimal optimizedMeanUsd,
        BigDecimal savingPerCallUsd,
        UsdInterval savingPerCallCi,
        UsdInterval savingPerCallBootstrapCi,
        double savingPercent,
        Interval savingPercentCi,
        Interval savingPercentBootstrapCi,
        double pValue,
        boolean significant,
        MeanComparison stats) {

    /** Compares the cost of {@code optimizedVariantId} with {@code baselineVariantId} on a model or (null) all. */
    public static CostComparison compare(
            List<Trial> trials, long baselineVariantId, long optimizedVariantId, String modelId, StatsOptions options) {
        TreeMap<Cells.Key, Trial> base = Cells.latest(
                trials, baselineVariantId, modelId, t -> Cells.observed(t, options) && t.costUsd() != null);
        TreeMap<Cells.Key, Trial> opt = Cells.latest(
                trials, optimizedVariantId, modelId, t -> Cells.observed(t, options) && t.costUsd() != null);
        int pairs = Cells.countMatched(base, opt);
        boolean paired = pairs >= 2 && 2 * pairs >= Math.min(base.size(), opt.size());
        List<BigDecimal> b = new ArrayList<>();
        List<BigDecimal> o = new ArrayList<>();
        if (paired) {
            for (Map.Entry<Cells.Key, Trial> e : base.entrySet()) {
                Trial other = opt.get(e.getKey());
                if (other != null) {
                    b.add(e.getValue().costUsd());
                    o.add(other.costUsd());
                }
            }
        } else {
            base.values().forEach(t -> b.add(t.costUsd()));
            opt.values().forEach(t -> o.add(t.costUsd()));
        }
        double[] bd = b.stream().mapToDouble(BigDecimal::doubleValue).toArray();
        double[] od = o.stream().mapToDouble(BigDecimal::doubleValue).toArray();
        MeanComparison stats = paired ? MeanComparison.paired(bd, od, options) : MeanComparison.welch(bd, od, options);

        BigDecimal mb = mean(b);
        BigDecimal mo = mean(o);
        BigDecimal saving = mb == null || mo == null ? null : mb.subtract(mo);
        Bootstrap.TwoSample boot = stats.bootstrap();
        return new CostComparison(
                baselineVariantId,
                optimizedVariantId,
                modelId,
                stats.method(),
                base.size(),
                opt.size(),
                pairs,
                mb,
                mo,
                saving,
                UsdInterval.of(stats.differenceCi()),
                boot == null ? null : UsdInterval.of(boot.difference()),
                stats.relative() * 100,
                percentCi(stats.relativeCi()),
                boot == null ? null : percentCi(boot.relative()),
                stats.pValue(),
                stats.significant(),
                stats);
    }

    /** True when a test could be made (at least two observations, or pairs, per side). */
    public boolean tested() {
        return method != MeanComparison.Method.INSUFFICIENT_DATA;
    }

    /** The confidence level of the intervals. */
    public double level() {
        return savingPercentCi != null ? savingPercentCi.level() : Double.NaN;
    }

    /** How the comparison was made, e.g. "paired t on 30 cells" or "Welch t (only 1 of 30 cells matched)". */
    public String methodLabel() {
        return switch (method) {
            case PAIRED_T ->
                "paired t on " + pairs + " cells"
                        + (pairs < Math.max(baselineCells, optimizedCells)
                                ? " (" + (Math.max(baselineCells, optimizedCells) - pairs) + " unmatched left out)"
                                : "");
            case WELCH_T ->
                "Welch t, unpaired (" + pairs + " of " + Math.max(baselineCells, optimizedCells) + " cells matched)";
            case INSUFFICIENT_DATA ->
                "no test (" + baselineCells + " baseline and " + optimizedCells + " optimized priced results)";
        };
    }

    /**
     * One line for the results view, e.g. "saving 34 % ($0.00123 per call), 95 % CI 28–40 %, p < 0.001, paired t
     * on 30 cells".
     */
    public String describe() {
        if (!tested()) {
            return "not enough data: " + methodLabel();
        }
        StringBuilder s = new StringBuilder();
        s.append("saving ").append(StatsFormat.percent(savingPercent));
        if (savingPerCallUsd != null) {
            s.append(" (").append(Money.format(savingPerCallUsd)).append(" per call)");
        }
        if (savingPercentCi != null) {
            s.append(", ").append(StatsFormat.ciText(savingPercentCi));
        }
        s.append(", ").append(StatsFormat.pText(pValue)).append(", ").append(methodLabel());
        return s.toString();
    }

    /** In percent, and capped at 100 %: costs are never negative, so no saving exceeds the whole cost. */
    private static Interval percentCi(Interval i) {
        if (i == null) {
            return null;
        }
        Interval p = i.scaled(100);
        return new Interval(Math.min(p.low(), 100), Math.min(p.high(), 100), p.level(), p.method());
    }

    private static BigDecimal mean(List<BigDecimal> xs) {
        if (xs.isEmpty()) {
            return null;
        }
        BigDecimal s = BigDecimal.ZERO;
        for (BigDecimal x : xs) {
            s = s.add(x);
        }
        return UsdRounding.divide(s, xs.size());
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "CostComparison[%d vs %d on %s: %s]",
                optimizedVariantId,
                baselineVariantId,
                modelId == null ? "all models" : modelId,
                describe());
    }
}
