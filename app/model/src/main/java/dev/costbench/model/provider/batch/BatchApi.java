// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.provider.batch;

import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderId;
import java.util.List;
import java.util.function.Consumer;

/**
 * One provider's batch API. Calls are short HTTP requests (submit uploads the requests; poll and results read the
 * provider's state); the waiting in between is the caller's, so a batch survives a restart: keep the
 * {@link BatchStatus#batchId()} and poll again later. Failures are {@link ProviderException}s with the same kinds and
 * messages as live calls; a request the provider refused inside the batch is a {@link BatchOutcome#error} instead.
 */
public interface BatchApi {

    ProviderId id();

    /** The provider's documented limits for one batch. */
    BatchLimits limits();

    /**
     * Submits one batch. The caller has already split the run by {@link #limits()}: at most
     * {@code limits().maxRequests()} items, and all for one model when {@code limits().singleModel()}.
     *
     * @param displayName a name the provider may show in its console ("CostBench: Support replies, run 3"), or null
     */
    BatchStatus submit(List<BatchItem> items, String displayName) throws ProviderException;

    /** The batch's current state and counts. */
    BatchStatus poll(String batchId) throws ProviderException;

    /**
     * Streams the answers of a batch in a terminal state (ENDED, CANCELLED, EXPIRED) to {@code sink}, one per
     * request, including per-request errors and the requests that expired or were cancelled unanswered. Reading is
     * idempotent: calling it again delivers the same outcomes.
     */
    void results(String batchId, Consumer<BatchOutcome> sink) throws ProviderException;

    /** Asks the provider to cancel the batch; returns its state after the request (usually CANCELLING). */
    BatchStatus cancel(String batchId) throws ProviderException;
}
