// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.cost;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/** Formatting of exact dollar amounts for display (the amounts themselves are never rounded). */
public final class Money {

    private Money() {}

    /**
     * The one way an amount of money is shown (tables, charts, exports' text, the command line): "$1,234.57" for
     * amounts of a dollar or more; below that four significant digits and at least two decimals ("$0.90", "$0.09",
     * "$0.0002679"), so a per-request cost of a fraction of a cent stays readable; a negative amount as "−$1.23";
     * null as "unpriced". The amounts themselves are never rounded.
     */
    public static String format(BigDecimal usd) {
        if (usd == null) {
            return "unpriced";
        }
        BigDecimal abs = usd.abs();
        if (abs.signum() == 0) {
            return "$0.00";
        }
        String sign = usd.signum() < 0 ? "−" : "";
        if (abs.compareTo(BigDecimal.ONE) >= 0) {
            return sign + String.format(Locale.ROOT, "$%,.2f", abs.setScale(2, RoundingMode.HALF_UP));
        }
        BigDecimal r = abs.round(new MathContext(4, RoundingMode.HALF_UP)).stripTrailingZeros();
        if (r.compareTo(BigDecimal.ONE) >= 0) {
            return sign + "$1.00";
        }
        if (r.scale() < 2) {
            r = r.setScale(2);
        }
        return sign + "$" + r.toPlainString();
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
