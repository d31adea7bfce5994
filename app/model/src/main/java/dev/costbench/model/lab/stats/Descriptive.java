// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.stats;

import java.util.Arrays;
import java.util.Collection;

/**
 * Descriptive statistics of a sample.
 *
 * <p>Percentiles use linear interpolation between order statistics, Hyndman &amp; Fan (1996) type 7, the default of
 * R's {@code quantile}, NumPy's {@code percentile} and Excel's {@code PERCENTILE.INC}: with the values sorted as
 * x<sub>0</sub> ≤ … ≤ x<sub>n−1</sub> and h = (n−1)·p, the p-quantile is
 * x<sub>⌊h⌋</sub> + (h − ⌊h⌋)·(x<sub>⌊h⌋+1</sub> − x<sub>⌊h⌋</sub>). The standard deviation is the sample one
 * (divisor n − 1). The confidence interval of the mean is mean ± t<sub>1−α/2, n−1</sub>·s/√n.
 *
 * <p>Undefined values are NaN: everything for an empty sample; the standard deviation for one value; and
 * {@link #meanCi} is null below two values.
 *
 * @param n      number of values
 * @param mean   arithmetic mean
 * @param stdDev sample standard deviation
 * @param min    smallest value
 * @param median the 0.5-quantile (= p50)
 * @param p95    the 0.95-quantile
 * @param max    largest value
 * @param meanCi confidence interval of the mean (Student t), or null with fewer than two values
 */
public record Descriptive(
        int n, double mean, double stdDev, double min, double median, double p95, double max, Interval meanCi) {

    /** The statistics of no values. */
    public static final Descriptive EMPTY =
            new Descriptive(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, null);

    /** The statistics of {@code values} with a 95 % interval of the mean. */
    public static Descriptive of(double... values) {
        return of(values, 0.95);
    }

    /** The statistics of {@code values} with an interval of the mean at {@code level}. */
    public static Descriptive of(double[] values, double level) {
        int n = values.length;
        if (n == 0) {
            return EMPTY;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        if (Double.isNaN(sorted[n - 1])) {
            throw new IllegalArgumentException("NaN in sample");
        }
        double mean = mean(values);
        double sd = stdDev(values, mean);
        Interval ci = null;
        if (n >= 2) {
            double half = Distributions.studentTQuantile(1 - (1 - level) / 2, n - 1) * sd / Math.sqrt(n);
            ci = new Interval(mean - half, mean + half, level, Interval.Method.STUDENT_T);
        }
        return new Descriptive(
                n,
                mean,
                sd,
                sorted[0],
                percentileSorted(sorted, 0.5),
                percentileSorted(sorted, 0.95),
                sorted[n - 1],
                ci);
    }

    /** The statistics of {@code values} with a 95 % interval of the mean. */
    public static Descriptive of(Collection<? extends Number> values) {
        return of(values.stream().mapToDouble(Number::doubleValue).toArray());
    }

    /** The 0.5-quantile (type 7). */
    public double p50() {
        return median;
    }

    /** Arithmetic mean; NaN when empty. Summed in order with Kahan compensation. */
    public static double mean(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        return sum(values) / values.length;
    }

    static double sum(double[] values) {
        double s = 0;
        double c = 0;
        for (double v : values) {
            double y = v - c;
            double t = s + y;
            c = (t - s) - y;
            s = t;
        }
        return s;
    }

    /** Sample standard deviation (divisor n − 1) around {@code mean}; NaN below two values. */
    public static double stdDev(double[] values, double mean) {
        int n = values.length;
        if (n < 2) {
            return Double.NaN;
        }
        double ss = 0;
        double comp = 0; // two-pass with correction (Chan, Golub & LeVeque) for the rounding of the mean
        for (double v : values) {
            double d = v - mean;
            ss += d * d;
            comp += d;
        }
        return Math.sqrt(Math.max(0, (ss - comp * comp / n) / (n - 1)));
    }

    /** The type-7 p-quantile (0 ≤ p ≤ 1) of {@code values} (any order); NaN when empty. */
    public static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return percentileSorted(sorted, p);
    }

    /** The type-7 p-quantile of values already sorted ascending; NaN when empty. */
    public static double percentileSorted(double[] sorted, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("percentile needs 0 <= p <= 1: " + p);
        }
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        double h = (n - 1) * p;
        int lo = (int) Math.floor(h);
        if (lo >= n - 1) {
            return sorted[n - 1];
        }
        double frac = h - lo;
        return sorted[lo] + frac * (sorted[lo + 1] - sorted[lo]);
    }
}
