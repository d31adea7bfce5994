// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.calibration;

import java.util.Locale;

/**
 * The fitted correction of one tokenizer family and content kind: the provider's count is about {@code factor} ×
 * CostBench's estimate, with a 95 % interval {@code [low, high]} on that factor.
 *
 * @param family the tokenizer family
 * @param kind   the content kind, or {@link Calibration#ALL_KINDS} for the family's counts of every kind
 * @param counts how many exact counts the fit is made from
 * @param factor the correction factor (the geometric mean of actual ÷ estimate)
 * @param low    the interval's lower end (equal to {@code factor} with a single count)
 * @param high   the interval's upper end
 */
public record Correction(String family, String kind, int counts, double factor, double low, double high) {

    /** Whether there are enough counts to apply it ({@link Calibration#MIN_COUNTS}). */
    public boolean applies() {
        return counts >= Calibration.MIN_COUNTS;
    }

    /**
     * The interval as "± x %" of the corrected count: the larger distance of the two ends from the factor, relative
     * to it, rounded up to a whole percent (at least 1).
     */
    public int plusMinusPercent() {
        double rel = Math.max(high / factor - 1, 1 - low / factor);
        return (int) Math.max(1, Math.ceil(rel * 100 - 1e-9));
    }

    /** "× 1.083 (95 % interval 1.050–1.117)". */
    public String describeFactor() {
        return String.format(Locale.ROOT, "× %.3f (95 %% interval %.3f–%.3f)", factor, low, high);
    }
}
