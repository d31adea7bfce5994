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
 */
public record StatsOptions(double level, int resamples, long seed, boolean includeCached) {

    public StatsOptions {
        if (!(level > 0.5 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be between 0.5 and 1: " + level);
        }
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be positive");
        }
    }

    /** 95 %, 2000 resamples, seed 42, cached answers left out. */
    public static StatsOptions defaults() {
        return new StatsOptions(0.95, Bootstrap.DEFAULT_RESAMPLES, Bootstrap.DEFAULT_SEED, false);
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
