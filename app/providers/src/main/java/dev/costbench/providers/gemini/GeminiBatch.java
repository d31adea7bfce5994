// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.provider.CancelToken;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderException.Kind;
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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Gemini's batch mode: {@code POST /models/{model}:batchGenerateContent} with the requests inline
 * ({@code input_config.requests.requests[]}, each {@code {"request", "metadata": {"key"}}}) while the body stays under
 * Google's 20 MB request limit, else as a JSONL file ({@code {"key","request"}} lines) uploaded through the Files API
 * and named by {@code input_config.file_name}. The batch is a long-running operation: {@code GET /batches/{id}}
 * ({@code metadata.state} BATCH_STATE_…, {@code metadata.batchStats}), the answers inline
 * ({@code response.inlinedResponses}) or in {@code response.responsesFile}, downloaded from
 * {@code /download/v1beta/{file}:download?alt=media}; {@code POST /batches/{id}:cancel}. Each request is exactly
 * the body of a live generateContent call, and each answer is read by the live parser.
 */
public final class GeminiBatch extends BatchClient {

    /** No documented count limit; a 2 GB input file; one model (it is in the URL); 48 h before expiry. */
    public static final BatchLimits LIMITS =
            new BatchLimits(Integer.MAX_VALUE, 2_000_000_000L, Duration.ofHours(48), true);

    private final GeminiFiles files;
    private long inlineLimit = GeminiClient.INLINE_LIMIT_BYTES;

    public GeminiBatch(ProviderSettings settings) {
        this(new HttpEngine(settings));
    }

    /** On a prepared engine (tests record the retry waits). */
    public GeminiBatch(HttpEngine http) {
        super(http, ProviderId.GEMINI, LIMITS, GeminiClient::headers, GeminiBatch.class);
        this.files = new GeminiFiles(http);
    }

    /** Tests: a smaller inline limit, so the file path runs without 20 MB fixtures. */
    GeminiBatch withInlineLimit(long bytes) {
        this.inlineLimit = bytes;
        return this;
    }

    @Override
    public BatchStatus submit(List<BatchItem> items, String displayName) throws ProviderException {
        check(items);
        String name = displayName == null || displayName.isBlank() ? "CostBench batch" : displayName;
        ObjectNode body = HttpEngine.mapper().createObjectNode();
        ObjectNode batch = body.putObject("batch").put("display_name", name);
        ObjectNode input = batch.putObject("input_config");
        ArrayNode inline = input.putObject("requests").putArray("requests");
        for (BatchItem i : items) {
            ObjectNode entry = inline.addObject();
            entry.set("request", request(i.request()));
            entry.putObject("metadata").put("key", i.customId());
        }
        CancelToken c = CancelToken.none();
        if (body.toString().getBytes(StandardCharsets.UTF_8).length > inlineLimit) {
            String file = upload(inline, name, c);
            input.removeAll();
            input.put("file_name", file);
        }
        try {
            String path = "/" + GeminiRequests.resource(items.get(0).request().model()) + ":batchGenerateContent";
            HttpEngine.JsonResponse r = transfers.postJsonOnce(path, headers(), body, c);
            return status(r.json(), r.raw());
        } catch (ProviderException e) {
            throw BatchCalls.notRepeated(GeminiClient.keyError(e));
        }
    }

    /** Uploads the requests as a JSONL file of {@code {"key","request"}} lines; returns its name ("files/…"). */
    private String upload(ArrayNode inline, String name, CancelToken c) throws ProviderException {
        StringBuilder jsonl = new StringBuilder();
        for (JsonNode entry : inline) {
            ObjectNode line = HttpEngine.mapper().createObjectNode();
            line.put("key", entry.path("metadata").path("key").asText());
            line.set("request", entry.path("request"));
            jsonl.append(line).append('\n');
        }
        byte[] file = jsonl.toString().getBytes(StandardCharsets.UTF_8);
        checkSize(file.length);
        try {
            return files.upload(file, "application/jsonl", name, c).name();
        } catch (ProviderException e) {
            ProviderException k = GeminiClient.keyError(e);
            throw new ProviderException(
                    ProviderId.GEMINI,
                    k.kind(),
                    k.httpStatus(),
                    "The batch is over Google Gemini's " + GeminiClient.describe(inlineLimit)
                            + " limit for inline requests,"
                            + " so CostBench sends it as a file through the Files API, and the upload failed: "
                            + k.getMessage(),
                    k.retryAfter(),
                    k.body(),
                    k);
        }
    }

    /** The body a live generateContent call sends for {@code r} (media inline). */
    static ObjectNode request(ChatRequest r) {
        return GeminiRequests.generate(r.withStream(false), Map.of());
    }

