// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab;

import dev.costbench.model.catalog.ServiceTier;
import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.provider.SendOptions;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One "Send to the API" call to keep in a workspace's history (never the key: the store redacts key-shaped text).
 *
 * @param workspace the workspace it belongs to: its file path, or {@link SendHistoryRepository#UNTITLED}
 * @param provider  the catalog provider ("openai", "groq", …)
 * @param modelId   the catalog model id
 * @param answer    the answer as received (what streamed in before a failure), never null
 * @param usage     the usage the provider reported, or null (a failure, or a server that reports none)
 * @param costUsd   the billed cost, exact, or null when unknown
 * @param error     what went wrong, or null when the call succeeded
 * @param requestedTier the service tier asked for; null: Standard (calls kept before tiers were asked for)
 * @param servedTier    the tier the provider reported serving, in its own word ("default", "priority"), or null
 */
public record NewSentRequest(
        String workspace,
        Instant time,
        String provider,
        String modelId,
        SendOptions options,
        String answer,
        CanonicalUsage usage,
        BigDecimal costUsd,
        String error,
        ServiceTier requestedTier,
        String servedTier) {

    public NewSentRequest {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(options, "options");
        answer = answer == null ? "" : answer;
        servedTier = servedTier == null || servedTier.isBlank() ? null : servedTier;
    }

    /** The tier asked for, Standard when none was recorded. */
    public ServiceTier requestedTierOrStandard() {
        return requestedTier == null ? ServiceTier.STANDARD : requestedTier;
    }
}
