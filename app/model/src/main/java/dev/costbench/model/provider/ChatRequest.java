// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.provider;

import dev.costbench.model.media.MediaResolution;
import java.util.List;
import java.util.Objects;

/**
 * One request to one model, provider-neutral. Null fields are left out of the request so that the API's default
 * applies.
 *
 * @param model           the provider's model id, e.g. {@code gpt-4o-mini}, {@code claude-sonnet-4-5}
 * @param system          system instructions, or null
 * @param systemCache     a cache breakpoint after the system text (Anthropic), or null
 * @param messages        the conversation, user first
 * @param maxOutputTokens the output cap (required by Anthropic; CostBench always sends one)
 * @param temperature     sampling temperature, or null
 * @param seed            a sampling seed where the API takes one (OpenAI chat, Gemini), or null
 * @param reasoningBudget thinking budget in tokens (Anthropic {@code thinking.budget_tokens}, Gemini
 *                        {@code thinkingBudget}), or null
 * @param reasoningEffort OpenAI {@code reasoning.effort} ("minimal", "low", "medium", "high"), or null
 * @param mediaResolution Gemini {@code media_resolution}, or null
 * @param stream          true: server-sent events, measuring time to first token
 * @param openAiApi       which OpenAI endpoint to call (ignored by the others)
 * @param serviceTier     the service tier asked for, in the provider's own word (OpenAI {@code service_tier}: "auto",
 *                        "default", "flex", "priority"; Anthropic {@code service_tier}: "auto", "standard_only"), or
 *                        null to send none (the API's default); a client refuses a word its API does not take
 *                        before sending ({@link ServiceTierWords} maps CostBench's tiers to these words)
 * @param tools           function tools the model may call, in the neutral form each client converts (empty: none sent)
 */
public record ChatRequest(
        String model,
        String system,
        Part.CacheTtl systemCache,
        List<ChatMessage> messages,
        int maxOutputTokens,
        Double temperature,
        Long seed,
        Integer reasoningBudget,
        String reasoningEffort,
        MediaResolution mediaResolution,
        boolean stream,
        OpenAiApi openAiApi,
        String serviceTier,
        List<ToolSpec> tools) {

    public ChatRequest {
        Objects.requireNonNull(model, "model");
        messages = List.copyOf(messages);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a request needs at least one message");
        }
        if (maxOutputTokens <= 0) {
            throw new IllegalArgumentException("maxOutputTokens must be positive");
        }
        if (openAiApi == null) {
            openAiApi = OpenAiApi.RESPONSES;
        }
        serviceTier = serviceTier == null || serviceTier.isBlank() ? null : serviceTier.strip();
        tools = tools == null ? List.of() : List.copyOf(tools);
    }

    /** A plain text request with defaults: streaming on, 1024 output tokens. */
    public static ChatRequest of(String model, String system, String user) {
        return plain(model, system, null, List.of(ChatMessage.user(user)), 1024, true);
    }

    /**
     * A request without sampling, seed, reasoning or media-resolution settings (the API's defaults apply), sent to
     * OpenAI's default endpoint.
     */
    public static ChatRequest plain(
            String model,
            String system,
            Part.CacheTtl systemCache,
            List<ChatMessage> messages,
            int maxOutputTokens,
            boolean stream) {
        return new ChatRequest(
                model,
                system,
                systemCache,
                messages,
                maxOutputTokens,
                null,
                null,
                null,
                null,
                null,
                stream,
                null,
                null,
                null);
    }

    public ChatRequest withStream(boolean s) {
        return copy(model, messages, maxOutputTokens, s, openAiApi, serviceTier, tools);
    }

    public ChatRequest withMaxOutputTokens(int n) {
        return copy(model, messages, n, stream, openAiApi, serviceTier, tools);
    }

    public ChatRequest withOpenAiApi(OpenAiApi api) {
        return copy(model, messages, maxOutputTokens, stream, api, serviceTier, tools);
    }

    /** The same request asking for service tier {@code word} (the provider's word; null: none). */
    public ChatRequest withServiceTier(String word) {
        return copy(model, messages, maxOutputTokens, stream, openAiApi, word, tools);
    }

    /** The same request offering {@code t} to the model (empty: no tools). */
    public ChatRequest withTools(List<ToolSpec> t) {
        return copy(model, messages, maxOutputTokens, stream, openAiApi, serviceTier, t);
    }

    /** The same request with another conversation (the next turn of a multi-turn trial). */
    public ChatRequest withMessages(List<ChatMessage> m) {
        return copy(model, m, maxOutputTokens, stream, openAiApi, serviceTier, tools);
    }

    /** The same request sent under another model name. */
    public ChatRequest withModel(String m) {
        return copy(m, messages, maxOutputTokens, stream, openAiApi, serviceTier, tools);
    }

    /** This request with another model, conversation, output cap, streaming, OpenAI endpoint, tier and tools. */
    private ChatRequest copy(
            String m, List<ChatMessage> msgs, int maxOutput, boolean s, OpenAiApi api, String tier, List<ToolSpec> t) {
        return new ChatRequest(
                m,
                system,
                systemCache,
                msgs,
                maxOutput,
                temperature,
                seed,
                reasoningBudget,
                reasoningEffort,
                mediaResolution,
                s,
                api,
                tier,
                t);
    }

    /** OpenAI's two text endpoints. OpenAI-compatible servers always use CHAT_COMPLETIONS. */
    public enum OpenAiApi {
        RESPONSES,
        CHAT_COMPLETIONS
    }
}
