// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.provider.CancelToken;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.ChatResult;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * OpenAI's Batch API: the requests as a JSONL file ({@code {"custom_id","method":"POST","url","body"}}, the body
 * exactly as a live, non-streamed call sends it) uploaded with {@code POST /files} (purpose {@code batch}), then
 * {@code POST /batches} (completion window 24 h), {@code GET /batches/{id}} to poll, the output and error files from
 * {@code GET /files/{id}/content}, and {@code POST /batches/{id}/cancel}. Answers are read by the live parsers
 * ({@link ChatCompletions}, {@link ResponsesApi}), so usage (cached tokens included) maps as for a live call.
 */
public final class OpenAiBatch extends BatchClient {

    /** 50,000 requests and a 200 MB input file per batch, one model, 24 h. */
    public static final BatchLimits LIMITS = new BatchLimits(50_000, 200_000_000L, Duration.ofHours(24), true);

    static final String CHAT_URL = "/v1/chat/completions";
    static final String RESPONSES_URL = "/v1/responses";
    private static final MediaType JSONL = MediaType.get("application/jsonl");

    private final ResponsesApi responses;
    private final ChatCompletions chat;

    public OpenAiBatch(ProviderSettings settings) {
        this(new HttpEngine(settings));
    }

    /** On a prepared engine (tests record the retry waits). */
    public OpenAiBatch(HttpEngine http) {
        super(http, ProviderId.OPENAI, LIMITS, OpenAiClient::headers, OpenAiBatch.class);
        this.responses = new ResponsesApi(http);
        this.chat = new ChatCompletions(http, ChatCompletions.Dialect.OPENAI);
    }

    @Override
    public BatchStatus submit(List<BatchItem> items, String displayName) throws ProviderException {
        check(items);
        ChatRequest.OpenAiApi api = items.get(0).request().openAiApi();
        String endpoint = api == ChatRequest.OpenAiApi.CHAT_COMPLETIONS ? CHAT_URL : RESPONSES_URL;
        byte[] file = jsonl(items, api, endpoint);
        checkSize(file.length);
        RequestBody form = new MultipartBody.Builder()
                .setType(MultipartBody.FORM)
                .addFormDataPart("purpose", "batch")
                .addFormDataPart("file", "costbench-batch.jsonl", RequestBody.create(file, JSONL))
                .build();
        HttpEngine.JsonResponse uploaded = transfers.sendJson(
                new Request.Builder().url(http.url("/files")).headers(headers()).post(form), CancelToken.none(), false);
        String fileId = uploaded.json().path("id").asText("");
        if (fileId.isEmpty()) {
            throw http.malformed("the file upload answer has no id", uploaded.raw(), 200, null);
        }
        ObjectNode create = HttpEngine.mapper().createObjectNode();
        create.put("input_file_id", fileId).put("endpoint", endpoint).put("completion_window", "24h");
        if (displayName != null && !displayName.isBlank()) {
            create.putObject("metadata").put("description", shorten(displayName));
        }
        try {
            HttpEngine.JsonResponse r = transfers.postJsonOnce("/batches", headers(), create, CancelToken.none());
            return status(r.json(), r.raw());
        } catch (ProviderException e) {
            throw BatchCalls.notRepeated(e);
        }
    }

