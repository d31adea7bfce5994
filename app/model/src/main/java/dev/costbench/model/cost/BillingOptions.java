// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.cost;

import dev.costbench.model.catalog.ServiceTier;
import dev.costbench.model.ratecard.RateCard;
import java.time.LocalDate;

/**
 * How a request is billed.
 *
 * @param batch       sent through the provider's batch API (the same as {@code serviceTier} {@link ServiceTier#BATCH})
 * @param residency   pinned to a region (Anthropic {@code inference_geo: "us"}, OpenAI regional processing)
 * @param serviceTier the service tier asked for; never null ({@link ServiceTier#STANDARD} by default)
 * @param at          the day whose prices apply; null: today (from the engine's clock)
 * @param rateCard    the user's negotiated rates applied after list price; {@link RateCard#NONE} (never null): off
 * @param explicitCache Gemini explicit caching (storage per hour is billed); null: implicit caching
 */
public record BillingOptions(
        boolean batch,
        boolean residency,
        ServiceTier serviceTier,
        LocalDate at,
        RateCard rateCard,
        ExplicitCache explicitCache) {
    public static final BillingOptions INTERACTIVE = new BillingOptions(false, false);
    public static final BillingOptions BATCH = new BillingOptions(true, false);

    public BillingOptions {
        if (serviceTier == null || serviceTier == ServiceTier.STANDARD) {
            serviceTier = batch ? ServiceTier.BATCH : ServiceTier.STANDARD;
        }
        batch = serviceTier == ServiceTier.BATCH;
        rateCard = rateCard == null ? RateCard.NONE : rateCard;
    }

    /** Options at list prices (no rate card). */
    public BillingOptions(boolean batch, boolean residency, ServiceTier serviceTier, LocalDate at) {
        this(batch, residency, serviceTier, at, RateCard.NONE, null);
    }

    public BillingOptions(boolean batch, boolean residency) {
        this(batch, residency, null, null);
    }

    /** These options priced at {@code date}'s prices. */
    public BillingOptions at(LocalDate date) {
        return new BillingOptions(batch, residency, serviceTier, date, rateCard, explicitCache);
    }

    /** These options with {@code tier} (batch follows it). */
    public BillingOptions withTier(ServiceTier tier) {
        return new BillingOptions(tier == ServiceTier.BATCH, residency, tier, at, rateCard, explicitCache);
    }

    /** These options with the user's rate card applied ({@link RateCard#NONE} or null: list prices). */
    public BillingOptions withRateCard(RateCard card) {
        return new BillingOptions(batch, residency, serviceTier, at, card, explicitCache);
    }

    /** These options with Gemini explicit caching ({@code null}: implicit caching, no storage). */
    public BillingOptions withExplicitCache(ExplicitCache cache) {
        return new BillingOptions(batch, residency, serviceTier, at, rateCard, cache);
    }
}
