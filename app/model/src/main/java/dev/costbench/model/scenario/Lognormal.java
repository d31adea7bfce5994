// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

/**
 * A lognormal distribution fitted to three typed percentiles: {@code ln X ~ N(mu, sigma²)} with {@code mu = ln p50}
 * (the median is kept exactly) and {@code sigma} the least-squares slope, through the origin, of
 * {@code ln(p/p50)} against the standard normal quantile {@code z} of p90 and p99:
 *
 * <pre>
 *   sigma = (z90·ln(p90/p50) + z99·ln(p99/p50)) / (z90² + z99²),   z90 = 1.281552, z99 = 2.326348
 * </pre>
 *
 * When p90 and p99 lie on one lognormal the fit returns it exactly. Used for shares of users, never for money.
 */
record Lognormal(double mu, double sigma) {

    static final double Z90 = 1.2815515655446004;
    static final double Z99 = 2.3263478740408408;

    /** The fit of the three percentiles ({@code 0 < p50 ≤ p90 ≤ p99}). */
    static Lognormal fit(double p50, double p90, double p99) {
        double a = Math.log(p90 / p50);
        double b = Math.log(p99 / p50);
        return new Lognormal(Math.log(p50), (Z90 * a + Z99 * b) / (Z90 * Z90 + Z99 * Z99));
    }

    /** The value at standard normal quantile {@code z} (z90 for the fitted p90). */
    double at(double z) {
        return Math.exp(mu + sigma * z);
    }

    /** The mean, {@code exp(mu + sigma²/2)}. */
    double mean() {
        return Math.exp(mu + sigma * sigma / 2);
    }

    /** The share of the distribution above {@code x}. */
    double above(double x) {
        if (x <= 0) {
            return 1;
        }
        if (sigma == 0) {
            return x < Math.exp(mu) ? 1 : 0;
        }
        return 1 - phi((Math.log(x) - mu) / sigma);
    }

    /** The standard normal CDF. */
    static double phi(double z) {
        return 0.5 * erfc(-z / Math.sqrt(2));
    }

    /** Numerical Recipes' erfc coefficients, lowest power of t first. */
    private static final double[] ERFC = {
        -1.26551223,
        1.00002368,
        0.37409196,
        0.09678418,
        -0.18628806,
        0.27886807,
        -1.13520398,
        1.48851587,
        -0.82215223,
        0.17087277
    };

    /** Complementary error function, Numerical Recipes' Chebyshev fit (relative error below 1.2e-7). */
    private static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double poly = 0;
        for (int i = ERFC.length - 1; i >= 0; i--) {
            poly = ERFC[i] + t * poly;
        }
        double r = t * Math.exp(-z * z + poly);
        return x >= 0 ? r : 2 - r;
    }
}
