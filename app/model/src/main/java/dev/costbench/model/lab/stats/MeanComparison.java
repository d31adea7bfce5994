// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.stats;

/**
 * A comparison of the means of a baseline and an optimized sample, oriented as a saving: {@code difference} =
 * mean(baseline) − mean(optimized) is positive when the optimized variant is lower (cheaper, faster).
 *
 * <p><b>Paired</b> (the same cells measured under both variants), with d<sub>i</sub> = b<sub>i</sub> − o<sub>i</sub>:
 * t = d̄ / (s<sub>d</sub>/√n), df = n − 1, interval d̄ ± t<sub>1−α/2, n−1</sub>·s<sub>d</sub>/√n.
 *
 * <p><b>Welch</b> (independent samples): se = √(s<sub>b</sub>²/n<sub>b</sub> + s<sub>o</sub>²/n<sub>o</sub>),
 * df by Welch–Satterthwaite, interval (m<sub>b</sub> − m<sub>o</sub>) ± t<sub>1−α/2, df</sub>·se.
 *
 * <p><b>Relative saving</b> S = 1 − m<sub>o</sub>/m<sub>b</sub>, with a delta-method interval: for the ratio R =
 * m<sub>o</sub>/m<sub>b</sub>, Var(R) ≈ Var(m<sub>o</sub> − R·m<sub>b</sub>)/m<sub>b</sub>², which is
 * s<sub>e</sub>²/(n·m<sub>b</sub>²) for paired data with e<sub>i</sub> = o<sub>i</sub> − R·b<sub>i</sub>, and
 * (s<sub>o</sub>²/n<sub>o</sub> + R²·s<sub>b</sub>²/n<sub>b</sub>)/m<sub>b</sub>² for independent samples (df by
 * Welch–Satterthwaite on those two terms). The p-value is that of the t test of the difference, two-sided; with no
 * spread at all a non-zero difference has p = 0 and a zero one p = 1.
 *
 * @param method        which test was used
 * @param nBaseline     baseline observations used
 * @param nOptimized    optimized observations used
 * @param baselineMean  m<sub>b</sub>
 * @param optimizedMean m<sub>o</sub>
 * @param baselineSd    s<sub>b</sub> (NaN below two values)
 * @param optimizedSd   s<sub>o</sub>
 * @param differenceSd  s<sub>d</sub> of the paired differences (NaN for Welch)
 * @param difference    m<sub>b</sub> − m<sub>o</sub>
 * @param differenceCi  its t interval, or null
 * @param relative      1 − m<sub>o</sub>/m<sub>b</sub> as a fraction (NaN when m<sub>b</sub> = 0)
 * @param relativeCi    its delta-method interval, or null
 * @param df            degrees of freedom of the t test (NaN when insufficient)
 * @param t             the t statistic
 * @param pValue        two-sided p-value (NaN when insufficient)
 * @param significant   p &lt; α
 * @param bootstrap     the paired or unpaired percentile bootstrap of the difference and the relative saving, or
 *                      null when insufficient or when {@link StatsOptions#bootstrap()} is false
 */
