// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.compatible;

import dev.costbench.model.provider.CancelToken;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.ChatResult;
import dev.costbench.model.provider.ProviderClient;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.ProviderSettings;
import dev.costbench.model.provider.TokenCountResult;
import dev.costbench.providers.http.HttpEngine;
import dev.costbench.providers.openai.ChatCompletions;
import dev.costbench.providers.openai.OpenAiClient;
import java.util.List;
import java.util.function.Consumer;

/**
 * An OpenAI-compatible server: Ollama, vLLM, llama.cpp's server, LM Studio, OpenRouter and the like. The base URL
 * includes {@code /v1} as with OpenAI (Ollama's default {@code http://localhost:11434/v1}). Only Chat Completions
 * is used, whatever {@link ChatRequest#openAiApi()} says; the output cap goes as {@code max_tokens}, which all of
 * them understand. The key is optional: without one no {@code Authorization} header is sent.
 *
 * <p><b>Missing usage.</b> Many servers leave usage out of streams (or out of everything). The client takes the
 * last {@code usage} object any chunk carried (the {@code include_usage} chunk, or a server's final chunk). When
 * no chunk and no JSON answer carried one, the result's {@link ChatResult#usage()} and
 * {@link ChatResult#rawUsageJson()} are {@code null}: CostBench does not invent an estimate and call it billed.
 * Callers must check for {@code null} and show "usage not reported by the server" (an estimate can be shown
 * next to it, labelled as one). {@link #usageReported(ChatResult)} says so in one call.
 *
 * <p>There is no counting endpoint: {@link #countTokens} fails with {@link ProviderException.Kind#BAD_REQUEST}.
 */
public final class CompatibleClient implements ProviderClient {

    private final HttpEngine engine;
    private final ChatCompletions chat;

    public CompatibleClient(ProviderSettings settings) {
        this(new HttpEngine(settings));
    }

    public CompatibleClient(HttpEngine engine) {
        this.engine = engine.requireProvider(ProviderId.COMPATIBLE, CompatibleClient.class);
        this.chat = new ChatCompletions(engine, ChatCompletions.Dialect.COMPATIBLE);
    }

    /** False when the server reported no usage for this answer (then {@code usage()} is null). */
    public static boolean usageReported(ChatResult r) {
        return r.usage() != null;
    }

    @Override
    public ProviderId id() {
        return ProviderId.COMPATIBLE;
    }

    @Override
    public ChatResult complete(ChatRequest request, Consumer<String> onDelta, CancelToken cancel)
            throws ProviderException {
        return chat.complete(
                request.withOpenAiApi(ChatRequest.OpenAiApi.CHAT_COMPLETIONS),
                OpenAiClient.bearer(engine.settings().key()),
                onDelta,
                cancel == null ? CancelToken.none() : cancel);
    }

    @Override
    public TokenCountResult countTokens(ChatRequest request) throws ProviderException {
        throw new ProviderException(
                ProviderId.COMPATIBLE,
                ProviderException.Kind.BAD_REQUEST,
                0,
                "OpenAI-compatible servers have no token-counting endpoint: CostBench shows its local estimate"
                        + " instead (exact counts exist for OpenAI, Anthropic and Gemini)",
                null,
                null,
                null);
    }

    @Override
    public List<String> listModels() throws ProviderException {
        return OpenAiClient.listModels(
                engine, OpenAiClient.bearer(engine.settings().key()));
    }
}
