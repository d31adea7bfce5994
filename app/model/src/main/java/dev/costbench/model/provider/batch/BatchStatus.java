// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.provider.batch;

import dev.costbench.model.provider.ProviderId;
import java.time.Instant;

/**
 * A batch as the provider last reported it.
 *
 * @param provider      whose batch it is
 * @param batchId       the provider's id ({@code batch_…}, {@code msgbatch_…}, {@code batches/…})
 * @param state         where it is
 * @param providerState the provider's own state word, as received (shown in details and logs)
 * @param total         requests in the batch
 * @param succeeded     requests that finished with an answer so far
 * @param failed        requests that finished with an error, or expired or were cancelled, so far
 * @param createdAt     when the provider accepted it, or null when not reported
 * @param expiresAt     when it expires if not finished, or null when not reported
 * @param errorMessage  why the whole batch failed (state FAILED), or null
 */
public record BatchStatus(
        ProviderId provider,
        String batchId,
        BatchState state,
        String providerState,
        int total,
        int succeeded,
        int failed,
        Instant createdAt,
        Instant expiresAt,
        String errorMessage) {

    /** Requests not finished yet. */
    public int pending() {
        return Math.max(0, total - succeeded - failed);
    }
}
