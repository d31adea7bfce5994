// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab;

import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.provider.SendOptions;
import java.math.BigDecimal;
import java.time.Instant;

/** A kept "Send to the API" call (see {@link NewSentRequest} for the fields) with its id in the store. */
public record SentRequest(
        long id,
        String workspace,
        Instant time,
        String provider,
        String modelId,
        SendOptions options,
        String answer,
        CanonicalUsage usage,
        BigDecimal costUsd,
        String error) {

    /** True when the call failed (or was cancelled). */
    public boolean failed() {
        return error != null;
    }
}
