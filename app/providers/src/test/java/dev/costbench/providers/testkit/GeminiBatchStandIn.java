// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
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
 * Gemini's batch mode in memory, under the base URL's {@code /v1beta}: {@code POST
 * /models/{model}:batchGenerateContent} (inline requests, or {@code input_config.file_name} of a JSONL file sent
 * through the resumable upload at {@code /upload/v1beta/files}), {@code GET /batches/{id}} (the operation with
 * {@code metadata.state} and {@code metadata.batchStats}; when done, {@code response.inlinedResponses} or
 * {@code response.responsesFile}), {@code POST /batches/{id}:cancel}, and the responses file at
 * {@code /download/v1beta/files/{id}:download?alt=media}. Shapes as documented at
 * https://ai.google.dev/gemini-api/docs/batch-mode and https://ai.google.dev/api/batch-mode. An expired or cancelled
 * batch lists the answers it has; the requests it did not run have no entry.
 */
public final class GeminiBatchStandIn extends BatchStandIn {

    private static final Pattern CREATE = Pattern.compile(".*/models/([^/:]+):batchGenerateContent");
    private static final Pattern GET = Pattern.compile(".*/(batches/[^/:]+)(:cancel)?");
    private static final Pattern DOWNLOAD = Pattern.compile(".*/download/[^/]+/(files/[^/:]+):download");
    private static final String CREATED = Instant.parse("2026-01-05T09:00:00Z").toString();
    private static final Map<Phase, String> STATES = Map.of(
            Phase.RUNNING, "BATCH_STATE_RUNNING",
            Phase.CANCELLING, "BATCH_STATE_RUNNING",
            Phase.ENDED, "BATCH_STATE_SUCCEEDED",
            Phase.EXPIRED, "BATCH_STATE_EXPIRED",
            Phase.CANCELLED, "BATCH_STATE_CANCELLED",
            Phase.FAILED, "BATCH_STATE_FAILED");
    private final Map<String, String> files = new ConcurrentHashMap<>();
    private final Map<String, String> uploads = new ConcurrentHashMap<>();

    public GeminiBatchStandIn(String key) {
        super(key);
    }

    /** True when batch {@code id} was submitted as a JSONL file rather than inline. */
    public boolean submittedAsFile(String id) {
        Job j = jobs.get(id);
        return j != null && j.extra.containsKey("file");
    }

    @Override
    protected boolean authorized(RecordedRequest r) {
        String upload = r.getUrl().queryParameter("upload_id");
        return key.equals(r.getHeaders().get("x-goog-api-key")) || (upload != null && uploads.containsKey(upload));
    }

    @Override
    protected MockResponse unauthorized() {
        return json(
                400,
                "{\"error\":{\"code\":400,\"message\":\"API key not valid. Please pass a valid API key.\","
                        + "\"status\":\"INVALID_ARGUMENT\",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\","
                        + "\"reason\":\"API_KEY_INVALID\",\"domain\":\"googleapis.com\",\"metadata\":{\"service\":"
                        + "\"generativelanguage.googleapis.com\"}}]}}");
    }

    @Override
    protected MockResponse handle(RecordedRequest r) {
        String path = r.getUrl().encodedPath();
        if (path.contains("/upload/")) {
            return upload(r);
        }
        Matcher d = DOWNLOAD.matcher(path);
        if (d.matches()) {
            String content = files.get(d.group(1));
            return content == null ? notFound() : download(content);
        }
        Matcher c = CREATE.matcher(path);
        if (c.matches() && r.getMethod().equals("POST")) {
            return create(r, "models/" + c.group(1));
        }
        Matcher g = GET.matcher(path);
        Job j = g.matches() ? jobs.get(g.group(1)) : null;
        if (j == null) {
            return notFound();
        }
        if (g.group(2) != null) {
            cancel(j);
            return json(200, "{}");
        }
        j.polls++;
        return json(operation(j));
    }

    /** The resumable upload: start (answers with X-Goog-Upload-URL), then the bytes with "upload, finalize". */
    private MockResponse upload(RecordedRequest r) {
        String command = String.valueOf(r.getHeaders().get("X-Goog-Upload-Command"));
        if (command.equals("start")) {
            String id = newId("u");
            uploads.put(id, "");
            String target = r.getUrl()
                    .newBuilder()
                    .query(null)
                    .addQueryParameter("upload_id", id)
                    .addQueryParameter("upload_protocol", "resumable")
                    .build()
                    .toString();
            return new MockResponse.Builder()
                    .code(200)
                    .setHeader("X-Goog-Upload-URL", target)
                    .setHeader("X-Goog-Upload-Status", "active")
                    .build();
        }
        String name = newId("files/in-");
        files.put(name, text(r));
        ObjectNode f = object();
        f.putObject("file")
                .put("name", name)
                .put("mimeType", String.valueOf(r.getHeaders().get("Content-Type")))
                .put("sizeBytes", String.valueOf(r.getBodySize()))
                .put(
                        "uri",
                        r.getUrl()
                                .newBuilder()
                                .encodedPath("/v1beta/" + name)
                                .query(null)
                                .build()
                                .toString())
                .put("state", "ACTIVE");
        return json(f);
    }

