// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.cost.CanonicalUsage;
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
import java.util.Map;
import java.util.function.Consumer;
import okhttp3.Headers;

/**
 * OpenAI's Chat Completions API ({@code POST {base}/chat/completions}), as OpenAI and OpenAI-compatible servers
 * speak it. Streams ask for {@code stream_options.include_usage}, so the usage arrives in a last chunk with
 * empty {@code choices} before {@code data: [DONE]}.
 *
 * <p>Two dialects: {@link Dialect#OPENAI} sends {@code max_completion_tokens} (OpenAI refuses {@code max_tokens}
 * for reasoning models) and treats a missing usage as a malformed answer; {@link Dialect#COMPATIBLE} sends the
 * older {@code max_tokens} that every compatible server understands, and accepts answers without usage: the
 * result's {@code usage} and {@code rawUsageJson} are then null (see
 * {@link dev.costbench.providers.compatible.CompatibleClient}).
 */
public final class ChatCompletions {

    /** Which server family is on the other end. */
    public enum Dialect {
        OPENAI,
        COMPATIBLE
    }

    private final HttpEngine engine;
    private final Dialect dialect;

    public ChatCompletions(HttpEngine engine, Dialect dialect) {
        this.engine = engine;
        this.dialect = dialect;
    }

    /** The request body for {@code request}. */
    public ObjectNode body(ChatRequest r) throws ProviderException {
        ObjectNode b = HttpEngine.mapper().createObjectNode();
        b.put("model", r.model());
        ArrayNode msgs = b.putArray("messages");
        if (r.system() != null) {
            msgs.addObject().put("role", "system").put("content", r.system());
        }
        for (ChatMessage m : r.messages()) {
            ObjectNode o = msgs.addObject().put("role", m.role() == Role.ASSISTANT ? "assistant" : "user");
            content(o, m);
        }
        b.put(dialect == Dialect.OPENAI ? "max_completion_tokens" : "max_tokens", r.maxOutputTokens());
        if (r.temperature() != null) {
            b.put("temperature", r.temperature());
        }
        if (r.seed() != null) {
            b.put("seed", r.seed());
        }
        if (r.reasoningEffort() != null) {
            b.put("reasoning_effort", r.reasoningEffort());
        }
        if (!r.tools().isEmpty()) {
            b.set("tools", OpenAiParts.chatTools(r.tools()));
        }
        b.put("stream", r.stream());
        if (r.stream()) {
            b.putObject("stream_options").put("include_usage", true);
        }
        if (r.serviceTier() != null) {
            ServiceTierWords.check(engine.provider(), r.serviceTier());
            b.put("service_tier", r.serviceTier());
        }
        return b;
    }

    private void content(ObjectNode msg, ChatMessage m) throws ProviderException {
        if (m.parts().size() == 1 && m.parts().get(0) instanceof Part.Text) {
            msg.put("content", ((Part.Text) m.parts().get(0)).text());
            return;
        }
        if (m.role() == Role.ASSISTANT) {
            StringBuilder text = new StringBuilder();
            for (Part p : m.parts()) {
                if (!(p instanceof Part.Text)) {
                    throw OpenAiParts.bad(engine.provider(), "assistant turns can hold text only");
                }
                text.append(((Part.Text) p).text());
            }
            msg.put("content", text.toString());
            return;
        }
        ArrayNode parts = msg.putArray("content");
        for (Part p : m.parts()) {
            if (p instanceof Part.Text) {
                parts.addObject().put("type", "text").put("text", ((Part.Text) p).text());
            } else if (p instanceof Part.Image) {
                Part.Image img = (Part.Image) p;
                ObjectNode url = parts.addObject()
                        .put("type", "image_url")
                        .putObject("image_url")
                        .put("url", OpenAiParts.dataUrl(img));
                if (img.detail() != null) {
                    url.put("detail", OpenAiParts.detail(img.detail()));
                }
            } else if (p instanceof Part.Audio) {
                Part.Audio a = (Part.Audio) p;
                parts.addObject()
                        .put("type", "input_audio")
                        .putObject("input_audio")
                        .put("data", OpenAiParts.base64(a.data()))
                        .put("format", OpenAiParts.audioFormat(engine.provider(), a.mimeType()));
            } else {
                throw OpenAiParts.bad(engine.provider(), "Chat Completions takes no video; send frames as images");
            }
        }
    }