public record MeanComparison(
        Method method,
        int nBaseline,
        int nOptimized,
        double baselineMean,
        double optimizedMean,
        double baselineSd,
        double optimizedSd,
        double differenceSd,
        double difference,
        Interval differenceCi,
        double relative,
        Interval relativeCi,
        double df,
        double t,
        double pValue,
        boolean significant,
        Bootstrap.TwoSample bootstrap) {

    /** Which comparison was made. */
    public enum Method {
        /** Paired t test on per-cell differences (and a paired bootstrap). */
        PAIRED_T,
        /** Welch's unequal-variance t test on independent samples (and an unpaired bootstrap). */
        WELCH_T,
        /** Fewer than two observations (pairs) on a side: no test. */
        INSUFFICIENT_DATA
    }

    /** True when a test was made. */
    public boolean tested() {
        return method != Method.INSUFFICIENT_DATA;
    }

    /** The number of pairs (paired) or the smaller group (otherwise). */
    public int n() {
        return Math.min(nBaseline, nOptimized);
    }

    /**
     * The observed coefficient of variation in the form {@link PowerAnalysis} takes: s<sub>d</sub>/m<sub>b</sub>
     * for paired data, √((s<sub>b</sub>² + s<sub>o</sub>²)/2)/m<sub>b</sub> otherwise; NaN when undefined.
     */
    public double observedCv() {
        if (!tested() || baselineMean == 0) {
            return Double.NaN;
        }
        if (method == Method.PAIRED_T) {
            return differenceSd / Math.abs(baselineMean);
        }
        return Math.sqrt((baselineSd * baselineSd + optimizedSd * optimizedSd) / 2) / Math.abs(baselineMean);
    }

    /** Paired comparison of {@code baseline[i]} with {@code optimized[i]}. */
    public static MeanComparison paired(double[] baseline, double[] optimized, StatsOptions options) {
        if (baseline.length != optimized.length) {
            throw new IllegalArgumentException("paired samples differ in length");
        }
        Sides s = Sides.of(baseline, optimized);
        int n = s.nb();
        if (n < 2) {
            return s.insufficient();
        }
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = baseline[i] - optimized[i];
        }
        double dMean = Descriptive.mean(d);
        double sd = Descriptive.stdDev(d, dMean);
        double df = n - 1;
        double se = sd / Math.sqrt(n);
        double tc = options.tCritical(df);

        double rel = Double.NaN;
        Interval relCi = null;
        if (s.mb() != 0) {
            double r = s.mo() / s.mb();
            double[] e = new double[n];
            for (int i = 0; i < n; i++) {
                e[i] = optimized[i] - r * baseline[i];
            }
            double seRel = Descriptive.stdDev(e, Descriptive.mean(e)) / (Math.sqrt(n) * Math.abs(s.mb()));
            rel = 1 - r;
            relCi = new Interval(rel - tc * seRel, rel + tc * seRel, options.level(), Interval.Method.DELTA_T);
        }
        Bootstrap.TwoSample boot = options.bootstrap()
                ? Bootstrap.paired(baseline, optimized, options.level(), options.resamples(), options.seed())
                : null;
        return s.tested(Method.PAIRED_T, sd, dMean, se, df, rel, relCi, options, boot);
    }

    /** Welch comparison of two independent samples. */
    public static MeanComparison welch(double[] baseline, double[] optimized, StatsOptions options) {
        Sides s = Sides.of(baseline, optimized);
        int nb = s.nb();
        int no = s.no();
        if (nb < 2 || no < 2) {
            return s.insufficient();
        }
        double vb = s.sb() * s.sb() / nb;
        double vo = s.so() * s.so() / no;
        double se = Math.sqrt(vb + vo);
        double df = welchDf(vb, nb, vo, no);

        double rel = Double.NaN;
        Interval relCi = null;
        if (s.mb() != 0) {
            double r = s.mo() / s.mb();
            double a = vo;
            double b = r * r * vb;
            double seRel = Math.sqrt(a + b) / Math.abs(s.mb());
            double tcRel = options.tCritical(welchDf(a, no, b, nb));
            rel = 1 - r;
            relCi = new Interval(rel - tcRel * seRel, rel + tcRel * seRel, options.level(), Interval.Method.DELTA_T);
        }
        Bootstrap.TwoSample boot = options.bootstrap()
                ? Bootstrap.unpaired(baseline, optimized, options.level(), options.resamples(), options.seed())
                : null;
        return s.tested(Method.WELCH_T, Double.NaN, s.mb() - s.mo(), se, df, rel, relCi, options, boot);
    }

    /** Welch–Satterthwaite degrees of freedom for the variance terms v1 = s1²/n1 and v2 = s2²/n2. */
    static double welchDf(double v1, int n1, double v2, int n2) {
        double num = (v1 + v2) * (v1 + v2);
        double den = v1 * v1 / (n1 - 1) + v2 * v2 / (n2 - 1);
        if (den == 0) {
            return n1 + n2 - 2; // no spread on either side: the interval is a point whatever df is
        }
        return num / den;
    }

    private static double tStatistic(double diff, double se) {
        if (se == 0) {
            return diff == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, diff);
        }
        return diff / se;
    }

    private static double pValue(double t, double df) {
        if (Double.isInfinite(t)) {
            return 0;
        }
        return Distributions.studentTTwoSidedP(t, df);
    }

    /** The two samples' sizes, means and standard deviations. */
    private record Sides(int nb, int no, double mb, double mo, double sb, double so) {

        static Sides of(double[] baseline, double[] optimized) {
            double mb = Descriptive.mean(baseline);
            double mo = Descriptive.mean(optimized);
            return new Sides(
                    baseline.length,
                    optimized.length,
                    mb,
                    mo,
                    Descriptive.stdDev(baseline, mb),
                    Descriptive.stdDev(optimized, mo));
        }

        /** The t test of {@code diff} with standard error {@code se} and {@code df} degrees of freedom. */
        MeanComparison tested(
                Method method,
                double differenceSd,
                double diff,
                double se,
                double df,
                double rel,
                Interval relCi,
                StatsOptions options,
                Bootstrap.TwoSample boot) {
            double tc = options.tCritical(df);
            Interval diffCi = new Interval(diff - tc * se, diff + tc * se, options.level(), Interval.Method.STUDENT_T);
            double t = tStatistic(diff, se);
            double p = pValue(t, df);
            return make(method, differenceSd, diff, diffCi, rel, relCi, df, t, p, p < options.alpha(), boot);
        }

        MeanComparison insufficient() {
            double rel = mb != 0 && !Double.isNaN(mb) ? 1 - mo / mb : Double.NaN;
            return make(
                    Method.INSUFFICIENT_DATA,
                    Double.NaN,
                    mb - mo,
                    null,
                    rel,
                    null,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    false,
                    null);
        }

        private MeanComparison make(
                Method method,
                double differenceSd,
                double diff,
                Interval diffCi,
                double rel,
                Interval relCi,
                double df,
                double t,
                double p,
                boolean significant,
                Bootstrap.TwoSample boot) {
            return new MeanComparison(
                    method,
                    nb,
                    no,
                    mb,
                    mo,
                    sb,
                    so,
                    differenceSd,
                    diff,
                    diffCi,
                    rel,
                    relCi,
                    df,
                    t,
                    p,
                    significant,
                    boot);
        }
    }
}