    /** The JSONL input file: one line per item, its body the live call's (never streamed). */
    byte[] jsonl(List<BatchItem> items, ChatRequest.OpenAiApi api, String endpoint) throws ProviderException {
        StringBuilder out = new StringBuilder();
        for (BatchItem i : items) {
            if (i.request().openAiApi() != api) {
                throw new ProviderException(
                        ProviderId.OPENAI,
                        Kind.BAD_REQUEST,
                        0,
                        "One OpenAI batch goes to one endpoint, and this one mixes the Responses API and Chat"
                                + " Completions; split the run by endpoint",
                        null,
                        null,
                        null);
            }
            ObjectNode line = HttpEngine.mapper().createObjectNode();
            line.put("custom_id", i.customId()).put("method", "POST").put("url", endpoint);
            line.set("body", body(i.request()));
            out.append(line).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The body a live, non-streamed call sends for {@code r}. */
    ObjectNode body(ChatRequest r) throws ProviderException {
        ChatRequest once = r.withStream(false);
        return r.openAiApi() == ChatRequest.OpenAiApi.CHAT_COMPLETIONS ? chat.body(once) : responses.body(once);
    }

    @Override
    public void results(String batchId, Consumer<BatchOutcome> sink) throws ProviderException {
        HttpEngine.JsonResponse r = finished(batchId);
        boolean chatApi = CHAT_URL.equals(r.json().path("endpoint").asText());
        Consumer<BatchOutcome> once = BatchCalls.once(sink);
        for (String field : new String[] {"output_file_id", "error_file_id"}) {
            String file = r.json().path(field).asText("");
            if (!file.isEmpty()) {
                transfers.getLines(
                        "/files/" + encode(file) + "/content",
                        headers(),
                        CancelToken.none(),
                        line -> once.accept(outcome(line, chatApi)));
            }
        }
    }

    /**
     * One line of the output or error file: {@code {"id","custom_id","response":{"status_code","body"},"error"}}.
     */
    BatchOutcome outcome(String raw, boolean chatApi) throws ProviderException {
        JsonNode line = http.parse(raw, 200);
        String id = BatchCalls.id(http, line, "custom_id", raw);
        JsonNode error = line.path("error");
        if (error.isObject()) {
            return BatchOutcome.error(
                    id,
                    error.path("code").asText("error"),
                    http.redact(error.path("message").asText("")));
        }
        JsonNode response = line.path("response");
        int code = response.path("status_code").asInt(0);
        JsonNode body = response.path("body");
        if (code != 200) {
            JsonNode e = body.path("error");
            String type = e.path("code").isTextual()
                    ? e.path("code").asText()
                    : e.path("type").asText("http_" + code);
            return BatchOutcome.error(
                    id,
                    type,
                    http.redact("OpenAI refused this request (" + code + ")"
                            + (e.path("message").isTextual()
                                    ? ": " + e.path("message").asText()
                                    : "")));
        }
        try {
            ChatResult result = chatApi
                    ? chat.completion(body, body.toString(), Duration.ZERO)
                    : responses.result(body, body.toString(), null, Duration.ZERO, null);
            return BatchOutcome.ok(id, result);
        } catch (ProviderException e) {
            return BatchCalls.unreadable(id, e);
        }
    }

    /** A batch object as OpenAI documents it. */
    @Override
    protected BatchStatus status(JsonNode b, String raw) throws ProviderException {
        String id = required(b, "id", raw);
        String word = required(b, "status", raw);
        JsonNode counts = b.path("request_counts");
        return new BatchStatus(
                ProviderId.OPENAI,
                id,
                state(word),
                word,
                BatchCalls.count(counts.path("total")),
                BatchCalls.count(counts.path("completed")),
                BatchCalls.count(counts.path("failed")),
                BatchCalls.epochSeconds(b.path("created_at")),
                BatchCalls.epochSeconds(b.path("expires_at")),
                "failed".equals(word)
                        ? http.redact(validationErrors(b.path("errors").path("data")))
                        : null);
    }

    /** OpenAI's status words; {@code validating} and words added later are PENDING. */
    private static final Map<String, BatchState> STATES = Map.of(
            "in_progress", BatchState.RUNNING,
            "finalizing", BatchState.RUNNING,
            "completed", BatchState.ENDED,
            "failed", BatchState.FAILED,
            "expired", BatchState.EXPIRED,
            "cancelling", BatchState.CANCELLING,
            "cancelled", BatchState.CANCELLED);

    static BatchState state(String word) {
        return STATES.getOrDefault(word, BatchState.PENDING);
    }

    /** "OpenAI refused the batch: line 2: The model … does not exist (model_not_found)". */
    static String validationErrors(JsonNode data) {
        List<String> parts = new ArrayList<>();
        for (JsonNode e : data) {
            String where =
                    e.path("line").canConvertToInt() ? "line " + e.path("line").asInt() + ": " : "";
            String code = e.path("code").asText("");
            parts.add(where + e.path("message").asText("no reason given") + (code.isEmpty() ? "" : " (" + code + ")"));
        }
        String why = parts.isEmpty() ? "it gave no reason" : String.join("; ", parts);
        return "OpenAI refused the batch: " + why + ". Nothing was run or billed; fix the requests and submit again";
    }

    @Override
    protected String path(String batchId) {
        return "/batches/" + encode(batchId);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** OpenAI's metadata values hold at most 512 characters. */
    private static String shorten(String s) {
        return s.length() <= 512 ? s : s.substring(0, 512);
    }
}
