// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

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
import java.util.function.Consumer;

/**
 * A provider client for the Prompt view's tests that answers from a script (no network): it adds every request it
 * takes to the list it was given, streams the scripted answer in its pieces, reports the scripted count and models,
 * and throws the failure it is told to. A call with nothing scripted throws {@link UnsupportedOperationException}.
 */
public final class ScriptedClient implements ProviderClient {

    private final ProviderId id;
    private final List<ChatRequest> requests;
    private volatile Answer answer;
    private volatile TokenCountResult count;
    private volatile List<String> models = List.of();
    private volatile ProviderException failure;

    private record Answer(String text, CanonicalUsage usage, Duration latency, Duration firstToken, String[] pieces) {}

    /** A client for {@code id} that adds each request it takes to {@code requests}. */
    public ScriptedClient(ProviderId id, List<ChatRequest> requests) {
        this.id = id;
        this.requests = requests;
    }

    /**
     * Every completion answers {@code text}, streamed as {@code pieces} (none: not streamed), with {@code usage}
     * billed, the last byte after {@code latency} and the first token after {@code firstToken} (may be null).
     */
    public ScriptedClient answers(
            String text, CanonicalUsage usage, Duration latency, Duration firstToken, String... pieces) {
        answer = new Answer(text, usage, latency, firstToken, pieces);
        return this;
    }

    /** Every count returns {@code result}. */
    public ScriptedClient counts(TokenCountResult result) {
        count = result;
        return this;
    }

    /** The models the provider lists. */
    public ScriptedClient lists(String... names) {
        models = List.of(names);
        return this;
    }

    /** From now on each completion is refused with {@code e} (null: answered again). */
    public void fail(ProviderException e) {
        failure = e;
    }

    @Override
    public ProviderId id() {
        return id;
    }

    @Override
    public ChatResult complete(ChatRequest request, Consumer<String> onDelta, CancelToken cancel)
            throws ProviderException {
        Answer a = answer;
        if (a == null) {
            throw new UnsupportedOperationException("no answer scripted");
        }
        requests.add(request);
        if (failure != null) {
            throw failure;
        }
        for (String piece : a.pieces()) {
            onDelta.accept(piece);
        }
        return new ChatResult(
                a.text(),
                a.usage(),
                Map.of(),
                "stop",
                request.model(),
                "resp_1",
                a.latency(),
                a.firstToken(),
                "{}",
                null);
    }

    @Override
    public TokenCountResult countTokens(ChatRequest request) {
        if (count == null) {
            throw new UnsupportedOperationException("no count scripted");
        }
        requests.add(request);
        return count;
    }

    @Override
    public List<String> listModels() {
        return models;
    }
}
