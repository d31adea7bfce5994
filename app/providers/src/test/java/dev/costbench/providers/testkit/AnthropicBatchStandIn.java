// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * Anthropic's Message Batches in memory: {@code POST /v1/messages/batches}, {@code GET …/{id}}, {@code POST
 * …/{id}/cancel}, {@code GET …/{id}/results} (the batch's {@code results_url}). Shapes as documented at
 * https://docs.anthropic.com/en/api/creating-message-batches, …/retrieving-message-batches and
 * …/retrieving-message-batch-results; {@link #failing} answers the create call with a 400
 * {@code invalid_request_error}, as Anthropic validates a batch when it is created.
 */
public final class AnthropicBatchStandIn extends BatchStandIn {

    private static final Pattern PATH = Pattern.compile("(.*)/v1/messages/batches(?:/([^/]+)(/cancel|/results)?)?");
    private static final Instant CREATED = Instant.parse("2026-01-05T09:00:00Z");

    public AnthropicBatchStandIn(String key) {
        super(key);
    }

    @Override
    protected boolean authorized(RecordedRequest r) {
        return key.equals(r.getHeaders().get("x-api-key"));
    }

    @Override
    protected MockResponse unauthorized() {
        return json(
                401,
                "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key\"}}");
    }

    @Override
    protected MockResponse handle(RecordedRequest r) {
        Matcher m = PATH.matcher(r.getUrl().encodedPath());
        if (!m.matches()) {
            return notFound();
        }
        String id = m.group(2);
        if (id == null && r.getMethod().equals("POST")) {
            return create(r);
        }
        Job j = id == null ? null : jobs.get(id);
        if (j == null) {
            return notFound();
        }
        String what = m.group(3) == null ? "" : m.group(3);
        switch (what) {
            case "/cancel":
                cancel(j);
                return json(batch(j, r));
            case "/results":
                return terminal(phase(j)) ? jsonl(results(j)) : notFound();
            default:
                j.polls++;
                return json(batch(j, r));
        }
    }

    private MockResponse create(RecordedRequest r) {
        if (configured() == Ending.FAILED) {
            return json(
                    400,
                    "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":"
                            + quote(failureMessage()) + "}}");
        }
        Map<String, JsonNode> requests = new LinkedHashMap<>();
        for (JsonNode req : parse(text(r)).path("requests")) {
            requests.put(req.path("custom_id").asText(), req.path("params"));
        }
        String model = requests.isEmpty()
                ? ""
                : requests.values().iterator().next().path("model").asText();
        Job j = register(newId("msgbatch_0"), model, requests);
        return json(batch(j, r));
    }

    /** The message_batch object. */
    private ObjectNode batch(Job j, RecordedRequest r) {
        Phase p = phase(j);
        ObjectNode b = object().put("id", j.id).put("type", "message_batch");
        boolean ended = terminal(p);
        b.put("processing_status", p == Phase.CANCELLING ? "canceling" : ended ? "ended" : "in_progress");
        ObjectNode c = b.putObject("request_counts");
        int[] n = ended ? counts(j) : new int[] {0, 0, j.requests.size()};
        c.put("processing", ended ? 0 : j.requests.size());
        c.put("succeeded", ended ? n[0] : 0);
        c.put("errored", ended ? n[1] : 0);
        c.put("canceled", p == Phase.CANCELLED ? n[2] : 0);
        c.put("expired", p == Phase.EXPIRED ? n[2] : 0);
        b.put("ended_at", ended ? CREATED.plusSeconds(3600).toString() : null);
        b.put("created_at", CREATED.toString());
        b.put("expires_at", CREATED.plusSeconds(86_400).toString());
        b.putNull("archived_at");
        b.put("cancel_initiated_at", j.cancelAsked ? CREATED.plusSeconds(60).toString() : null);
        String prefix = PATH.matcher(r.getUrl().encodedPath()).replaceFirst("$1");
        b.put(
                "results_url",
                ended
                        ? r.getUrl()
                                .newBuilder()
                                .encodedPath(prefix + "/v1/messages/batches/" + j.id + "/results")
                                .query(null)
                                .build()
                                .toString()
                        : null);
        return b;
    }

    private List<JsonNode> results(Job j) {
        Phase p = phase(j);
        List<JsonNode> lines = new ArrayList<>();
        for (String id : j.requests.keySet()) {
            ObjectNode line = object().put("custom_id", id);
            ObjectNode result = line.putObject("result");
            if (!answered(j, id)) {
                result.put("type", p == Phase.EXPIRED ? "expired" : "canceled");
            } else if (errs(id)) {
                result.put("type", "errored")
                        .putObject("error")
                        .put("type", "error")
                        .putObject("error")
                        .put("type", "invalid_request_error")
                        .put("message", "max_tokens: range exceeded for " + id);
            } else {
                result.put("type", "succeeded").set("message", message(id, j.model));
            }
            lines.add(line);
        }
        return lines;
    }

    /** A Message with 8 fresh, 4 cache-written and 8 cache-read input tokens, 5 output tokens, served as batch. */
    public static ObjectNode message(String customId, String model) {
        ObjectNode m =
                object().put("id", "msg_" + customId).put("type", "message").put("role", "assistant");
        m.put("model", model);
        m.putArray("content").addObject().put("type", "text").put("text", answerText(customId));
        m.put("stop_reason", "end_turn").putNull("stop_sequence");
        m.putObject("usage")
                .put("input_tokens", 8)
                .put("cache_creation_input_tokens", 4)
                .put("cache_read_input_tokens", 8)
                .put("output_tokens", 5)
                .put("service_tier", "batch");
        return m;
    }

    private static MockResponse notFound() {
        return json(404, "{\"type\":\"error\",\"error\":{\"type\":\"not_found_error\",\"message\":\"Not found\"}}");
    }

    private static String quote(String s) {
        return object().textNode(s).toString();
    }
}
