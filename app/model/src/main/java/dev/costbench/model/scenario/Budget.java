// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import java.math.BigDecimal;

/**
 * A monthly budget to hold the optimized bill to while each request type grows by its monthly growth.
 *
 * @param monthlyUsd the most the bill may be in a month
 * @param months     how many months to look ahead (null: {@link #DEFAULT_MONTHS})
 */
public record Budget(BigDecimal monthlyUsd, Integer months) {

    /** Months looked ahead when the file says nothing: three years. */
    public static final int DEFAULT_MONTHS = 36;
    /** The most months looked ahead. */
    public static final int MAX_MONTHS = 120;

    /** The months looked ahead. */
    public int horizon() {
        return months == null ? DEFAULT_MONTHS : months;
    }
}