    @Override
    public void results(String batchId, Consumer<BatchOutcome> sink) throws ProviderException {
        HttpEngine.JsonResponse r = finished(batchId);
        Consumer<BatchOutcome> once = BatchCalls.once(sink);
        JsonNode response = r.json().path("response");
        for (JsonNode answer : response.path("inlinedResponses").path("inlinedResponses")) {
            once.accept(outcome(BatchCalls.id(http, answer.path("metadata"), "key", r.raw()), answer));
        }
        String file = response.path("responsesFile").asText("");
        if (!file.isEmpty()) {
            try {
                transfers.getLines(
                        GeminiFiles.downloadUrl(http.settings().baseUrl(), file),
                        headers(),
                        CancelToken.none(),
                        line -> {
                            JsonNode j = http.parse(line, 200);
                            once.accept(outcome(BatchCalls.id(http, j, "key", line), j));
                        });
            } catch (ProviderException e) {
                throw GeminiClient.keyError(e);
            }
        }
    }

    @Override
    public BatchStatus cancel(String batchId) throws ProviderException {
        try {
            http.postJson(
                    path(batchId) + ":cancel", headers(), HttpEngine.mapper().createObjectNode(), CancelToken.none());
        } catch (ProviderException e) {
            throw GeminiClient.keyError(e);
        }
        return poll(batchId); // the cancel answer is an empty object
    }

    /** One answer: {@code {"response": GenerateContentResponse}} or {@code {"error": {"code","message","status"}}}. */
    BatchOutcome outcome(String key, JsonNode answer) {
        JsonNode error = answer.path("error");
        if (error.isObject()) {
            String status = error.path("status").asText("");
            String msg = error.path("message").asText("");
            return BatchOutcome.error(
                    key,
                    status.isEmpty() ? "error" : status,
                    http.redact("Google Gemini refused this request" + (status.isEmpty() ? "" : " (" + status + ")")
                            + (msg.isEmpty() ? "" : ": " + msg)));
        }
        JsonNode response = answer.path("response");
        try {
            return BatchOutcome.ok(key, GeminiClient.answer(http, response, response.toString(), Duration.ZERO));
        } catch (ProviderException e) {
            return BatchCalls.unreadable(key, e);
        }
    }

    /** The batch operation as Google documents it: {@code name}, {@code metadata} (state, stats), {@code error}. */
    @Override
    protected BatchStatus status(JsonNode op, String raw) throws ProviderException {
        JsonNode meta = op.path("metadata");
        String id = required(op, "name", raw);
        String word = required(meta, "state", raw);
        JsonNode stats = meta.path("batchStats");
        BatchState state = state(word);
        String error = op.path("error").path("message").asText("");
        return new BatchStatus(
                ProviderId.GEMINI,
                id,
                state,
                word,
                BatchCalls.count(stats.path("requestCount")),
                BatchCalls.count(stats.path("successfulRequestCount")),
                BatchCalls.count(stats.path("failedRequestCount")),
                BatchCalls.iso(meta.path("createTime")),
                null,
                state == BatchState.FAILED
                        ? http.redact("Google Gemini could not run the batch"
                                + (error.isEmpty() ? "" : ": " + error)
                                + ". Check the requests and submit again")
                        : null);
    }

    /** Google's state words without their prefix; PENDING, UNSPECIFIED and words added later are PENDING. */
    private static final Map<String, BatchState> STATES = Map.of(
            "RUNNING", BatchState.RUNNING,
            "SUCCEEDED", BatchState.ENDED,
            "FAILED", BatchState.FAILED,
            "CANCELLED", BatchState.CANCELLED,
            "EXPIRED", BatchState.EXPIRED);

    static BatchState state(String word) {
        return STATES.getOrDefault(word.replaceFirst("^(BATCH|JOB)_STATE_", ""), BatchState.PENDING);
    }

    @Override
    protected HttpEngine.JsonResponse fetch(String batchId) throws ProviderException {
        try {
            return super.fetch(batchId);
        } catch (ProviderException e) {
            throw GeminiClient.keyError(e);
        }
    }

    /** Batch names are {@code batches/<id>}; anything else would reach another resource. */
    @Override
    protected String path(String batchId) throws ProviderException {
        if (!batchId.matches("batches/[A-Za-z0-9_-]+")) {
            throw new ProviderException(
                    ProviderId.GEMINI,
                    Kind.BAD_REQUEST,
                    0,
                    "'" + batchId + "' is not a Google Gemini batch name (batches/…)",
                    null,
                    null,
                    null);
        }
        return "/" + batchId;
    }
}
