// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.cost;

import dev.costbench.model.catalog.ServiceTier;
import java.time.LocalDate;

/**
 * How a request is billed.
 *
 * @param batch       sent through the provider's batch API (the same as {@code serviceTier} {@link ServiceTier#BATCH})
 * @param residency   pinned to a region (Anthropic {@code inference_geo: "us"}, OpenAI regional processing)
 * @param serviceTier the service tier asked for; never null ({@link ServiceTier#STANDARD} by default)
 * @param at          the day whose prices apply; null: today (from the engine's clock)
 */
public record BillingOptions(boolean batch, boolean residency, ServiceTier serviceTier, LocalDate at) {
    public static final BillingOptions INTERACTIVE = new BillingOptions(false, false);
    public static final BillingOptions BATCH = new BillingOptions(true, false);

    public BillingOptions {
        if (serviceTier == null || serviceTier == ServiceTier.STANDARD) {
            serviceTier = batch ? ServiceTier.BATCH : ServiceTier.STANDARD;
        }
        batch = serviceTier == ServiceTier.BATCH;
    }

    public BillingOptions(boolean batch, boolean residency) {
        this(batch, residency, null, null);
    }

    /** These options priced at {@code date}'s prices. */
    public BillingOptions at(LocalDate date) {
        return new BillingOptions(batch, residency, serviceTier, date);
    }

    /** These options with {@code tier} (batch follows it). */
    public BillingOptions withTier(ServiceTier tier) {
        return new BillingOptions(tier == ServiceTier.BATCH, residency, tier, at);
    }
}
