// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.costbench.model.provider.CancelToken;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderException.Kind;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.batch.BatchApi;
import dev.costbench.model.provider.batch.BatchItem;
import dev.costbench.model.provider.batch.BatchLimits;
import dev.costbench.model.provider.batch.BatchStatus;
import java.util.List;
import okhttp3.Headers;

/** What every provider's batch client has: its engine, its provider and limits, and the checks before a submit. */
public abstract class BatchClient implements BatchApi {

    /** How a provider puts its key into the headers of a call (NO_KEY without a key). */
    @FunctionalInterface
    public interface KeyHeaders {
        Headers of(HttpEngine http) throws ProviderException;
    }

    protected final HttpEngine http;
    /** The engine's calls for creating a batch once and reading JSONL answers. */
    protected final BatchTransfers transfers;

    private final BatchLimits limits;
    private final KeyHeaders keyHeaders;

    protected BatchClient(
            HttpEngine http, ProviderId provider, BatchLimits limits, KeyHeaders keyHeaders, Class<?> client) {
        this.http = http.requireProvider(provider, client);
        this.transfers = new BatchTransfers(http);
        this.limits = limits;
        this.keyHeaders = keyHeaders;
    }

    @Override
    public final ProviderId id() {
        return http.provider();
    }

    @Override
    public final BatchLimits limits() {
        return limits;
    }

    /** The headers of every call, with the key; NO_KEY without one. */
    protected final Headers headers() throws ProviderException {
        return keyHeaders.of(http);
    }

    /** The path of batch {@code batchId} under the base URL. */
    protected abstract String path(String batchId) throws ProviderException;

    /** Reads the provider's batch object. */
    protected abstract BatchStatus status(JsonNode batch, String raw) throws ProviderException;

    /** A text field the provider always sends in its batch object; without it the answer is malformed. */
    protected final String required(JsonNode batch, String field, String raw) throws ProviderException {
        String v = batch.path(field).asText("");
        if (v.isEmpty()) {
            throw http.malformed("a batch without " + field, raw, 200, null);
        }
        return v;
    }

    /** {@code GET} of the batch object. */
    protected HttpEngine.JsonResponse fetch(String batchId) throws ProviderException {
        return http.getJson(path(batchId), headers(), CancelToken.none());
    }

    @Override
    public BatchStatus poll(String batchId) throws ProviderException {
        HttpEngine.JsonResponse r = fetch(batchId);
        return status(r.json(), r.raw());
    }

    /** The batch object of a batch that has finished; one still running is refused with the reason. */
    protected final HttpEngine.JsonResponse finished(String batchId) throws ProviderException {
        HttpEngine.JsonResponse r = fetch(batchId);
        BatchStatus s = status(r.json(), r.raw());
        if (!s.state().terminal()) {
            throw BatchCalls.notFinished(s);
        }
        return r;
    }

    /** Posts an empty object to the batch's {@code /cancel} and reads the batch object it answers with. */
    @Override
    public BatchStatus cancel(String batchId) throws ProviderException {
        HttpEngine.JsonResponse r = http.postJson(
                path(batchId) + "/cancel", headers(), HttpEngine.mapper().createObjectNode(), CancelToken.none());
        return status(r.json(), r.raw());
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
