// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.providers.http.HttpEngine;
import dev.costbench.providers.http.TextStream;
import java.util.function.Consumer;

/**
 * Collects one Messages event stream: {@code message_start} (id, model, input-side usage), {@code
 * content_block_delta} ({@code text_delta} is the answer, {@code thinking_delta} is not shown), {@code
 * message_delta} (stop reason, cumulative usage), {@code message_stop}, {@code ping}, and {@code error} events that
 * arrive after the HTTP 200 (e.g. {@code overloaded_error}). Unknown event types are ignored, as Anthropic's
 * versioning policy asks.
 */
final class AnthropicStream extends TextStream {

    private final HttpEngine http;
    private final StringBuilder raw = new StringBuilder();
    private ObjectNode usage;
    private String model;
    private String id;
    private String stopReason;
    private boolean stopped;

    AnthropicStream(HttpEngine http, Consumer<String> onDelta) {
        super(onDelta);
        this.http = http;
    }

    /** {@code ping} events only keep the connection open: they are not content for the stream idle limit. */
    @Override
    public boolean keepAlive(String event, String data) {
        return "ping".equals(event) || (event == null && data.replace(" ", "").equals("{\"type\":\"ping\"}"));
    }

    @Override
    public void onEvent(String event, String data) throws ProviderException {
        raw.append("event: ").append(event).append("\ndata: ").append(data).append("\n\n");
        JsonNode j = http.parse(data, 200);
        String type = j.path("type").asText(event == null ? "" : event);
        switch (type) {
            case "message_start": {
                JsonNode msg = j.path("message");
                model = text(msg, "model");
                id = text(msg, "id");
                usage = JsonNodeFactory.instance.objectNode();
                AnthropicUsage.merge(usage, msg.get("usage"));
                break;
            }
            case "content_block_start": {
                JsonNode block = j.path("content_block");
                if ("text".equals(block.path("type").asText())
                        && !block.path("text").asText().isEmpty()) {
                    emit(block.path("text").asText());
                }
                break;
            }
            case "content_block_delta": {
                JsonNode delta = j.path("delta");
                if ("text_delta".equals(delta.path("type").asText())) {
                    emit(delta.path("text").asText());
                }
                break;
            }
            case "message_delta": {
                String reason = text(j.path("delta"), "stop_reason");
                if (reason != null) {
                    stopReason = reason;
                }
                if (usage == null) {
                    usage = JsonNodeFactory.instance.objectNode();
                }
                AnthropicUsage.merge(usage, j.get("usage"));
                break;
            }
            case "message_stop":
                stopped = true;
                break;
            case "error":
                throw AnthropicClient.errorEvent(http, j, data);
            default:
                break; // ping, content_block_stop, and event types added later
        }
    }

    private void emit(String piece) {
        if (!piece.isEmpty()) {
            delta(piece);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    String raw() {
        return raw.toString();
    }

    ObjectNode usage() {
        return usage;
    }

    String model() {
        return model;
    }

    String id() {
        return id;
    }

    String stopReason() {
        return stopReason;
    }

    boolean stopped() {
        return stopped;
    }
}
