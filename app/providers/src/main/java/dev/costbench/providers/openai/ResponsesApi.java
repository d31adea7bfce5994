// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.prompt.Role;
import dev.costbench.model.provider.CancelToken;
import dev.costbench.model.provider.ChatMessage;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.ChatResult;
import dev.costbench.model.provider.Part;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ServiceTierWords;
import dev.costbench.providers.http.HttpEngine;
import dev.costbench.providers.http.TextStream;
import java.time.Duration;
import java.util.function.Consumer;
import okhttp3.Headers;

/**
 * OpenAI's Responses API: {@code POST {base}/responses} with {@code input} message items and
 * {@code instructions}, streamed as typed events ({@code response.output_text.delta} … {@code response.completed},
 * whose {@code response.usage} is the usage), and {@code POST {base}/responses/input_tokens} for exact counts.
 * Responses are created with {@code store: false}: CostBench does not keep conversations on OpenAI's side.
 */
final class ResponsesApi {

    private final HttpEngine engine;

    ResponsesApi(HttpEngine engine) {
        this.engine = engine;
    }

    /** The {@code /responses} body. Seeds are not part of this API and are left out. */
    ObjectNode body(ChatRequest r) throws ProviderException {
        ObjectNode b = countBody(r);
        b.put("max_output_tokens", r.maxOutputTokens());
        if (r.temperature() != null) {
            b.put("temperature", r.temperature());
        }
        b.put("store", false);
        b.put("stream", r.stream());
        if (r.serviceTier() != null) {
            ServiceTierWords.check(engine.provider(), r.serviceTier());
            b.put("service_tier", r.serviceTier());
        }
        return b;
    }

    /**
     * The {@code /responses/input_tokens} body: what decides the input count (model, instructions, input, reasoning).
     */
    ObjectNode countBody(ChatRequest r) throws ProviderException {
        ObjectNode b = HttpEngine.mapper().createObjectNode();
        b.put("model", r.model());
        if (r.system() != null) {
            b.put("instructions", r.system());
        }
        ArrayNode input = b.putArray("input");
        for (ChatMessage m : r.messages()) {
            item(input.addObject(), m);
        }
        if (r.reasoningEffort() != null) {
            b.putObject("reasoning").put("effort", r.reasoningEffort());
        }
        if (!r.tools().isEmpty()) {
            b.set("tools", OpenAiParts.responsesTools(r.tools()));
        }
        return b;
    }

    private void item(ObjectNode o, ChatMessage m) throws ProviderException {
        boolean assistant = m.role() == Role.ASSISTANT;
        o.put("type", "message").put("role", assistant ? "assistant" : "user");
        ArrayNode content = o.putArray("content");
        for (Part p : m.parts()) {
            if (p instanceof Part.Text) {
                content.addObject()
                        .put("type", assistant ? "output_text" : "input_text")
                        .put("text", ((Part.Text) p).text());
            } else if (assistant) {
                throw OpenAiParts.bad(engine.provider(), "assistant turns can hold text only");
            } else if (p instanceof Part.Image) {
                Part.Image img = (Part.Image) p;
                ObjectNode i =
                        content.addObject().put("type", "input_image").put("image_url", OpenAiParts.dataUrl(img));
                i.put("detail", img.detail() == null ? "auto" : OpenAiParts.detail(img.detail()));
            } else if (p instanceof Part.Audio) {
                Part.Audio a = (Part.Audio) p;
                content.addObject()
                        .put("type", "input_audio")
                        .putObject("input_audio")
                        .put("data", OpenAiParts.base64(a.data()))
                        .put("format", OpenAiParts.audioFormat(engine.provider(), a.mimeType()));
            } else {
                throw OpenAiParts.bad(engine.provider(), "the Responses API takes no video; send frames as images");
            }
        }
    }

    ChatResult complete(ChatRequest r, Headers headers, Consumer<String> onDelta, CancelToken cancel)
            throws ProviderException {
        ObjectNode body = body(r);
        if (!r.stream()) {
            HttpEngine.JsonResponse res = engine.postJson("/responses", headers, body, cancel);
            return result(res.json(), res.raw(), null, res.latency(), null);
        }
        Stream st = new Stream(onDelta);
        Duration latency = engine.postSse("/responses", headers, body, cancel, st);
        if (st.response == null) {
            throw engine.incomplete(
                    "the stream ended without response.completed", st.lastData(), st.lastData() != null);
        }
        return result(st.response, st.lastData(), st.text(), latency, st.ttft());
    }

    /**
     * Reads a response object (the JSON answer, the one inside {@code response.completed}, or the body of a batch
     * output line).
     */
    ChatResult result(JsonNode resp, String raw, String streamedText, Duration latency, Duration ttft)
            throws ProviderException {
        JsonNode usage = resp.path("usage");
        if (!usage.isObject()) {
            throw engine.malformed("the response has no usage", raw, 200, null);
        }
        String text = streamedText;
        if (text == null || text.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (JsonNode item : resp.path("output")) {
                if (!"message".equals(item.path("type").asText())) {
                    continue; // reasoning summaries, tool calls
                }
                for (JsonNode c : item.path("content")) {
                    String type = c.path("type").asText();
                    if (type.equals("output_text")) {
                        sb.append(c.path("text").asText());
                    } else if (type.equals("refusal")) {
                        sb.append(c.path("refusal").asText());
                    }
                }
            }
            text = sb.toString();
        }
        JsonNode incomplete = resp.path("incomplete_details").path("reason");
        String finish = incomplete.isTextual()
                ? incomplete.asText()
                : resp.path("status").asText(null);
        return new ChatResult(
                text,
                OpenAiUsage.fromResponses(usage),
                OpenAiUsage.inputByModality(usage),
                finish,
                resp.path("model").asText(null),
                resp.path("id").asText(null),
                latency,
                ttft,
                usage.toString(),
                resp.path("service_tier").isTextual()
                        ? resp.path("service_tier").asText()
                        : null);
    }

    /** Collects one Responses event stream. */
    private final class Stream extends TextStream {
        JsonNode response;

        Stream(Consumer<String> onDelta) {
            super(onDelta);
        }

        @Override
        public void onEvent(String event, String data) throws ProviderException {
            if (isDoneMarker(data)) {
                return;
            }
            JsonNode e = engine.parse(data, 200);
            String type = e.path("type").asText(event == null ? "" : event);
            switch (type) {
                case "response.output_text.delta":
                case "response.refusal.delta": {
                    String d = e.path("delta").asText("");
                    if (d.isEmpty()) {
                        return;
                    }
                    delta(d);
                    return;
                }
                case "response.completed":
                case "response.incomplete":
                    response = e.path("response");
                    return;
                case "response.failed":
                    throw failed(e.path("response").path("error"), data);
                case "error":
                    throw failed(e.has("error") ? e.path("error") : e, data);
                default:
                // created, in_progress, output_item.added, content_part.*, output_text.done, reasoning …
            }
        }

        private ProviderException failed(JsonNode err, String data) {
            String msg = err.path("message").asText(err.toString());
            String code = err.path("code").asText("");
            return new ProviderException(
                    engine.provider(),
                    ProviderException.Kind.SERVER,
                    200,
                    engine.redact(engine.provider().displayName() + " could not finish the answer"
                            + (code.isEmpty() ? "" : " (" + code + ")") + ": " + msg),
                    null,
                    engine.redact(data),
                    null);
        }
    }
}
