// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.catalog;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One model in the pricing catalog.
 *
 * @param overridden names of the fields a user catalog or an import changed (e.g. {@code prices.input}, {@code tier})
 */
public record ModelEntry(
        String id,
        String name,
        String provider,
        BillingRules rules,
        Tier tier,
        Long contextWindow,
        Long maxOutput,
        String tokenizer,
        Long minCacheTokens,
        Map<PriceKind, Price> prices,
        LongContext longContext,
        Price residencyMultiplier,
        Map<String, Object> media,
        String deprecation,
        String notes,
        Origin origin,
        Set<String> overridden) {

    public ModelEntry {
        prices = prices.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(prices));
        media = media == null ? Map.of() : Map.copyOf(media);
        overridden = overridden == null ? Set.of() : Set.copyOf(overridden);
        name = name == null || name.isBlank() ? id : name;
        notes = notes == null ? "" : notes;
        tokenizer = tokenizer == null ? "open" : tokenizer;
        origin = origin == null ? Origin.BUILT_IN : origin;
    }

    public Optional<Price> price(PriceKind kind) {
        return Optional.ofNullable(prices.get(kind));
    }

    public boolean isOverridden(String field) {
        return overridden.contains(field);
    }
}