    /** Sends the request, streaming or not as {@code r.stream()} says. */
    public ChatResult complete(ChatRequest r, Headers headers, Consumer<String> onDelta, CancelToken cancel)
            throws ProviderException {
        ObjectNode body = body(r);
        if (!r.stream()) {
            HttpEngine.JsonResponse res = engine.postJson("/chat/completions", headers, body, cancel);
            return completion(res.json(), res.raw(), res.latency());
        }
        StreamState st = new StreamState(onDelta);
        Duration latency = engine.postSse("/chat/completions", headers, body, cancel, st);
        if (!st.done && st.finishReason == null) {
            throw engine.incomplete(
                    "the stream ended without a finish reason or [DONE]", st.lastData(), st.lastData() != null);
        }
        return result(st.text(), st.usage, st.usageRaw, st.finishReason, st.model, st.id, latency, st.ttft(), st.tier);
    }

    /** Reads a (non-streamed) chat completion object: the live answer, or the body of a batch output line. */
    public ChatResult completion(JsonNode j, String raw, Duration latency) throws ProviderException {
        JsonNode choice = j.path("choices").path(0);
        if (!choice.isObject()) {
            throw engine.malformed("no choices in the answer", raw, 200, null);
        }
        JsonNode msg = choice.path("message");
        String text = msg.path("content").isTextual()
                ? msg.path("content").asText()
                : msg.path("refusal").asText("");
        return result(
                text,
                j.path("usage"),
                raw,
                textOrNull(choice.path("finish_reason")),
                textOrNull(j.path("model")),
                textOrNull(j.path("id")),
                latency,
                null,
                textOrNull(j.path("service_tier")));
    }

    private ChatResult result(
            String text,
            JsonNode usage,
            String raw,
            String finish,
            String model,
            String id,
            Duration latency,
            Duration ttft,
            String servedTier)
            throws ProviderException {
        CanonicalUsage u = null;
        Map<String, Long> modality = Map.of();
        String usageJson = null;
        if (usage != null && usage.isObject()) {
            u = OpenAiUsage.of(usage);
            modality = OpenAiUsage.inputByModality(usage);
            usageJson = usage.toString();
        } else if (dialect == Dialect.OPENAI) {
            throw engine.malformed("the answer has no usage", raw, 200, null);
        }
        return new ChatResult(text, u, modality, finish, model, id, latency, ttft, usageJson, servedTier);
    }

    private static String textOrNull(JsonNode n) {
        return n.isTextual() ? n.asText() : null;
    }

    /** Collects the chunks of one stream. */
    private final class StreamState extends TextStream {
        JsonNode usage;
        String usageRaw;
        String finishReason;
        String model;
        String id;
        String tier;
        boolean done;

        StreamState(Consumer<String> onDelta) {
            super(onDelta);
        }

        @Override
        public void onEvent(String event, String data) throws ProviderException {
            if (isDoneMarker(data)) {
                done = true;
                return;
            }
            JsonNode c = engine.parse(data, 200);
            if (c.has("error")) {
                throw streamError(c, data);
            }
            if (model == null) {
                model = textOrNull(c.path("model"));
                id = textOrNull(c.path("id"));
            }
            if (c.path("service_tier").isTextual()) {
                tier = c.path("service_tier").asText(); // on every chunk; the last one wins
            }
            JsonNode u = c.path("usage");
            if (u.isObject()) {
                usage = u; // the last non-null usage wins: include_usage chunk, or a server's final chunk
                usageRaw = data;
            }
            for (JsonNode choice : c.path("choices")) {
                JsonNode content = choice.path("delta").path("content");
                if (content.isTextual() && !content.asText().isEmpty()) {
                    delta(content.asText());
                }
                if (choice.path("finish_reason").isTextual()) {
                    finishReason = choice.path("finish_reason").asText();
                }
            }
        }

        private ProviderException streamError(JsonNode c, String data) {
            JsonNode e = c.path("error");
            String msg = e.path("message").isTextual() ? e.path("message").asText() : e.toString();
            return new ProviderException(
                    engine.provider(),
                    ProviderException.Kind.SERVER,
                    200,
                    engine.redact(
                            engine.provider().displayName() + " reported an error in the middle of the answer: " + msg),
                    null,
                    engine.redact(data),
                    null);
        }
    }
}
