// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Formatting of exact dollar amounts for display (the amounts themselves are never rounded). */
public final class Money {

    private Money() {
    }

    /**
     * "$1,234.57" for amounts of a dollar or more, "$0.013284" with six significant decimals below that, so a
     * per-request cost of a fraction of a cent stays readable.
     */
    public static String format(BigDecimal usd) {
        if (usd == null) {
            return "unpriced";
        }
        BigDecimal abs = usd.abs();
        if (abs.signum() == 0) {
            return "$0.00";
        }
        if (abs.compareTo(BigDecimal.ONE) >= 0) {
            return String.format(java.util.Locale.ROOT, "$%,.2f", usd.setScale(2, RoundingMode.HALF_UP));
        }
        BigDecimal r = usd.round(new java.math.MathContext(4, RoundingMode.HALF_UP));
        return "$" + r.stripTrailingZeros().toPlainString();
    }

    /** The exact value as a plain decimal string, e.g. for JSON. */
    public static String exact(BigDecimal usd) {
        return usd == null ? null : usd.stripTrailingZeros().toPlainString();
    }

    /** A per-1M-token price, e.g. "$1.25". */
    public static String perMTok(BigDecimal p) {
        if (p == null) {
            return "—";
        }
        BigDecimal s = p.stripTrailingZeros();
        if (s.scale() < 2) {
            s = s.setScale(2);
        }
        return "$" + s.toPlainString();
    }
}
