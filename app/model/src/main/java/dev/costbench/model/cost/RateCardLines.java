// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.cost;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.ratecard.RateAdjustment;
import dev.costbench.model.ratecard.RateCard;
import java.math.BigDecimal;
import java.util.List;

/**
 * The breakdown lines of a rate card: each matching adjustment, in the card's order, is applied to the total left by
 * the list price (after tier, long context and residency) and the adjustments before it, so they multiply.
 */
final class RateCardLines {

    private RateCardLines() {}

    /** Adds one line per matching adjustment to {@code lines}; returns the adjusted total. */
    static BigDecimal apply(RateCard card, ModelEntry model, BillingOptions o, BigDecimal total, List<CostLine> lines) {
        BigDecimal running = total;
        for (RateAdjustment a : card.matching(model, o.serviceTier())) {
            BigDecimal amount = running.multiply(a.percent()).movePointLeft(2);
            lines.add(new CostLine(
                    "Rate card: " + a.title(),
                    0,
                    null,
                    amount,
                    a.percentText() + " of $" + Money.exact(running) + " (" + a.scope() + ")"));
            running = running.add(amount);
        }
        return running;
    }
}
