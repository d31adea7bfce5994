// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab;

import dev.costbench.model.catalog.ServiceTier;
import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.cost.CostBreakdown;
import dev.costbench.model.provider.ChatResult;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A finished call to record with {@link LabStore#addTrial(NewTrial)}: a success (no {@code errorText}) or a failure.
 *
 * @param requestHash       a hash of the exact request sent (model, messages, parameters), for the response cache
 * @param usage             the billed usage, or null when the call failed before the provider reported any
 * @param costUsd           the cost of {@code usage} at the prices in force, exact; null when unpriced or failed
 * @param costComplete      false when some line of the breakdown had no price (the cost covers the priced lines)
 * @param pricesJson        the breakdown with the prices in force at that moment ({@link PricesInForce#toJson}),
 *                          so a later price change never rewrites a past run; may be null for a failure
 * @param estimatedCostUsd  what the pre-run estimate said this call would cost, or null
 * @param latencyMs         from sending to the last byte, or null
 * @param ttftMs            time to the first text token (streaming only), or null
 * @param finishReason      the provider's stop reason, or null
 * @param outputText        the answer, or null
 * @param errorText         null for a success; the error (never containing a key) for a failure
 * @param fromCache         true when the answer was reused from an earlier identical request, not a real call
 * @param requestedTier     the service tier asked for, or null (Standard; trials recorded before tiers existed)
 * @param servedTier        the tier the provider says served the call, in its own word ("default", "priority",
 *                          "standard", …), or null when it reported none
 */
public record NewTrial(
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

    public NewTrial {
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(finished, "finished");
        if (errorText == null && usage == null) {
            throw new IllegalArgumentException("a successful trial needs its usage");
        }
    }

    /** A successful call, priced by {@code cost} (which may be null when the model has no price). */
    public static NewTrial success(
            long experimentId,
            TrialCell cell,
            String requestHash,
            ChatResult result,
            CostBreakdown cost,
            BigDecimal estimatedCostUsd,
            boolean fromCache,
            Instant started,
            Instant finished,
            ServiceTier requestedTier) {
        return new NewTrial(
                experimentId,
                cell,
                requestHash,
                result.usage(),
                cost == null ? null : cost.total(),
                cost != null && cost.complete(),
                cost == null ? null : PricesInForce.toJson(cost),
                estimatedCostUsd,
                millis(result.latency()),
                millis(result.timeToFirstToken()),
                result.finishReason(),
                result.text(),
                null,
                fromCache,
                started,
                finished,
                requestedTier,
                result.servedTier());
    }

    /** A failed call. {@code errorText} must already be redacted of keys. */
    public static NewTrial failure(
            long experimentId,
            TrialCell cell,
            String requestHash,
            String errorText,
            Instant started,
            Instant finished) {
        Objects.requireNonNull(errorText, "errorText");
        return new NewTrial(
                experimentId,
                cell,
                requestHash,
                null,
                null,
                false,
                null,
                null,
                Duration.between(started, finished).toMillis(),
                null,
                null,
                null,
                errorText,
                false,
                started,
                finished,
                null,
                null);
    }

    public boolean succeeded() {
        return errorText == null;
    }

    private static Long millis(Duration d) {
        return d == null ? null : d.toMillis();
    }
}
