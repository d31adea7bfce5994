// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.provider.CancelToken;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.ProviderSettings;
import dev.costbench.model.provider.batch.BatchItem;
import dev.costbench.model.provider.batch.BatchLimits;
import dev.costbench.model.provider.batch.BatchOutcome;
import dev.costbench.model.provider.batch.BatchState;
import dev.costbench.model.provider.batch.BatchStatus;
import dev.costbench.providers.http.BatchCalls;
import dev.costbench.providers.http.BatchClient;
import dev.costbench.providers.http.HttpEngine;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Anthropic's Message Batches: {@code POST /v1/messages/batches} with {@code {"requests":[{"custom_id","params"}]}}
 * (each {@code params} exactly the body of a live, non-streamed Messages call), {@code GET
 * /v1/messages/batches/{id}} to poll, the JSONL at the batch's {@code results_url} (same host only: the key is never
 * sent elsewhere), and {@code POST /v1/messages/batches/{id}/cancel}. Each succeeded result's {@code message} is
 * read by the live parser, so usage (cache reads and writes, {@code service_tier: "batch"}) maps as for a live call.
 */
public final class AnthropicBatch extends BatchClient {

    /** 100,000 requests or 256 MB per batch, models may be mixed, 24 h. */
    public static final BatchLimits LIMITS = new BatchLimits(100_000, 256_000_000L, Duration.ofHours(24), false);

    private static final String BATCHES = "/v1/messages/batches";

    public AnthropicBatch(ProviderSettings settings) {
        this(new HttpEngine(settings));
    }

    /** On a prepared engine (tests record the retry waits). */
    public AnthropicBatch(HttpEngine http) {
        super(http, ProviderId.ANTHROPIC, LIMITS, AnthropicClient::headers, AnthropicBatch.class);
    }

    @Override
    public BatchStatus submit(List<BatchItem> items, String displayName) throws ProviderException {
        check(items);
        ObjectNode body = HttpEngine.mapper().createObjectNode();
        ArrayNode requests = body.putArray("requests");
        for (BatchItem i : items) {
            ObjectNode r = requests.addObject().put("custom_id", i.customId());
            r.set("params", params(i.request()));
        }
        checkSize(body.toString().getBytes(StandardCharsets.UTF_8).length);
        try {
            HttpEngine.JsonResponse r = transfers.postJsonOnce(BATCHES, headers(), body, CancelToken.none());
            return status(r.json(), r.raw());
        } catch (ProviderException e) {
            throw BatchCalls.notRepeated(e);
        }
    }

    /** The body a live, non-streamed Messages call sends for {@code r}. */
    static ObjectNode params(ChatRequest r) throws ProviderException {
        return AnthropicRequests.messages(r.withStream(false));
    }

    @Override
    public void results(String batchId, Consumer<BatchOutcome> sink) throws ProviderException {
        HttpEngine.JsonResponse r = finished(batchId);
        String url = r.json().path("results_url").asText("");
        if (url.isEmpty()) {
            throw http.malformed("an ended batch without results_url", r.raw(), 200, null);
        }
        Consumer<BatchOutcome> once = BatchCalls.once(sink);
        transfers.getLines(url, headers(), CancelToken.none(), line -> once.accept(outcome(line)));
    }

    /** One results line: {@code {"custom_id","result":{"type":"succeeded"|"errored"|"canceled"|"expired",…}}}. */
    BatchOutcome outcome(String raw) throws ProviderException {
        JsonNode line = http.parse(raw, 200);
        String id = BatchCalls.id(http, line, "custom_id", raw);
        JsonNode result = line.path("result");
        String type = result.path("type").asText("");
        switch (type) {
            case "succeeded":
                try {
                    return BatchOutcome.ok(
                            id,
                            AnthropicClient.fromMessage(
                                    http,
                                    result.path("message"),
                                    result.path("message").toString(),
                                    Duration.ZERO));
                } catch (ProviderException e) {
                    return BatchCalls.unreadable(id, e);
                }
            case "errored": {
                JsonNode e = result.path("error");
                JsonNode inner = e.path("error").isObject() ? e.path("error") : e; // {"type":"error","error":{…}}
                String code = inner.path("type").asText("error");
                String msg = inner.path("message").asText("");
                return BatchOutcome.error(
                        id,
                        code,
                        http.redact(
                                "Anthropic refused this request (" + code + ")" + (msg.isEmpty() ? "" : ": " + msg)));
            }
            case "canceled":
                return BatchOutcome.error(id, "canceled", "The batch was cancelled before Anthropic ran this request");
            case "expired":
                return BatchOutcome.error(
                        id, "expired", "The batch's 24-hour window ended before Anthropic ran this request");
            default:
                throw http.malformed("a batch result of unknown type '" + type + "'", raw, 200, null);
        }
    }

    /** A message_batch object as Anthropic documents it. */
    @Override
    protected BatchStatus status(JsonNode b, String raw) throws ProviderException {
        String id = required(b, "id", raw);
        String word = required(b, "processing_status", raw);
        JsonNode c = b.path("request_counts");
        int ok = BatchCalls.count(c.path("succeeded"));
        int expired = BatchCalls.count(c.path("expired"));
        int failed = BatchCalls.count(c.path("errored")) + BatchCalls.count(c.path("canceled")) + expired;
        int total = ok + failed + BatchCalls.count(c.path("processing"));
        return new BatchStatus(
                ProviderId.ANTHROPIC,
                id,
                state(word, b.hasNonNull("cancel_initiated_at"), expired),
                word,
                total,
                ok,
                failed,
                BatchCalls.iso(b.path("created_at")),
                BatchCalls.iso(b.path("expires_at")),
                null);
    }

    /**
     * {@code in_progress}, {@code canceling}, {@code ended}. An ended batch that was asked to cancel is CANCELLED;
     * one whose requests expired is EXPIRED; otherwise ENDED.
     */
    static BatchState state(String word, boolean cancelAsked, int expired) {
        switch (word) {
            case "canceling":
                return BatchState.CANCELLING;
            case "ended":
                return cancelAsked ? BatchState.CANCELLED : expired > 0 ? BatchState.EXPIRED : BatchState.ENDED;
            default:
                return BatchState.RUNNING; // in_progress, and words added later
        }
    }

    @Override
    protected String path(String batchId) {
        return BATCHES + "/" + URLEncoder.encode(batchId, StandardCharsets.UTF_8);
    }
}
