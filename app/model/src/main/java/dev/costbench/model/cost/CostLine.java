// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.cost;

import dev.costbench.model.catalog.Price;
import java.math.BigDecimal;

/**
 * One line of a cost breakdown.
 *
 * @param item        what is billed ("Input", "Cache read", "Output (incl. reasoning)", …)
 * @param tokens      how many tokens (0 for a multiplier line)
 * @param price       the price used, with its source, date and status; null when unpriced
 * @param usd         the amount, exact; null when unpriced
 * @param rule        the billing rule that chose this price (e.g. "batch 50 %", "long context > 200K")
 */
public record CostLine(String item, long tokens, Price price, BigDecimal usd, String rule) {

    public boolean unpriced() {
        return usd == null;
    }

    public BigDecimal pricePerMTok() {
        return price == null ? null : price.perMTok();
    }
}
