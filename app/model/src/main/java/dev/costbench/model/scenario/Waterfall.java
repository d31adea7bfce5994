// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import java.math.BigDecimal;
import java.util.List;

/**
 * What {@link ScenarioEngine#compute} returns: the naive bill, one step per enabled lever, and the totals. All
 * amounts are exact {@link BigDecimal}s in USD; the per-unit figures are divided to 20 significant digits.
 *
 * @param baseline           the bill with no lever (month 1)
 * @param steps              enabled levers in stack order
 * @param optimized          the bill after every enabled lever (month 1)
 * @param baselineYearly     twelve months of the baseline with each request type's growth
 * @param optimizedYearly    twelve months of the optimized bill with growth
 * @param requestsPerMonth   requests arriving in month 1 (cache hits and gated requests included)
 * @param costPerRequest     optimized monthly ÷ requests; null when there are none
 * @param costPerUser        optimized monthly ÷ the workload's users; null when users are not given
 * @param videoHoursPerMonth hours of video arriving in month 1
 * @param costPerVideoHour   optimized monthly ÷ video hours; null without video
 * @param warnings           unpriced parts, context-window overflows and the like (deduplicated)
 * @param months             the twelve projected months, each at its own catalog prices (the yearly totals add
 *                           them up; month 1 is the baseline and optimized bills above)
 * @param priceChanges       one line for each month in which a price the scenario uses changes, with what it does
 *                           to the monthly bill
 */
public record Waterfall(
        Bill baseline,
        List<WaterfallStep> steps,
        Bill optimized,
        BigDecimal baselineYearly,
        BigDecimal optimizedYearly,
        BigDecimal requestsPerMonth,
        BigDecimal costPerRequest,
        BigDecimal costPerUser,
        BigDecimal videoHoursPerMonth,
        BigDecimal costPerVideoHour,
        List<String> warnings,
        List<MonthFigures> months,
        List<String> priceChanges,
        HeavyTailFigures heavyTail,
        BudgetBreach budget) {

    public Waterfall {
        steps = List.copyOf(steps);
        warnings = List.copyOf(warnings);
        months = months == null ? List.of() : List.copyOf(months);
        priceChanges = priceChanges == null ? List.of() : List.copyOf(priceChanges);
    }

    public BigDecimal baselineMonthly() {
        return baseline.total();
    }

    public BigDecimal optimizedMonthly() {
        return optimized.total();
    }

    /** baseline − optimized. */
    public BigDecimal saving() {
        return baseline.total().subtract(optimized.total());
    }

    /** The step of lever {@code id}, or null when it is disabled or absent. */
    public WaterfallStep step(String id) {
        for (WaterfallStep s : steps) {
            if (s.leverId().equals(id)) {
                return s;
            }
        }
        return null;
    }
}
