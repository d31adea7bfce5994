// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.costbench.model.provider.CancelToken;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.ChatResult;
import dev.costbench.model.provider.ProviderClient;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.ProviderSettings;
import dev.costbench.model.provider.Secret;
import dev.costbench.model.provider.TokenCountResult;
import dev.costbench.providers.http.HttpEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import okhttp3.Headers;

/**
 * The OpenAI API ({@code https://api.openai.com/v1}, or a gateway/proxy at the configured base URL, which
 * includes {@code /v1}). {@link ChatRequest#openAiApi()} picks the Responses API or Chat Completions; both stream
 * or not as the request says. Usage is normalized by {@link OpenAiUsage}; counts come from
 * {@code POST /responses/input_tokens}; the model list from {@code GET /models}. The key goes only into the
 * {@code Authorization: Bearer} header.
 */
public final class OpenAiClient implements ProviderClient {

    private final HttpEngine engine;
    private final ResponsesApi responses;
    private final ChatCompletions chat;

    public OpenAiClient(ProviderSettings settings) {
        this(new HttpEngine(settings));
    }

    /** With a prepared engine (tests use one whose retry waits are recorded instead of slept). */
    public OpenAiClient(HttpEngine engine) {
        this.engine = engine.requireProvider(ProviderId.OPENAI, OpenAiClient.class);
        this.responses = new ResponsesApi(engine);
        this.chat = new ChatCompletions(engine, ChatCompletions.Dialect.OPENAI);
    }

    @Override
    public ProviderId id() {
        return ProviderId.OPENAI;
    }

    @Override
    public ChatResult complete(ChatRequest request, Consumer<String> onDelta, CancelToken cancel)
            throws ProviderException {
        CancelToken c = cancel == null ? CancelToken.none() : cancel;
        if (request.openAiApi() == ChatRequest.OpenAiApi.CHAT_COMPLETIONS) {
            return chat.complete(request, headers(), onDelta, c);
        }
        return responses.complete(request, headers(), onDelta, c);
    }

    /**
     * The exact input count from {@code POST /responses/input_tokens}. It counts the request as the Responses API
     * would see it; a Chat Completions request of the same content may differ by a few formatting tokens.
     */
    @Override
    public TokenCountResult countTokens(ChatRequest request) throws ProviderException {
        HttpEngine.JsonResponse res =
                engine.postJson("/responses/input_tokens", headers(), responses.countBody(request), CancelToken.none());
        JsonNode n = res.json().path("input_tokens");
        if (!n.canConvertToLong()) {
            throw engine.malformed("no input_tokens in the count", res.raw(), 200, null);
        }
        return new TokenCountResult(n.asLong(), res.raw());
    }

    @Override
    public List<String> listModels() throws ProviderException {
        return listModels(engine, headers());
    }

    /** {@code GET /models} → the {@code data[].id} values, sorted. Shared with OpenAI-compatible servers. */
    public static List<String> listModels(HttpEngine engine, Headers headers) throws ProviderException {
        HttpEngine.JsonResponse res = engine.getJson("/models", headers, CancelToken.none());
        JsonNode data = res.json().path("data");
        if (!data.isArray()) {
            throw engine.malformed("no data array in the model list", res.raw(), 200, null);
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode m : data) {
            if (m.path("id").isTextual()) {
                ids.add(m.path("id").asText());
            }
        }
        ids.sort(null);
        return ids;
    }

    private Headers headers() throws ProviderException {
        return headers(engine);
    }

    /** {@link #bearer} with the engine's key; NO_KEY without one. */
    static Headers headers(HttpEngine engine) throws ProviderException {
        Secret key = engine.settings().key();
        if (key == null || key.isEmpty()) {
            throw new ProviderException(
                    ProviderId.OPENAI,
                    ProviderException.Kind.NO_KEY,
                    0,
                    "No OpenAI API key: set OPENAI_API_KEY or enter the key in the Providers tab",
                    null,
                    null,
                    null);
        }
        return bearer(key);
    }

    /** {@code Authorization: Bearer <key>} (no header at all for a null or empty key). */
    public static Headers bearer(Secret key) {
        Headers.Builder h = new Headers.Builder().add("User-Agent", "CostBench");
        if (key != null && !key.isEmpty()) {
            h.add("Authorization", "Bearer " + key.reveal());
        }
        return h.build();
    }
}
