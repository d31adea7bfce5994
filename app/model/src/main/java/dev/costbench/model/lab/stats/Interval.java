// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.stats;

/**
 * A two-sided confidence interval.
 *
 * @param low    the lower bound
 * @param high   the upper bound
 * @param level  the confidence level, e.g. 0.95
 * @param method how it was computed
 */
public record Interval(double low, double high, double level, Method method) {

    /** How an interval was computed. */
    public enum Method {
        /** mean ± t<sub>1−α/2, n−1</sub> · s / √n (or the Welch form for two independent samples). */
        STUDENT_T,
        /** A ratio's interval from the delta method with a t quantile. */
        DELTA_T,
        /** The α/2 and 1−α/2 percentiles (type 7) of the statistic over seeded bootstrap resamples. */
        BOOTSTRAP_PERCENTILE
    }

    public Interval {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be between 0 and 1: " + level);
        }
        if (low > high) {
            throw new IllegalArgumentException("interval bounds reversed: " + low + " > " + high);
        }
    }

    public boolean contains(double x) {
        return x >= low && x <= high;
    }

    public double width() {
        return high - low;
    }

    /** This interval with both bounds multiplied by {@code factor} (bounds swapped for a negative factor). */
    public Interval scaled(double factor) {
        double a = low * factor;
        double b = high * factor;
        return new Interval(Math.min(a, b), Math.max(a, b), level, method);
    }
}
