// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.stats;

import java.util.Locale;

/**
 * Decides a {@link Verdict} from a cost comparison, a quality comparison and the user's thresholds:
 * <ol>
 *   <li>no test possible (fewer than two priced results per side, or a baseline that costs nothing) → not enough
 *       data;</li>
 *   <li>saving below the minimum → keep the baseline (whatever the quality);</li>
 *   <li>significance required and p ≥ α → not enough data, with the trials that would detect the observed saving;
 *   </li>
 *   <li>no data for the quality measure (no ratings, no judge scores, no checks, no baseline output to compare
 *       with) → not enough data;</li>
 *   <li>quality drop above the maximum → keep the baseline;</li>
 *   <li>otherwise → adopt.</li>
 * </ol>
 * The saving is judged on its point estimate; significance means the saving is significantly different from zero.
 * The sentence quotes the delta-method t interval of the percentage (the same test as the p-value).
 */
public final class Verdicts {

    private Verdicts() {}

    /** The verdict; {@code quality} may be null when no quality data exists at all. */
    public static Verdict decide(CostComparison cost, QualityComparison quality, VerdictThresholds th) {
        if (!cost.tested()) {
            return new Verdict(
                    Verdict.Outcome.NOT_ENOUGH_DATA,
                    "Not enough data: " + cost.baselineCells()
                            + " baseline and " + cost.optimizedCells()
                            + " optimized priced results; at least 2 each are "
                            + "needed",
                    cost,
                    quality,
                    th,
                    null);
        }
        if (Double.isNaN(cost.savingPercent())) {
            return new Verdict(
                    Verdict.Outcome.NOT_ENOUGH_DATA,
                    "Not enough data: the baseline costs nothing, so " + "there is no saving in percent",
                    cost,
                    quality,
                    th,
                    null);
        }
        String saving = "saving " + StatsFormat.percent(cost.savingPercent())
                + (cost.savingPercentCi() == null ? "" : " (" + StatsFormat.ciText(cost.savingPercentCi()) + ")");
        if (cost.savingPercent() < th.minSavingPercent() - 1e-9) {
            return new Verdict(
                    Verdict.Outcome.KEEP_BASELINE,
                    "Keep baseline: " + saving + " is below the " + StatsFormat.percent(th.minSavingPercent())
                            + " required",
                    cost,
                    quality,
                    th,
                    null);
        }
        if (th.requireSignificance() && !cost.significant()) {
            SampleSize needed = PowerAnalysis.fromObserved(cost, cost.savingPercent() / 100);
            String more = needed == null
                    ? ""
                    : String.format(
                            Locale.ROOT,
                            "; about %,d trials per variant would show it at 80 %% power",
                            needed.trialsPerVariant());
            return new Verdict(
                    Verdict.Outcome.NOT_ENOUGH_DATA,
                    "Not enough data: " + saving + " is not significant (" + StatsFormat.pText(cost.pValue()) + ")"
                            + more,
                    cost,
                    quality,
                    th,
                    needed);
        }
        if (quality == null || !quality.available()) {
            QualityMeasure m = quality != null ? quality.measure() : th.qualityMeasure();
            return new Verdict(
                    Verdict.Outcome.NOT_ENOUGH_DATA,
                    "Not enough data: " + saving + " but no " + m.label() + " data for both variants yet",
                    cost,
                    quality,
                    th,
                    null);
        }
        String q = qualityText(quality);
        if (quality.dropped(th.maxQualityDropPercent())) {
            return new Verdict(
                    Verdict.Outcome.KEEP_BASELINE,
                    "Keep baseline: " + saving + " but " + q + " drops more than the "
                            + StatsFormat.percent(th.maxQualityDropPercent()) + " allowed",
                    cost,
                    quality,
                    th,
                    null);
        }
        return new Verdict(Verdict.Outcome.ADOPT, "Adopt: " + saving + " with " + q, cost, quality, th, null);
    }

    /** "similarity 0.97 (−3 %)", "checks passed 96 % (+2 %)". */
    static String qualityText(QualityComparison q) {
        String value = q.measure() == QualityMeasure.CHECK_PASS_RATE
                ? StatsFormat.percent(q.optimizedValue() * 100)
                : String.format(Locale.ROOT, "%.2f", q.optimizedValue());
        double change = q.changePercent();
        String delta = Double.isNaN(change) ? "" : " (" + StatsFormat.signedPercent(change) + ")";
        return q.measure().label() + " " + value + delta;
    }
}
