// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import dev.costbench.model.cost.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Why a run or a judging stopped at its budget cap: the next call's reservation did not fit in what was left.
 *
 * @param nextCallUsd   the reservation the next call needed (its worst case times {@code scale})
 * @param remainingUsd  what was left of the cap after spending and the reservations still open (negative when the
 *                      spending had already passed the cap)
 * @param budgetUsd     the cap
 * @param spentUsd      what had been spent when the call was refused
 * @param overruns      calls billed more than they had reserved
 * @param overbilledUsd what those calls were billed beyond their reservations
 * @param scale         the highest ratio of billed cost to worst case seen (1 without overruns)
 */
public record BudgetStop(
        BigDecimal nextCallUsd,
        BigDecimal remainingUsd,
        BigDecimal budgetUsd,
        BigDecimal spentUsd,
        int overruns,
        BigDecimal overbilledUsd,
        BigDecimal scale) {

    /**
     * "stopped: the next call could cost up to $0.0021 and $0.0012 of the $0.05 budget remains", followed, when calls
     * were billed more than they reserved, by how many, how much more and what that did.
     *
     * @param call   what a call is called: "call", "judge call"
     * @param budget what the budget is called: "budget", "judge budget"
     */
    public String message(String call, String budget) {
        BigDecimal left = remainingUsd.signum() < 0 ? BigDecimal.ZERO : remainingUsd;
        StringBuilder b = new StringBuilder("stopped: the next ")
                .append(call)
                .append(" could cost up to ")
                .append(Money.format(nextCallUsd))
                .append(" and ")
                .append(Money.format(left))
                .append(" of the ")
                .append(Money.format(budgetUsd))
                .append(' ')
                .append(budget)
                .append(" remains");
        if (overruns > 0) {
            b.append("; ")
                    .append(overruns)
                    .append(overruns == 1 ? " call was" : " calls were")
                    .append(" billed ")
                    .append(Money.format(overbilledUsd))
                    .append(" more than reserved (up to ")
                    .append(times())
                    .append(" times the most a call can cost within its limits: the provider reported more output "
                            + "than the request's cap or more input than counted; check its usage figures)");
            BigDecimal over = spentUsd.subtract(budgetUsd);
            if (over.signum() > 0) {
                b.append(", so ")
                        .append(Money.format(spentUsd))
                        .append(" was spent, ")
                        .append(Money.format(over))
                        .append(" over the ")
                        .append(budget);
            } else {
                b.append(", so later calls reserved that much more");
            }
        }
        return b.toString();
    }

    /** The scale for display: "2", "9.87", "1000". */
    public String times() {
        return scale.round(new MathContext(3, RoundingMode.HALF_UP))
                .stripTrailingZeros()
                .toPlainString();
    }
}
