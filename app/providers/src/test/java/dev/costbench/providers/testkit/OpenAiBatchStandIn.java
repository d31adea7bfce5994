// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * OpenAI's Batch API in memory: {@code POST /files} (multipart, purpose batch), {@code POST /batches},
 * {@code GET /batches/{id}}, {@code POST /batches/{id}/cancel}, {@code GET /files/{id}/content} for the output and
 * error files, under the base URL's {@code /v1}. Shapes as documented at
 * https://platform.openai.com/docs/api-reference/batch and https://platform.openai.com/docs/guides/batch: a new
 * batch is {@code validating}, then {@code in_progress}, then {@code completed} (or {@code expired},
 * {@code cancelling}/{@code cancelled}, or {@code failed} with {@code errors.data} when {@link #failing}); answered
 * requests go to the output file, per-request errors and unanswered requests ({@code batch_expired},
 * {@code batch_cancelled}) to the error file.
 */
public final class OpenAiBatchStandIn extends BatchStandIn {

    private static final Pattern BATCH = Pattern.compile(".*/batches(?:/([^/]+)(/cancel)?)?");
    private static final Pattern CONTENT = Pattern.compile(".*/files/([^/]+)/content");
    private static final long CREATED = 1_767_600_000L;
    private static final Map<Phase, String> STATES = Map.of(
            Phase.RUNNING, "in_progress",
            Phase.CANCELLING, "cancelling",
            Phase.ENDED, "completed",
            Phase.EXPIRED, "expired",
            Phase.CANCELLED, "cancelled",
            Phase.FAILED, "failed");
    private final Map<String, String> files = new ConcurrentHashMap<>();

    public OpenAiBatchStandIn(String key) {
        super(key);
    }

    /** The text of an uploaded input file. */
    public String file(String id) {
        return files.get(id);
    }

    @Override
    protected boolean authorized(RecordedRequest r) {
        return ("Bearer " + key).equals(r.getHeaders().get("Authorization"));
    }

    @Override
    protected MockResponse unauthorized() {
        return json(
                401,
                "{\"error\":{\"message\":\"Incorrect API key provided. You can find your API key at"
                        + " https://platform.openai.com/account/api-keys.\",\"type\":\"invalid_request_error\",\"param\":null,"
                        + "\"code\":\"invalid_api_key\"}}");
    }

    @Override
    protected MockResponse handle(RecordedRequest r) {
        String path = r.getUrl().encodedPath();
        if (path.endsWith("/files") && r.getMethod().equals("POST")) {
            return upload(r);
        }
        Matcher c = CONTENT.matcher(path);
        if (c.matches()) {
            return content(c.group(1));
        }
        Matcher b = BATCH.matcher(path);
        if (!b.matches()) {
            return notFound();
        }
        if (b.group(1) == null) {
            return create(r);
        }
        Job j = jobs.get(b.group(1));
        if (j == null) {
            return notFound();
        }
        if (b.group(2) != null) {
            cancel(j);
        } else {
            j.polls++;
        }
        return json(batch(j));
    }

    private MockResponse upload(RecordedRequest r) {
        String type = String.valueOf(r.getHeaders().get("Content-Type"));
        String boundary = type.replaceFirst(".*boundary=", "");
        String purpose = null;
        String content = null;
        String filename = null;
        for (String part : text(r).split("--" + Pattern.quote(boundary))) {
            int split = part.indexOf("\r\n\r\n");
            if (split < 0) {
                continue;
            }
            String head = part.substring(0, split);
            String body = part.substring(split + 4).replaceFirst("\r\n$", "");
            if (head.contains("name=\"purpose\"")) {
                purpose = body;
            } else if (head.contains("name=\"file\"")) {
                content = body;
                Matcher f = Pattern.compile("filename=\"([^\"]*)\"").matcher(head);
                filename = f.find() ? f.group(1) : "file";
            }
        }
        if (!"batch".equals(purpose) || content == null) {
            return json(
                    400,
                    "{\"error\":{\"message\":\"'purpose' and 'file' are required\",\"type\":"
                            + "\"invalid_request_error\",\"param\":null,\"code\":null}}");
        }
        String id = newId("file-in");
        files.put(id, content);
        ObjectNode f = object().put("id", id).put("object", "file").put("bytes", content.length());
        f.put("created_at", CREATED).put("filename", filename).put("purpose", "batch");
        return json(f);
    }

    private MockResponse create(RecordedRequest r) {
        JsonNode body = parse(text(r));
        String input = files.get(body.path("input_file_id").asText());
        if (input == null) {
            return notFound();
        }
        Map<String, JsonNode> requests = new LinkedHashMap<>();
        String model = "";
        for (String line : input.split("\n")) {
            if (!line.isBlank()) {
                JsonNode l = parse(line);
                requests.put(l.path("custom_id").asText(), l.path("body"));
                model = l.path("body").path("model").asText();
            }
        }
        Job j = register(newId("batch_0"), model, requests);
        j.extra.put("endpoint", body.path("endpoint").asText());
        j.extra.put("input_file_id", body.path("input_file_id").asText());
        j.extra.put("metadata", body.path("metadata"));
        return json(batch(j));
    }

    /** The batch object. */
    private ObjectNode batch(Job j) {
        Phase p = phase(j);
        ObjectNode b =
                object().put("id", j.id).put("object", "batch").put("endpoint", (String) j.extra.get("endpoint"));
        b.put("input_file_id", (String) j.extra.get("input_file_id")).put("completion_window", "24h");
        b.put("status", word(j, STATES, "validating"));
        int[] n = counts(j);
        boolean done = terminal(p) && p != Phase.FAILED;
        b.put("output_file_id", done && n[0] > 0 ? "file-out-" + j.id : null);
        b.put("error_file_id", done && n[1] + n[2] > 0 ? "file-err-" + j.id : null);
        if (p == Phase.FAILED) {
            ObjectNode errors = b.putObject("errors").put("object", "list");
            errors.putArray("data")
                    .addObject()
                    .put("code", "invalid_request")
                    .put("message", failureMessage())
                    .putNull("param")
                    .put("line", 1);
        } else {
            b.putNull("errors");
        }
        b.put("created_at", CREATED).put("expires_at", CREATED + 86_400);
        ObjectNode counts = b.putObject("request_counts").put("total", j.requests.size());
        counts.put("completed", done ? n[0] : 0).put("failed", done ? n[1] + n[2] : 0);
        b.set("metadata", (JsonNode) j.extra.get("metadata"));
        return b;
    }

    private MockResponse content(String fileId) {
        boolean output = fileId.startsWith("file-out-");
        Job j = jobs.get(fileId.replaceFirst("^file-(out|err)-", ""));
        if (j == null || !terminal(phase(j))) {
            return notFound();
        }
        Phase p = phase(j);
        boolean chat = "/v1/chat/completions".equals(j.extra.get("endpoint"));
        List<JsonNode> lines = new ArrayList<>();
        for (String id : j.requests.keySet()) {
            ObjectNode line = object().put("id", "batch_req_" + id).put("custom_id", id);
            if (!answered(j, id)) {
                if (!output) {
                    line.putNull("response");
                    line.putObject("error")
                            .put("code", p == Phase.EXPIRED ? "batch_expired" : "batch_cancelled")
                            .put(
                                    "message",
                                    p == Phase.EXPIRED
                                            ? "This request could not be executed before the completion window"
                                                    + " expired."
                                            : "This request was not executed because the batch was cancelled.");
                    lines.add(line);
                }
            } else if (errs(id) != output) {
                ObjectNode response = line.putObject("response").put("status_code", errs(id) ? 400 : 200);
                response.put("request_id", "req_" + id);
                if (errs(id)) {
                    response.putObject("body")
                            .putObject("error")
                            .put("message", "Invalid 'max_completion_tokens' for " + id)
                            .put("type", "invalid_request_error")
                            .put("param", "max_completion_tokens")
                            .putNull("code");
                } else {
                    response.set("body", chat ? completion(id, j.model) : response(id, j.model));
                }
                line.putNull("error");
                lines.add(line);
            }
        }
        return jsonl(lines);
    }

    /** A chat completion: 20 prompt tokens (8 cached), 5 completion tokens. */
    public static ObjectNode completion(String customId, String model) {
        ObjectNode c = object().put("id", "chatcmpl-" + customId).put("object", "chat.completion");
        c.put("created", CREATED).put("model", model);
        ObjectNode choice = c.putArray("choices").addObject().put("index", 0);
        choice.putObject("message")
                .put("role", "assistant")
                .put("content", answerText(customId))
                .putNull("refusal");
        choice.putNull("logprobs").put("finish_reason", "stop");
        ObjectNode u = c.putObject("usage").put("prompt_tokens", 20).put("completion_tokens", 5);
        u.put("total_tokens", 25);
        u.putObject("prompt_tokens_details").put("cached_tokens", 8).put("audio_tokens", 0);
        u.putObject("completion_tokens_details").put("reasoning_tokens", 0);
        c.put("service_tier", "default");
        return c;
    }

    /** A Responses API response: 20 input tokens (8 cached), 5 output tokens. */
    public static ObjectNode response(String customId, String model) {
        ObjectNode r = object().put("id", "resp_" + customId).put("object", "response");
        r.put("created_at", CREATED).put("status", "completed").putNull("error").putNull("incomplete_details");
        r.put("model", model);
        ObjectNode msg = r.putArray("output").addObject().put("type", "message").put("id", "msg_" + customId);
        msg.put("status", "completed").put("role", "assistant");
        msg.putArray("content")
                .addObject()
                .put("type", "output_text")
                .put("text", answerText(customId))
                .putArray("annotations");
        ObjectNode u = r.putObject("usage").put("input_tokens", 20);
        u.putObject("input_tokens_details").put("cached_tokens", 8);
        u.put("output_tokens", 5);
        u.putObject("output_tokens_details").put("reasoning_tokens", 0);
        u.put("total_tokens", 25);
        return r;
    }

    private static MockResponse notFound() {
        return json(
                404,
                "{\"error\":{\"message\":\"No such object\",\"type\":\"invalid_request_error\",\"param\":null,"
                        + "\"code\":null}}");
    }
}
