// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.stats;

/**
 * Settings shared by the lab statistics.
 *
 * @param level         confidence level of every interval (0.95); significance means p &lt; 1 − level
 * @param resamples     bootstrap resamples asked for ({@link Bootstrap#resamplesFor} may lower it for big samples)
 * @param seed          bootstrap seed; the same data and seed give the same intervals
 * @param includeCached true to count answers reused from the response cache as observations of cost, tokens and
 *                      quality. They are not independent calls (and cost nothing when reused), so by default they
 *                      are counted but left out of every distribution; latency never includes them.
 * @param bootstrap     false to leave out every bootstrap interval (they stay null): the quick first pass of the
 *                      results view, which shows the t intervals at once and the bootstrap ones when computed
 */
public record StatsOptions(double level, int resamples, long seed, boolean includeCached, boolean bootstrap) {

    public StatsOptions {
        if (!(level > 0.5 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be between 0.5 and 1: " + level);
        }
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be positive");
        }
    }

    /** With bootstrap intervals. */
    public StatsOptions(double level, int resamples, long seed, boolean includeCached) {
        this(level, resamples, seed, includeCached, true);
    }

    /** 95 %, 2000 resamples, seed 42, cached answers left out, bootstrap intervals computed. */
    public static StatsOptions defaults() {
        return new StatsOptions(0.95, Bootstrap.DEFAULT_RESAMPLES, Bootstrap.DEFAULT_SEED, false);
    }

    /** These options without bootstrap intervals (the t intervals, tests and everything else are the same). */
    public StatsOptions withoutBootstrap() {
        return new StatsOptions(level, resamples, seed, includeCached, false);
    }

    /** The significance level α = 1 − level. */
    public double alpha() {
        return 1 - level;
    }

    /** The t quantile of a two-sided interval at this level with {@code df} degrees of freedom. */
    double tCritical(double df) {
        return Distributions.studentTQuantile(1 - alpha() / 2, df);
    }
}
