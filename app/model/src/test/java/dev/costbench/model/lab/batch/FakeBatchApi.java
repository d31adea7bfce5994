// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.batch;

import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.provider.ChatResult;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.batch.BatchApi;
import dev.costbench.model.provider.batch.BatchItem;
import dev.costbench.model.provider.batch.BatchLimits;
import dev.costbench.model.provider.batch.BatchOutcome;
import dev.costbench.model.provider.batch.BatchSource;
import dev.costbench.model.provider.batch.BatchState;
import dev.costbench.model.provider.batch.BatchStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An in-memory batch API with a scripted state machine: each poll moves a batch one step along {@link #script}
 * (PENDING, RUNNING, ENDED by default); a cancel moves it to CANCELLING, and the next poll to CANCELLED. Answers come
 * from {@link #answer}; when the batch ended otherwise than ENDED, the requests after the first {@link #answeredBefore}
 * are reported expired or cancelled as the providers do. It is the provider's side: it outlives a store that is
 * closed and opened again.
 */
public final class FakeBatchApi implements BatchApi {

    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private final ProviderId id;
    private final BatchLimits limits;
    public final Map<String, List<BatchItem>> submitted = new LinkedHashMap<>();
    final Map<String, Integer> step = new LinkedHashMap<>();
    final Map<String, BatchState> cancelled = new LinkedHashMap<>();
    final AtomicInteger results = new AtomicInteger();
    /** The states a batch goes through, one per poll; the last one stays. */
    public List<BatchState> script = List.of(BatchState.PENDING, BatchState.RUNNING, BatchState.ENDED);
    /** Each request's answer when the batch ends (100 input, 20 output tokens by default). */
    Function<BatchItem, BatchOutcome> answer = item -> ok(item, 100, 20);
    /** How many requests of each batch finished before it expired or was cancelled. */
    public int answeredBefore = Integer.MAX_VALUE;
    /** When ≥ 0: the next {@link #results} call fails after delivering this many outcomes (then resets). */
    int failResultsAfter = -1;
    /** When set: the next submit fails with it. */
    public ProviderException failSubmit;

    public FakeBatchApi(ProviderId id, BatchLimits limits) {
        this.id = id;
        this.limits = limits;
    }

    /**
     * The batch APIs of {@code apis} (read at each call, so a test may add or remove one): none for the
     * OpenAI-compatible server, NO_KEY ("No OpenAI API key for its batch API: set OPENAI_API_KEY") for a provider
     * without one in the map.
     */
    public static BatchSource source(Map<ProviderId, FakeBatchApi> apis) {
        return p -> {
            if (p == ProviderId.COMPATIBLE) {
                return Optional.empty();
            }
            FakeBatchApi api = apis.get(p);
            if (api == null) {
                throw new ProviderException(
                        p,
                        ProviderException.Kind.NO_KEY,
                        0,
                        "No " + p.displayName() + " API key for its batch API: set " + p.keyVariable(),
                        null,
                        null,
                        null);
            }
            return Optional.of(api);
        };
    }

    public static BatchLimits limits(int maxRequests, long maxBytes, boolean singleModel) {
        return new BatchLimits(maxRequests, maxBytes, Duration.ofHours(24), singleModel);
    }

    static BatchOutcome ok(BatchItem item, long input, long output) {
        return BatchOutcome.ok(
                item.customId(),
                new ChatResult(
                        "answer to " + item.customId(),
                        new CanonicalUsage(input, 0, 0, 0, output, 0),
                        Map.of(),
                        "stop",
                        item.request().model(),
                        "resp_" + item.customId(),
                        null,
                        null,
                        null,
                        "batch"));
    }

    @Override
    public ProviderId id() {
        return id;
    }

    @Override
    public BatchLimits limits() {
        return limits;
    }

    @Override
    public synchronized BatchStatus submit(List<BatchItem> items, String displayName) throws ProviderException {
        if (failSubmit != null) {
            ProviderException e = failSubmit;
            failSubmit = null;
            throw e;
        }
        if (items.size() > limits.maxRequests()) {
            throw new IllegalStateException("more requests than the limit: " + items.size());
        }
        if (limits.singleModel()
                && items.stream().map(i -> i.request().model()).distinct().count() > 1) {
            throw new IllegalStateException("several models in one batch");
        }
        String batchId = "batch_" + id.name().toLowerCase() + "_" + (submitted.size() + 1);
        submitted.put(batchId, List.copyOf(items));
        step.put(batchId, 0);
        return status(batchId);
    }

    @Override
    public synchronized BatchStatus poll(String batchId) {
        BatchState c = cancelled.get(batchId);
        if (c == BatchState.CANCELLING) {
            cancelled.put(batchId, BatchState.CANCELLED);
        } else if (c == null) {
            step.merge(batchId, 1, Integer::sum);
        }
        return status(batchId);
    }

    synchronized BatchState state(String batchId) {
        BatchState c = cancelled.get(batchId);
        return c != null ? c : script.get(Math.min(step.get(batchId), script.size() - 1));
    }

    private BatchStatus status(String batchId) {
        BatchState s = state(batchId);
        int total = submitted.get(batchId).size();
        int done = s.terminal() ? Math.min(total, answeredBefore) : 0;
        return new BatchStatus(
                id,
                batchId,
                s,
                s.name().toLowerCase(),
                total,
                done,
                s.terminal() ? total - done : 0,
                T0,
                T0.plus(Duration.ofHours(24)),
                s == BatchState.FAILED ? "the input file failed validation" : null);
    }

    @Override
    public void results(String batchId, Consumer<BatchOutcome> sink) throws ProviderException {
        List<BatchItem> items;
        BatchState s;
        int failAfter;
        synchronized (this) {
            items = submitted.get(batchId);
            s = state(batchId);
            failAfter = failResultsAfter;
            failResultsAfter = -1;
            results.incrementAndGet();
        }
        if (!s.terminal()) {
            throw new IllegalStateException("results of a batch not ended: " + s);
        }
        List<BatchOutcome> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            BatchItem item = items.get(i);
            if (i < answeredBefore || s == BatchState.ENDED) {
                out.add(answer.apply(item));
            } else if (s == BatchState.EXPIRED) {
                out.add(BatchOutcome.error(
                        item.customId(),
                        "expired",
                        "This request could not be executed before " + "the completion window expired."));
            } else {
                out.add(BatchOutcome.error(item.customId(), "canceled", "The batch was canceled."));
            }
        }
        for (int i = 0; i < out.size(); i++) {
            if (i == failAfter) {
                throw new ProviderException(
                        id, ProviderException.Kind.NETWORK, 0, "connection reset", null, null, null);
            }
            sink.accept(out.get(i));
        }
    }

    @Override
    public synchronized BatchStatus cancel(String batchId) {
        if (!state(batchId).terminal()) {
            cancelled.put(batchId, BatchState.CANCELLING);
        }
        return status(batchId);
    }
}
