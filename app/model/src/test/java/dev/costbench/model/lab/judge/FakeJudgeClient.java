// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.judge;

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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A fake OpenAI client for the judge's tests: answers what its script says, reports the usage its {@code usage}
 * function gives for the request, and records what it was sent, how many calls it had and how many ran at once.
 */
final class FakeJudgeClient implements ProviderClient {

    /** What the fake judge answers to the n-th call; may throw. */
    interface Script {
        String answer(ChatRequest r, int call, CancelToken token) throws ProviderException;
    }

    final Script script;
    final Function<ChatRequest, CanonicalUsage> usage;
    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    final List<ChatRequest> requests = new CopyOnWriteArrayList<>();

    FakeJudgeClient(Script script, Function<ChatRequest, CanonicalUsage> usage) {
        this.script = script;
        this.usage = usage;
    }

    @Override
    public ProviderId id() {
        return ProviderId.OPENAI;
    }

    @Override
    public ChatResult complete(ChatRequest r, Consumer<String> onDelta, CancelToken token) throws ProviderException {
        int n = calls.getAndIncrement();
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        requests.add(r);
        try {
            String text = script.answer(r, n, token);
            return new ChatResult(
                    text, usage.apply(r), Map.of(), "stop", r.model(), "r" + n, Duration.ofMillis(5), null, "{}");
        } finally {
            inFlight.decrementAndGet();
        }
    }

    @Override
    public TokenCountResult countTokens(ChatRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<String> listModels() {
        return List.of();
    }
}
