// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.stats;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * Percentile bootstrap intervals (Efron &amp; Tibshirani 1993, §13.3), reproducible: resampling draws come from a
 * SplitMix64 generator written out in this package and seeded with the given seed, so the same data and seed give
 * the same interval on every JVM. The interval is the α/2 and 1 − α/2 type-7 percentiles of the statistic over the
 * resamples.
 *
 * <p>To keep large experiments responsive the number of resamples is lowered so that resamples × n stays within
 * {@value #MAX_DRAWS} draws, never below {@value #MIN_RESAMPLES} ({@link #resamplesFor}); the results say how many
 * were used.
 */
public final class Bootstrap {

    /** Resamples unless told otherwise. */
    public static final int DEFAULT_RESAMPLES = 2000;
    /** The seed unless told otherwise. */
    public static final long DEFAULT_SEED = 42L;
    /** The most index draws one interval may take. */
    public static final long MAX_DRAWS = 4_000_000L;
    /** The fewest resamples used whatever the sample size. */
    public static final int MIN_RESAMPLES = 200;

    private Bootstrap() {}

    /**
     * The bootstrap of a two-sample comparison.
     *
     * @param difference interval of mean(baseline) − mean(optimized)
     * @param relative   interval of 1 − mean(optimized) / mean(baseline) (a fraction; 0.3 = 30 % saving), or null
     *                   when the baseline mean is zero in too many resamples
     * @param resamples  how many resamples were drawn
     * @param seed       the seed they were drawn with
     */
    public record TwoSample(Interval difference, Interval relative, int resamples, long seed) {}

    /** The resamples actually used for a sample of {@code n} when {@code requested} were asked for. */
    public static int resamplesFor(int n, int requested) {
        if (requested <= 0) {
            throw new IllegalArgumentException("resamples must be positive: " + requested);
        }
        if (n <= 0) {
            return requested;
        }
        long cap = Math.max(MIN_RESAMPLES, MAX_DRAWS / n);
        return (int) Math.min(requested, cap);
    }

    /**
     * The percentile bootstrap interval of the mean; null with fewer than two values. The same numbers as
     * {@code ci(values, Descriptive::mean, ...)} (the same draws, summed in the same order with the same compensated
     * sum), without copying each resample first.
     */
    public static Interval meanCi(double[] values, double level, int resamples, long seed) {
        int n = values.length;
        return resampled(n, level, resamples, seed, rng -> {
            // Descriptive.sum's Kahan summation, inlined over the draws
            double s = 0;
            double c = 0;
            for (int i = 0; i < n; i++) {
                double y = values[rng.nextInt(n)] - c;
                double t = s + y;
                c = (t - s) - y;
                s = t;
            }
            return s / n;
        });
    }

    /** The percentile bootstrap interval of {@code statistic} over resamples of {@code values}; null below 2. */
    public static Interval ci(
            double[] values, ToDoubleFunction<double[]> statistic, double level, int resamples, long seed) {
        int n = values.length;
        double[] sample = new double[n];
        return resampled(n, level, resamples, seed, rng -> {
            for (int i = 0; i < n; i++) {
                sample[i] = values[rng.nextInt(n)];
            }
            return statistic.applyAsDouble(sample);
        });
    }

    /**
     * The percentile interval of a one-sample statistic that {@code resample} computes from its draws, once per
     * resample; null when the sample has fewer than two values.
     */
    private static Interval resampled(
            int n, double level, int resamples, long seed, ToDoubleFunction<SplitMix64> resample) {
        if (n < 2) {
            return null;
        }
        int b = resamplesFor(n, resamples);
        SplitMix64 rng = new SplitMix64(seed);
        double[] stats = new double[b];
        for (int r = 0; r < b; r++) {
            stats[r] = resample.applyAsDouble(rng);
        }
        return percentileInterval(stats, b, level);
    }

    /**
     * The paired bootstrap: resamples whole pairs (baseline[i], optimized[i]) so the pairing is kept. Null with
     * fewer than two pairs.
     */
    public static TwoSample paired(double[] baseline, double[] optimized, double level, int resamples, long seed) {
        if (baseline.length != optimized.length) {
            throw new IllegalArgumentException("paired samples differ in length");
        }
        int n = baseline.length;
        if (n < 2) {
            return null;
        }
        Draws draws = new Draws(resamplesFor(n, resamples));
        SplitMix64 rng = new SplitMix64(seed);
        for (int r = 0; r < draws.count(); r++) {
            double sb = 0;
            double so = 0;
            for (int i = 0; i < n; i++) {
                int k = rng.nextInt(n);
                sb += baseline[k];
                so += optimized[k];
            }
            draws.add(r, (sb - so) / n, sb, so);
        }
        return draws.result(level, seed);
    }

    /** The unpaired bootstrap: resamples each group on its own. Null when either has fewer than two values. */
    public static TwoSample unpaired(double[] baseline, double[] optimized, double level, int resamples, long seed) {
        int nb = baseline.length;
        int no = optimized.length;
        if (nb < 2 || no < 2) {
            return null;
        }
        Draws draws = new Draws(resamplesFor(nb + no, resamples));
        SplitMix64 rng = new SplitMix64(seed);
        for (int r = 0; r < draws.count(); r++) {
            double sb = 0;
            for (int i = 0; i < nb; i++) {
                sb += baseline[rng.nextInt(nb)];
            }
            double so = 0;
            for (int i = 0; i < no; i++) {
                so += optimized[rng.nextInt(no)];
            }
            double mb = sb / nb;
            double mo = so / no;
            draws.add(r, mb - mo, mb, mo);
        }
        return draws.result(level, seed);
    }

    /** The difference and relative saving of each resample of a two-sample bootstrap. */
    private static final class Draws {
        private final double[] diff;
        private final double[] rel;
        private int relN;

        Draws(int count) {
            diff = new double[count];
            rel = new double[count];
        }

        int count() {
            return diff.length;
        }

        /** Resample {@code r}: its difference, and the saving 1 − o/b when its baseline {@code b} is not zero. */
        void add(int r, double difference, double b, double o) {
            diff[r] = difference;
            if (b != 0) {
                rel[relN++] = 1 - o / b;
            }
        }

        TwoSample result(double level, long seed) {
            int b = diff.length;
            return new TwoSample(
                    percentileInterval(diff, b, level),
                    relN * 2 >= b ? percentileInterval(rel, relN, level) : null,
                    b,
                    seed);
        }
    }

    /** The percentile interval at {@code level} of the first {@code count} statistics. */
    static Interval percentileInterval(double[] stats, int count, double level) {
        double[] s = Arrays.copyOf(stats, count);
        Arrays.sort(s);
        double a = (1 - level) / 2;
        return new Interval(
                Descriptive.percentileSorted(s, a),
                Descriptive.percentileSorted(s, 1 - a),
                level,
                Interval.Method.BOOTSTRAP_PERCENTILE);
    }
}
