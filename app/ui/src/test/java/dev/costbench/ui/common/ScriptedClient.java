// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.common;

import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.provider.CancelToken;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.ChatResult;
import dev.costbench.model.provider.ProviderClient;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.TokenCountResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A provider client for view-model and pane tests: records every request, answers with scripted text pieces
 * ("Hello", " there" unless told otherwise) and usage (1,000 uncached + 1,024 cached input, 2 output), or throws
 * the failure it was given. Counting answers 2,024 input tokens.
 */
public final class ScriptedClient implements ProviderClient {

    /** The requests sent to {@link #complete}, in order. */
    public final List<ChatRequest> sent;
    /** The requests sent to {@link #countTokens}, in order. */
    public final List<ChatRequest> counted;

    private final ProviderId id;

    /** What {@link #countTokens} answers. */
    public static final long COUNT = 2024;

    private volatile List<String> pieces = List.of("Hello", " there");
    private volatile CanonicalUsage usage = new CanonicalUsage(1000, 1024, 0, 0, 2, 0);
    private volatile ProviderException failure;
    private volatile String served;
    private volatile Duration latency = Duration.ofMillis(420);
    private volatile Duration firstToken = Duration.ofMillis(180);

    /** An OpenAI client with its own request lists. */
    public ScriptedClient() {
        this(ProviderId.OPENAI, new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
    }

    /** A client for {@code id} that adds its completions to {@code sent} and its counts to {@code counted}. */
    public ScriptedClient(ProviderId id, List<ChatRequest> sent, List<ChatRequest> counted) {
        this.id = id;
        this.sent = sent;
        this.counted = counted;
    }

    /** The last byte arrives after {@code last}, the first token after {@code first} (null: not reported). */
    public ScriptedClient latency(Duration last, Duration first) {
        this.latency = last;
        this.firstToken = first;
        return this;
    }

    /** The next answers arrive in these pieces. */
    public ScriptedClient answer(String... textPieces) {
        this.pieces = List.of(textPieces);
        return this;
    }

    public ScriptedClient usage(CanonicalUsage u) {
        this.usage = u;
        return this;
    }

    /** The service tier the next answers say they were served at (the provider's word; null: none reported). */
    public ScriptedClient served(String tier) {
        this.served = tier;
        return this;
    }

    /** The next calls throw {@code e} (null: they answer again). */
    public ScriptedClient failWith(ProviderException e) {
        this.failure = e;
        return this;
    }

    /** An OpenAI refusal of the key, with the body OpenAI sends (the key redacted). */
    public static ProviderException rejectedKey() {
        return new ProviderException(
                ProviderId.OPENAI,
                ProviderException.Kind.AUTH,
                401,
                "OpenAI rejected the API key (401): Incorrect API key provided",
                null,
                "{\"error\":{\"message\":\"Incorrect API key provided: [REDACTED]\"}}",
                null);
    }

    @Override
    public ProviderId id() {
        return id;
    }

    @Override
    public ChatResult complete(ChatRequest request, Consumer<String> onDelta, CancelToken cancel)
            throws ProviderException {
        sent.add(request);
        ProviderException f = failure;
        if (f != null) {
            throw f;
        }
        List<String> answer = pieces;
        if (onDelta != null) {
            answer.forEach(onDelta);
        }
        return new ChatResult(
                String.join("", answer),
                usage,
                Map.of(),
                "stop",
                request.model(),
                "resp_1",
                latency,
                firstToken,
                "{}",
                served);
    }

    @Override
    public TokenCountResult countTokens(ChatRequest request) {
        counted.add(request);
        return new TokenCountResult(COUNT, "{\"input_tokens\":" + COUNT + "}");
    }

    @Override
    public List<String> listModels() {
        return List.of("gpt-4o-mini");
    }
}
