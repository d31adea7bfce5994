// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How many requests of a type arrive.
 *
 * @param amount        requests per {@code per}
 * @param per           a day or a month (a month is the workload's {@code daysPerMonth}, 30 by default as in the
 *                      seeds: "$90/day = $2,700/month")
 * @param monthlyGrowth growth per month as a fraction (0.05 = 5 % a month); month k has amount × (1 + g)^k
 */
public record Volume(BigDecimal amount, Period per, BigDecimal monthlyGrowth) {

    /** Per day or per month. */
    public enum Period {
        DAY,
        MONTH
    }

    public Volume {
        Objects.requireNonNull(amount, "amount");
        per = per == null ? Period.MONTH : per;
        monthlyGrowth = monthlyGrowth == null ? BigDecimal.ZERO : monthlyGrowth;
    }

    public static Volume monthly(long n) {
        return new Volume(BigDecimal.valueOf(n), Period.MONTH, BigDecimal.ZERO);
    }

    public static Volume daily(long n) {
        return new Volume(BigDecimal.valueOf(n), Period.DAY, BigDecimal.ZERO);
    }

    public Volume withAmount(BigDecimal a) {
        return new Volume(a, per, monthlyGrowth);
    }

    public Volume withGrowth(BigDecimal g) {
        return new Volume(amount, per, g);
    }

    /** Requests in the first month. */
    public BigDecimal perMonth(int daysPerMonth) {
        return per == Period.DAY ? amount.multiply(BigDecimal.valueOf(daysPerMonth)) : amount;
    }
}
