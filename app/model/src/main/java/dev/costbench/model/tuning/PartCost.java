// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tuning;

import java.math.BigDecimal;

/**
 * The cost of one request part on one model.
 *
 * @param tokens     the part's tokens on the model
 * @param exact      false when the count is an estimate (no public tokenizer)
 * @param perRequest exact USD per request; null when the model lists no price for it
 * @param perMonth   {@code perRequest} times the monthly requests; null when unpriced
 * @param share      the part's fraction of the priced request cost, 0..1
 */
public record PartCost(
        RequestPart part, long tokens, boolean exact, BigDecimal perRequest, BigDecimal perMonth, double share) {

    public boolean unpriced() {
        return perRequest == null;
    }
}
