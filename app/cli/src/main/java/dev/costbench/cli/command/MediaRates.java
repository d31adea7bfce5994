// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli.command;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.catalog.ServiceTier;
import dev.costbench.model.cost.Money;
import dev.costbench.model.ratecard.RateCard;
import java.math.BigDecimal;

/**
 * {@code media --rate-card on}: every list-price figure of the report (per model, per transcription service) after
 * the user's rate card, with the list price and the card's lines beside it in the JSON.
 *
 * @param card the card ({@link RateCard#NONE}: list prices, nothing added)
 * @param tier the tier the figures are priced in (batch with {@code --batch}, else standard)
 */
record MediaRates(RateCard card, ServiceTier tier) {

    /** On: {@code "rateCard": "on"} at the root; the figures say "after your rates". */
    boolean on() {
        return !card.isEmpty();
    }

    /**
     * Puts {@code field}: {@code listUsd} (null: unpriced) after the card. With a card, also {@code listField}, the
     * list price, and, when {@code linesField} is not null, the card's lines there: {@code [{item, percent,
     * appliedToUsd, usd, status: RATE_CARD}]}, one per matching line (empty when none matches).
     */
    void put(
            ObjectNode n,
            String provider,
            String id,
            BigDecimal listUsd,
            String field,
            String listField,
            String linesField) {
        BigDecimal total = listUsd;
        ArrayNode lines = on() && linesField != null ? n.putArray(linesField) : null;
        if (on() && listUsd != null) {
            for (RateCard.Applied a : card.apply(provider, id, tier, listUsd)) {
                if (lines != null) {
                    lines.addObject()
                            .put("item", "Rate card: " + a.adjustment().label())
                            .put(
                                    "percent",
                                    a.adjustment()
                                            .percent()
                                            .stripTrailingZeros()
                                            .toPlainString())
                            .put("appliedToUsd", Money.exact(a.before()))
                            .put("usd", Money.exact(a.amount()))
                            .put("status", "RATE_CARD");
                }
                total = total.add(a.amount());
            }
        }
        n.put(field, total == null ? null : Money.exact(total));
        if (on()) {
            n.put(listField, listUsd == null ? null : Money.exact(listUsd));
        }
    }
}
