// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.cost.Money;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/**
 * The first month the optimized bill exceeds a monthly budget while every request type grows by its own monthly
 * growth; each month priced at its own catalog prices, as the twelve-month projection is.
 *
 * @param budget  the monthly budget
 * @param horizon the months looked at
 * @param month   the first month over budget; null when the bill stays within it for the whole horizon
 * @param index   that month's number (1 = the start month); 0 when not breached
 * @param bill    the bill of that month; null when not breached
 */
public record BudgetBreach(BigDecimal budget, int horizon, YearMonth month, int index, BigDecimal bill) {

    /** The month pricer: the optimized bill of month {@code i} (0 = the start month). */
    interface Months {
        BigDecimal bill(int i);
    }

    static BudgetBreach find(Budget b, YearMonth start, Months months) {
        for (int i = 0; i < b.horizon(); i++) {
            BigDecimal bill = months.bill(i);
            if (bill.compareTo(b.monthlyUsd()) > 0) {
                return new BudgetBreach(b.monthlyUsd(), b.horizon(), start.plusMonths(i), i + 1, bill);
            }
        }
        return new BudgetBreach(b.monthlyUsd(), b.horizon(), null, 0, null);
    }

    /** True when the bill exceeds the budget within the horizon. */
    public boolean breached() {
        return month != null;
    }

    /** "Budget $5,000.00 a month: exceeded in March 2027 (month 3), at $5,120.00" or "… not within 36 months". */
    public String line() {
        String head = "Budget " + Money.format(budget) + " a month: ";
        if (!breached()) {
            return head + "not exceeded within " + horizon + " months";
        }
        return head + "exceeded in " + month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " "
                + month.getYear() + " (month " + index + "), at " + Money.format(bill);
    }

    /** The {@code budget} object of the JSON report. */
    void json(ObjectNode o) {
        ObjectNode n = o.putObject("budget");
        n.put("monthlyUsd", Money.exact(budget));
        n.put("horizonMonths", horizon);
        n.put("breached", breached());
        if (breached()) {
            n.put("firstMonth", month.toString());
            n.put("monthIndex", index);
            n.put("billUsd", Money.exact(bill));
        }
    }

    static List<String> lines(BudgetBreach b) {
        return b == null ? List.of() : List.of(b.line());
    }
}
