// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.catalog;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A catalog entry as one file gives it: every field optional, so that a user catalog can override single values.
 * {@link CatalogBuilder} merges the layers and checks what a complete entry needs.
 */
public final class EntrySpec {
    public String id;
    public String name;
    public String provider;
    public BillingRules rules;
    public Tier tier;
    public Long contextWindow;
    public Long maxOutput;
    public String tokenizer;
    public Long minCacheTokens;
    public final Map<PriceKind, Price> prices = new EnumMap<>(PriceKind.class);
    /** Price kinds given as dated prices (validFrom / validUntil), as in {@link ModelEntry#schedule()}. */
    public final Map<PriceKind, List<Price>> schedule = new EnumMap<>(PriceKind.class);

    public Long longContextThreshold;
    public final Map<PriceKind, Price> longContextPrices = new EnumMap<>(PriceKind.class);
    public Price residencyMultiplier;
    /** Flex, priority and fast-mode pricing, as in {@link ModelEntry#serviceTiers()}. */
    public final Map<ServiceTier, TierPricing> serviceTiers = new EnumMap<>(ServiceTier.class);

    public Map<String, Object> media;
    public String deprecation;
    public String notes;
    /** Field names this file gave, as in {@link ModelEntry#overridden()}. */
    public final Set<String> given = new LinkedHashSet<>();

    public Origin origin = Origin.BUILT_IN;

    /** Copies every field {@code over} gives onto this spec, recording them as overridden. */
    void overlay(EntrySpec over, Set<String> overriddenOut) {
        for (String f : over.given) {
            overriddenOut.add(f);
        }
        if (over.name != null) {
            name = over.name;
        }
        if (over.provider != null) {
            provider = over.provider;
        }
        if (over.rules != null) {
            rules = over.rules;
        }
        if (over.tier != null) {
            tier = over.tier;
        }
        if (over.contextWindow != null) {
            contextWindow = over.contextWindow;
        }
        if (over.maxOutput != null) {
            maxOutput = over.maxOutput;
        }
        if (over.tokenizer != null) {
            tokenizer = over.tokenizer;
        }
        if (over.minCacheTokens != null) {
            minCacheTokens = over.minCacheTokens;
        }
        prices.putAll(over.prices);
        schedule.keySet().removeAll(over.prices.keySet());
        schedule.putAll(over.schedule);
        prices.keySet().removeAll(over.schedule.keySet());
        if (over.longContextThreshold != null) {
            longContextThreshold = over.longContextThreshold;
        }
        longContextPrices.putAll(over.longContextPrices);
        serviceTiers.putAll(over.serviceTiers);
        if (over.residencyMultiplier != null) {
            residencyMultiplier = over.residencyMultiplier;
        }
        if (over.media != null) {
            Map<String, Object> m = new LinkedHashMap<>(media == null ? Map.of() : media);
            m.putAll(over.media);
            media = m;
        }
        if (over.deprecation != null) {
            deprecation = over.deprecation;
        }
        if (over.notes != null) {
            notes = over.notes;
        }
    }
}
