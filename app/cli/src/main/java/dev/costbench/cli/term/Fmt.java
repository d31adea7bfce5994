// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli.term;

import dev.costbench.model.cost.Money;
import java.math.BigDecimal;
import java.util.Locale;

/** The command line's wrappers around the one money formatter ({@link Money}) and its number formats. */
public final class Fmt {

    /** What a table shows for a cost with no price. */
    public static final String UNPRICED = "unpriced";

    private Fmt() {}

    /** {@code usd} as money ({@link Money#format}), or {@code none} when it is null (no price). */
    public static String usd(BigDecimal usd, String none) {
        return usd == null ? none : Money.format(usd);
    }

    /** {@code usd} as money, or "unpriced". */
    public static String usd(BigDecimal usd) {
        return usd(usd, UNPRICED);
    }

    /** A count with thousands separators, the same in every locale: 12,345. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
