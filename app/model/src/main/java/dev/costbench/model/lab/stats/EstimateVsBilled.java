// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.stats;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * How the pre-run estimate compared with what was billed, over the real (not cached) successful calls that have
 * both an estimate and a billed cost.
 *
 * @param n            calls compared
 * @param estimatedUsd the sum of their estimates, exact
 * @param billedUsd    the sum of their billed costs, exact
 */
public record EstimateVsBilled(int n, BigDecimal estimatedUsd, BigDecimal billedUsd) {

    public static final EstimateVsBilled NONE = new EstimateVsBilled(0, BigDecimal.ZERO, BigDecimal.ZERO);

    /** billed / estimated (1.08 = billed 8 % more than estimated); NaN when nothing was estimated. */
    public double ratio() {
        if (estimatedUsd.signum() == 0) {
            return Double.NaN;
        }
        return billedUsd.divide(estimatedUsd, MathContext.DECIMAL64).doubleValue();
    }

    /** billed − estimated, exact. */
    public BigDecimal differenceUsd() {
        return billedUsd.subtract(estimatedUsd);
    }
}
