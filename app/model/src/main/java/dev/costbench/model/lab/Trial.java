// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab;

import dev.costbench.model.catalog.ServiceTier;
import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.provider.ServiceTierWords;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A stored trial; the fields are those of {@link NewTrial}. Money comes back at the store's scale (10 decimals):
 * compare amounts with {@link BigDecimal#compareTo}, not {@code equals}.
 */
public record Trial(
        long id,
        long experimentId,
        TrialCell cell,
        String requestHash,
        CanonicalUsage usage,
        BigDecimal costUsd,
        boolean costComplete,
        String pricesJson,
        BigDecimal estimatedCostUsd,
        Long latencyMs,
        Long ttftMs,
        String finishReason,
        String outputText,
        String errorText,
        boolean fromCache,
        Instant started,
        Instant finished,
        ServiceTier requestedTier,
        String servedTier) {

    public boolean succeeded() {
        return errorText == null;
    }

    /** The tier asked for: Standard when none was recorded. */
    public ServiceTier requestedTierOrStandard() {
        return requestedTier == null ? ServiceTier.STANDARD : requestedTier;
    }

    /**
     * True when the provider reported serving another tier than the one asked for, or a tier CostBench does not
     * know (priced at Standard); false when it reported none.
     */
    public boolean tierChanged() {
        return ServiceTierWords.changed(requestedTier, servedTier);
    }
}
