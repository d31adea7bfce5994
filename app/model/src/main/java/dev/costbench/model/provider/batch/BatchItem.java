// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.provider.batch;

import dev.costbench.model.provider.ChatRequest;
import java.util.Objects;

/**
 * One request in a batch.
 *
 * @param customId the caller's id for the request (one trial), unique within the batch; the provider echoes it with
 *                 the answer ({@code custom_id} at OpenAI and Anthropic, the request {@code key} at Gemini). Providers
 *                 limit it to 64 characters of {@code [A-Za-z0-9_-]}.
 * @param request  the request exactly as a live call would send it (never streamed)
 */
public record BatchItem(String customId, ChatRequest request) {
    public BatchItem {
        Objects.requireNonNull(customId, "customId");
        Objects.requireNonNull(request, "request");
        if (customId.isEmpty() || customId.length() > 64 || !customId.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException(
                    "A batch custom id must be 1-64 characters of A-Z, a-z, 0-9, _ or -: " + customId);
        }
    }
}
