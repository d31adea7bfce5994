// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.stats;

import java.math.BigDecimal;

/**
 * A confidence interval in dollars, rounded as {@link UsdRounding} says.
 *
 * @param low    lower bound
 * @param high   upper bound
 * @param level  confidence level, e.g. 0.95
 * @param method how it was computed
 */
public record UsdInterval(BigDecimal low, BigDecimal high, double level, Interval.Method method) {

    /** The dollar form of {@code i}, or null when {@code i} is null. */
    public static UsdInterval of(Interval i) {
        if (i == null) {
            return null;
        }
        return new UsdInterval(UsdRounding.of(i.low()), UsdRounding.of(i.high()), i.level(), i.method());
    }
}
