// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.stats;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Statistics of costs per call. The total is the exact sum, the mean is that sum divided by n at ten decimals, the
 * median is exact (the mean of the two middle values for even n); the standard deviation and the intervals are
 * computed in {@code double} and rounded to six significant digits ({@link UsdRounding}).
 *
 * @param n           number of costs
 * @param totalUsd    their exact sum (zero when n = 0)
 * @param meanUsd     the mean, or null when n = 0
 * @param medianUsd   the median, or null when n = 0
 * @param stdDevUsd   the sample standard deviation, or null below two costs
 * @param meanCi      Student-t interval of the mean, or null below two costs
 * @param bootstrapCi seeded percentile bootstrap interval of the mean, or null below two costs (or when
 *                    {@link StatsOptions#bootstrap()} is false)
 */
public record CostStats(
        int n,
        BigDecimal totalUsd,
        BigDecimal meanUsd,
        BigDecimal medianUsd,
        BigDecimal stdDevUsd,
        UsdInterval meanCi,
        UsdInterval bootstrapCi) {

    /** No costs. */
    public static final CostStats EMPTY = new CostStats(0, BigDecimal.ZERO, null, null, null, null, null);

    /** The statistics of {@code costs} (nulls are not allowed). */
    public static CostStats of(Collection<BigDecimal> costs, StatsOptions options) {
        int n = costs.size();
        if (n == 0) {
            return EMPTY;
        }
        List<BigDecimal> sorted = new ArrayList<>(costs);
        sorted.sort(null);
        BigDecimal total = BigDecimal.ZERO;
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            BigDecimal c = sorted.get(i);
            total = total.add(c);
            values[i] = c.doubleValue();
        }
        BigDecimal median = n % 2 == 1
                ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2));
        Descriptive d = Descriptive.of(values, options.level());
        return new CostStats(
                n,
                total,
                UsdRounding.divide(total, n),
                median,
                UsdRounding.of(d.stdDev()),
                UsdInterval.of(d.meanCi()),
                options.bootstrap()
                        ? UsdInterval.of(Bootstrap.meanCi(values, options.level(), options.resamples(), options.seed()))
                        : null);
    }
}
