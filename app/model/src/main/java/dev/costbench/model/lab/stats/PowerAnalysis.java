// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.stats;

import java.math.BigDecimal;

/**
 * Sample size for detecting a relative cost difference: "to detect a D % cost difference at 80 % power
 * (α = 0.05, two-sided) you need about N trials per variant, about $X".
 *
 * <p><b>Formula.</b> With D the relative difference to detect (0.10 = 10 %) and CV the coefficient of variation in
 * units of the baseline mean — the standard deviation of one call's cost / mean cost for two independent samples,
 * the standard deviation of the per-cell differences / mean baseline cost for a paired design — the normal
 * approximation is
 * <pre>
 *   n = k · (z<sub>1−α/2</sub> + z<sub>1−β</sub>)² · (CV / D)²,   k = 2 unpaired, k = 1 paired
 * </pre>
 * (e.g. Chow, Shao &amp; Wang, <i>Sample Size Calculations in Clinical Research</i>, §3.2). Because the test is a t
 * test, the z quantiles are then replaced by t quantiles with the df of the design (2n − 2 unpaired, n − 1 paired)
 * and n is recomputed until it stops changing; the result is rounded up, at least 2. For effect sizes d = D/CV of
 * 0.2, 1/3, 0.5 and 0.8 this gives exactly the smallest n whose noncentral-t power reaches 80 % (394, 143, 64, 26
 * per group unpaired, and 199, 73, 34, 15 pairs; Cohen's "A power primer" (1992), Table 2, lists 393, 64 and 26
 * for d = 0.2, 0.5, 0.8).
 *
 * <p>Before a run the CV is an assumption ({@link #ASSUMED_CV} unless the user says otherwise); after a pilot it is
 * taken from the data ({@link #fromObserved}).
 */
public final class PowerAnalysis {

    /** Power unless told otherwise. */
    public static final double DEFAULT_POWER = 0.80;
    /** Significance level unless told otherwise. */
    public static final double DEFAULT_ALPHA = 0.05;
    /**
     * The coefficient of variation assumed before any data: the cost of a call varies mostly with the length of the
     * answer, and 0.3 is a middling spread for answers to a fixed prompt. An assumption to be replaced by the
     * observed value as soon as a few trials have run.
     */
    public static final double ASSUMED_CV = 0.30;

    private static final long MAX_TRIALS = 1_000_000_000L;

    private PowerAnalysis() {}

    /** Trials per variant to detect {@code relativeDifference} at 80 % power and α = 0.05, without costs. */
    public static SampleSize sampleSize(double relativeDifference, double cv, boolean paired) {
        return sampleSize(relativeDifference, cv, paired, DEFAULT_ALPHA, DEFAULT_POWER, null, null);
    }

    /**
     * Trials per variant to detect {@code relativeDifference}, and what running them costs.
     *
     * @param relativeDifference the difference to detect as a fraction of the baseline cost (0.10 = 10 %)
     * @param cv                 the coefficient of variation (see the class comment)
     * @param paired             whether trials are paired by cell
     * @param alpha              two-sided significance level
     * @param power              the power wanted
     * @param baselineCostPerCall the baseline's (estimated or observed) cost per call, or null
     * @param optimizedCostPerCall the optimized variant's, or null for baseline × (1 − D)
     */
    public static SampleSize sampleSize(
            double relativeDifference,
            double cv,
            boolean paired,
            double alpha,
            double power,
            BigDecimal baselineCostPerCall,
            BigDecimal optimizedCostPerCall) {
        if (!(relativeDifference > 0) || Double.isInfinite(relativeDifference)) {
            throw new IllegalArgumentException("the difference to detect must be positive: " + relativeDifference);
        }
        if (!(cv >= 0) || Double.isInfinite(cv)) {
            throw new IllegalArgumentException("the coefficient of variation must be 0 or more: " + cv);
        }
        if (!(alpha > 0 && alpha < 1) || !(power > 0 && power < 1)) {
            throw new IllegalArgumentException("alpha and power must be between 0 and 1");
        }
        int k = paired ? 1 : 2;
        double ratio = cv / relativeDifference;
        double zSum = Distributions.normalQuantile(1 - alpha / 2) + Distributions.normalQuantile(power);
        double n = k * zSum * zSum * ratio * ratio;
        long rounded = clamp(n);
        for (int i = 0; i < 100 && rounded < MAX_TRIALS; i++) {
            double df = paired ? rounded - 1 : 2.0 * (rounded - 1);
            double tSum = Distributions.studentTQuantile(1 - alpha / 2, df) + Distributions.studentTQuantile(power, df);
            long next = clamp(k * tSum * tSum * ratio * ratio);
            if (next == rounded) {
                break;
            }
            rounded = next;
        }
        BigDecimal cost = null;
        if (baselineCostPerCall != null) {
            BigDecimal opt = optimizedCostPerCall != null
                    ? optimizedCostPerCall
                    : baselineCostPerCall.multiply(BigDecimal.ONE.subtract(BigDecimal.valueOf(relativeDifference)));
            cost = baselineCostPerCall.add(opt).multiply(BigDecimal.valueOf(rounded));
        }
        return new SampleSize(relativeDifference, cv, paired, alpha, power, rounded, cost);
    }

    /**
     * The sample size to detect {@code relativeDifference} given a pilot comparison: its design (paired or not), its
     * observed CV ({@link MeanComparison#observedCv}) and its mean costs. Null when the pilot has no spread to
     * measure (fewer than two observations per side, or a zero baseline cost).
     */
    public static SampleSize fromObserved(CostComparison pilot, double relativeDifference) {
        double cv = pilot.stats().observedCv();
        if (Double.isNaN(cv)) {
            return null;
        }
        return sampleSize(
                relativeDifference,
                cv,
                pilot.method() == MeanComparison.Method.PAIRED_T,
                1 - level(pilot),
                DEFAULT_POWER,
                pilot.baselineMeanUsd(),
                pilot.optimizedMeanUsd());
    }

    private static double level(CostComparison c) {
        double l = c.level();
        return Double.isNaN(l) ? 1 - DEFAULT_ALPHA : l;
    }

    private static long clamp(double n) {
        if (Double.isNaN(n) || n > MAX_TRIALS) {
            return MAX_TRIALS;
        }
        return Math.max(2, (long) Math.ceil(n - 1e-9));
    }
}
