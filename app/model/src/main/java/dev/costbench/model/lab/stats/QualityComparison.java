// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.stats;

/**
 * An optimized variant's quality against the baseline's on one measure.
 *
 * @param measure        the measure
 * @param baselineValue  the baseline's value (for similarity: its self-similarity, or 1.0 when {@code nBaseline}
 *                       is 0)
 * @param optimizedValue the optimized variant's value
 * @param nBaseline      observations behind the baseline value (pairs of repetitions for similarity)
 * @param nOptimized     observations behind the optimized value
 */
public record QualityComparison(
        QualityMeasure measure, double baselineValue, double optimizedValue, int nBaseline, int nOptimized) {

    /** True when both values exist (for similarity the baseline reference always does). */
    public boolean available() {
        boolean similarity = measure == QualityMeasure.ROUGE_L || measure == QualityMeasure.TOKEN_F1;
        return nOptimized > 0
                && !Double.isNaN(optimizedValue)
                && !Double.isNaN(baselineValue)
                && (similarity || nBaseline > 0);
    }

    /**
     * The relative drop in percent, (baseline − optimized) / baseline × 100: 3 means 3 % worse, a negative value
     * an improvement. NaN when unavailable or the baseline value is 0 (then any drop is infinite: see
     * {@link #dropped}).
     */
    public double dropPercent() {
        if (!available() || baselineValue == 0) {
            return Double.NaN;
        }
        return (baselineValue - optimizedValue) / baselineValue * 100;
    }

    /** The change in percent as shown next to the value: −3 for a 3 % drop. */
    public double changePercent() {
        return -dropPercent();
    }

    /**
     * True when quality dropped by more than {@code maxDropPercent} (a drop within 1e-9 of the limit is at the limit,
     * so that 0.95 against 1.0 is a 5 % drop, not 5.000000000000004 %).
     */
    public boolean dropped(double maxDropPercent) {
        if (baselineValue == 0) {
            return optimizedValue < 0;
        }
        return dropPercent() > maxDropPercent + 1e-9;
    }
}