    private MockResponse create(RecordedRequest r, String model) {
        JsonNode batch = parse(text(r)).path("batch");
        JsonNode input = batch.path("input_config");
        Map<String, JsonNode> requests = new LinkedHashMap<>();
        String file = input.path("file_name").asText("");
        if (!file.isEmpty()) {
            String content = files.get(file);
            if (content == null) {
                return notFound();
            }
            for (String line : content.split("\n")) {
                if (!line.isBlank()) {
                    JsonNode l = parse(line);
                    requests.put(l.path("key").asText(), l.path("request"));
                }
            }
        } else {
            for (JsonNode req : input.path("requests").path("requests")) {
                requests.put(req.path("metadata").path("key").asText(), req.path("request"));
            }
        }
        Job j = register(newId("batches/b"), model, requests);
        j.extra.put("displayName", batch.path("display_name").asText());
        if (!file.isEmpty()) {
            j.extra.put("file", file);
        }
        return json(operation(j));
    }

    /** The long-running operation of a batch. */
    private ObjectNode operation(Job j) {
        Phase p = phase(j);
        ObjectNode op = object().put("name", j.id);
        ObjectNode meta = op.putObject("metadata")
                .put("@type", "type.googleapis.com/google.ai.generativelanguage.v1main.GenerateContentBatch");
        meta.put("model", j.model).put("displayName", (String) j.extra.get("displayName"));
        meta.put("createTime", CREATED).put("updateTime", CREATED);
        int[] n = counts(j);
        boolean done = terminal(p);
        ObjectNode stats = meta.putObject("batchStats").put("requestCount", String.valueOf(j.requests.size()));
        if (done && p != Phase.FAILED) {
            stats.put("successfulRequestCount", String.valueOf(n[0]));
            stats.put("failedRequestCount", String.valueOf(n[1]));
            stats.put("pendingRequestCount", String.valueOf(n[2]));
        } else {
            stats.put("pendingRequestCount", String.valueOf(j.requests.size()));
        }
        meta.put("state", word(j, STATES, "BATCH_STATE_PENDING")).put("name", j.id);
        if (!done) {
            return op;
        }
        op.put("done", true);
        if (p == Phase.FAILED) {
            op.putObject("error").put("code", 3).put("message", failureMessage());
            return op;
        }
        ObjectNode response = op.putObject("response")
                .put("@type", "type.googleapis.com/google.ai.generativelanguage.v1main.GenerateContentBatchOutput");
        if (j.extra.containsKey("file")) {
            String out = "files/out-" + j.id.substring("batches/".length());
            StringBuilder sb = new StringBuilder();
            for (ObjectNode a : answers(j)) {
                ObjectNode line =
                        object().put("key", a.path("metadata").path("key").asText());
                a.remove("metadata");
                line.setAll(a);
                sb.append(line).append('\n');
            }
            files.put(out, sb.toString());
            response.put("responsesFile", out);
        } else {
            ArrayNode inline = response.putObject("inlinedResponses").putArray("inlinedResponses");
            answers(j).forEach(inline::add);
        }
        return op;
    }

    /** The answered requests, in order: {@code {"response"|"error", "metadata": {"key"}}}. */
    private List<ObjectNode> answers(Job j) {
        List<ObjectNode> out = new ArrayList<>();
        for (String id : j.requests.keySet()) {
            if (!answered(j, id)) {
                continue;
            }
            ObjectNode a = object();
            if (errs(id)) {
                a.putObject("error")
                        .put("code", 400)
                        .put("message", "Request contains an invalid argument: " + id)
                        .put("status", "INVALID_ARGUMENT");
            } else {
                a.set("response", answer(id, j.model));
            }
            a.putObject("metadata").put("key", id);
            out.add(a);
        }
        return out;
    }

    /** A GenerateContentResponse: 20 prompt tokens (8 cached), 5 candidate tokens. */
    public static ObjectNode answer(String customId, String model) {
        ObjectNode a = object();
        ObjectNode cand = a.putArray("candidates").addObject();
        ObjectNode content = cand.putObject("content");
        content.putArray("parts").addObject().put("text", answerText(customId));
        content.put("role", "model");
        cand.put("finishReason", "STOP").put("index", 0);
        ObjectNode u = a.putObject("usageMetadata").put("promptTokenCount", 20).put("candidatesTokenCount", 5);
        u.put("totalTokenCount", 25).put("cachedContentTokenCount", 8);
        u.putArray("promptTokensDetails").addObject().put("modality", "TEXT").put("tokenCount", 20);
        a.put("modelVersion", model.replaceFirst("^models/", "")).put("responseId", "r_" + customId);
        return a;
    }

    private static MockResponse notFound() {
        return json(
                404,
                "{\"error\":{\"code\":404,\"message\":\"Requested entity was not found.\",\"status\":"
                        + "\"NOT_FOUND\"}}");
    }
}
