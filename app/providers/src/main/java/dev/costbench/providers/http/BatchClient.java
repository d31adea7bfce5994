// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.http;

import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderException.Kind;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.batch.BatchApi;
import dev.costbench.model.provider.batch.BatchItem;
import dev.costbench.model.provider.batch.BatchLimits;
import java.util.List;

/** What every provider's batch client has: its engine, its provider and limits, and the checks before a submit. */
public abstract class BatchClient implements BatchApi {

    protected final HttpEngine http;
    private final BatchLimits limits;

    protected BatchClient(HttpEngine http, ProviderId provider, BatchLimits limits, Class<?> client) {
        this.http = http.requireProvider(provider, client);
        this.limits = limits;
    }

    @Override
    public final ProviderId id() {
        return http.provider();
    }

    @Override
    public final BatchLimits limits() {
        return limits;
    }

    /** {@link BatchCalls#check} against this provider's limits. */
    protected final void check(List<BatchItem> items) throws ProviderException {
        BatchCalls.check(id(), items, limits);
    }

    /** Refuses a batch of {@code bytes} over the provider's size limit, before anything is sent. */
    protected final void checkSize(long bytes) throws ProviderException {
        if (bytes > limits.maxBytes()) {
            throw new ProviderException(
                    id(),
                    Kind.BAD_REQUEST,
                    0,
                    "The batch is " + bytes / 1_000_000 + " MB, over " + id().displayName() + "'s "
                            + limits.maxBytes() / 1_000_000 + " MB limit; split the run into smaller batches",
                    null,
                    null,
                    null);
        }
    }
}
