// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.stats;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * How statistics computed in {@code double} come back as dollars: six significant digits (half-even), never finer
 * than the store's scale of ten decimals. Sums, means and medians of stored costs are computed in
 * {@link BigDecimal} directly and never pass through here; only spreads and interval bounds do.
 */
public final class UsdRounding {

    /** The store's money scale: ten decimals. */
    public static final int SCALE = 10;

    private static final MathContext SIX_DIGITS = new MathContext(6, RoundingMode.HALF_EVEN);

    private UsdRounding() {}

    /** {@code usd} as a rounded decimal, or null when it is NaN or infinite. */
    public static BigDecimal of(double usd) {
        if (Double.isNaN(usd) || Double.isInfinite(usd)) {
            return null;
        }
        BigDecimal d = new BigDecimal(usd).round(SIX_DIGITS);
        if (d.scale() > SCALE) {
            d = d.setScale(SCALE, RoundingMode.HALF_EVEN);
        }
        return d;
    }

    /** An exact quotient kept at the store's scale (half-even), for means of stored amounts. */
    static BigDecimal divide(BigDecimal sum, long n) {
        return sum.divide(BigDecimal.valueOf(n), SCALE, RoundingMode.HALF_EVEN);
    }
}
