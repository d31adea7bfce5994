// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.cost;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.ratecard.RateCard;
import java.math.BigDecimal;
import java.util.List;

/**
 * The breakdown lines of a rate card: each matching adjustment, in the card's order, is applied to the total left by
 * the list price (after tier, long context and residency) and the adjustments before it, so they multiply.
 */
final class RateCardLines {

    /** How every rate-card line's item starts. */
    static final String PREFIX = "Rate card: ";

    private RateCardLines() {}

    /** Adds one line per matching adjustment to {@code lines}; returns the adjusted total. */
    static BigDecimal apply(RateCard card, ModelEntry model, BillingOptions o, BigDecimal total, List<CostLine> lines) {
        BigDecimal running = total;
        for (RateCard.Applied a : card.apply(model, o.serviceTier(), total)) {
            lines.add(new CostLine(
                    PREFIX + a.adjustment().title(),
                    0,
                    null,
                    a.amount(),
                    a.adjustment().percentText() + " of $" + Money.exact(a.before()) + " ("
                            + a.adjustment().scope() + ")"));
            running = running.add(a.amount());
        }
        return running;
    }
}
