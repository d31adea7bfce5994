// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.anthropic;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.prompt.Role;
import dev.costbench.model.provider.ChatMessage;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.Part;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.ServiceTierWords;
import dev.costbench.model.provider.ToolSpec;
import java.util.Base64;

/**
 * Builds the JSON bodies of {@code POST /v1/messages} and {@code POST /v1/messages/count_tokens}: system text as
 * text blocks, messages as text and base64 image blocks, {@code cache_control} breakpoints with their TTL, and
 * {@code thinking}.
 */
final class AnthropicRequests {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AnthropicRequests() {}

    /** The Messages body (without {@code stream}, which the client adds). */
    static ObjectNode messages(ChatRequest r) throws ProviderException {
        ObjectNode body = JSON.objectNode();
        body.put("model", r.model());
        body.put("max_tokens", r.maxOutputTokens());
        common(body, r);
        if (r.temperature() != null) {
            body.put("temperature", r.temperature());
        }
        if (r.serviceTier() != null) {
            ServiceTierWords.check(ProviderId.ANTHROPIC, r.serviceTier());
            body.put("service_tier", r.serviceTier());
        }
        return body;
    }

    /** The count_tokens body: the Messages body minus {@code max_tokens} and sampling parameters. */
    static ObjectNode countTokens(ChatRequest r) throws ProviderException {
        ObjectNode body = JSON.objectNode();
        body.put("model", r.model());
        common(body, r);
        return body;
    }

    private static void common(ObjectNode body, ChatRequest r) throws ProviderException {
        if (r.system() != null && !r.system().isEmpty()) {
            ArrayNode system = body.putArray("system");
            ObjectNode block = system.addObject().put("type", "text").put("text", r.system());
            cacheControl(block, r.systemCache());
        }
        ArrayNode messages = body.putArray("messages");
        for (ChatMessage m : r.messages()) {
            ObjectNode msg = messages.addObject();
            msg.put("role", m.role() == Role.ASSISTANT ? "assistant" : "user");
            ArrayNode content = msg.putArray("content");
            for (Part p : m.parts()) {
                content.add(block(p));
            }
        }
        if (!r.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            for (ToolSpec t : r.tools()) {
                tools.add(t.declaration("input_schema"));
            }
        }
        if (r.reasoningBudget() != null && r.reasoningBudget() > 0) {
            body.putObject("thinking").put("type", "enabled").put("budget_tokens", r.reasoningBudget());
        }
    }

    private static ObjectNode block(Part p) throws ProviderException {
        if (p instanceof Part.Text t) {
            ObjectNode b = JSON.objectNode().put("type", "text").put("text", t.text());
            cacheControl(b, t.cache());
            return b;
        }
        if (p instanceof Part.Image img) {
            ObjectNode b = JSON.objectNode().put("type", "image");
            b.putObject("source")
                    .put("type", "base64")
                    .put("media_type", img.mimeType())
                    .put("data", Base64.getEncoder().encodeToString(img.data()));
            return b;
        }
        String what = p instanceof Part.Audio ? "audio" : "video";
        throw new ProviderException(
                ProviderId.ANTHROPIC,
                ProviderException.Kind.BAD_REQUEST,
                0,
                "Anthropic's Messages API does not take " + what + " input; remove the " + what
                        + " part or send it to Gemini",
                null,
                null,
                null);
    }

    /** {@code {"type":"ephemeral"}} (5 minutes, the default) or {@code {"type":"ephemeral","ttl":"1h"}}. */
    private static void cacheControl(ObjectNode block, Part.CacheTtl ttl) {
        if (ttl == null) {
            return;
        }
        ObjectNode cc = block.putObject("cache_control").put("type", "ephemeral");
        if (ttl == Part.CacheTtl.ONE_HOUR) {
            cc.put("ttl", "1h");
        }
    }
}
