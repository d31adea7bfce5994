// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.catalog;

import java.util.EnumMap;
import java.util.Map;

/**
 * What a model charges in one service tier other than standard and batch (flex, priority, fast mode): prices per
 * token kind, a documented multiplier of the standard prices, or both (a listed price wins; the multiplier covers
 * the kinds not listed and the long-context prices).
 *
 * @param tier       the service tier
 * @param multiplier factor on the standard price of every token kind (cache reads and writes included); may be null
 * @param prices     listed prices in this tier for short-context requests; may be empty
 * @param note       free text shown in the breakdown
 */
public record TierPricing(ServiceTier tier, Price multiplier, Map<PriceKind, Price> prices, String note) {
    public TierPricing {
        prices = prices == null || prices.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(prices));
        note = note == null ? "" : note;
    }
}
