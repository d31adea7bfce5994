// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.provider;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A fake provider client for tests of what calls providers (the runner, the judge): it keeps every request, counts
 * the calls and the most in flight at once, and answers the n-th call (0-based) with what {@link Answer} gives.
 * Shared with other modules' tests through this module's test jar.
 */
public class RecordingClient implements ProviderClient {

    /** The answer to the n-th call; may throw, wait or watch the cancel token. */
    @FunctionalInterface
    public interface Answer {
        ChatResult answer(ChatRequest request, int call, CancelToken token) throws ProviderException;
    }

    public final AtomicInteger calls = new AtomicInteger();
    public final AtomicInteger inFlight = new AtomicInteger();
    public final AtomicInteger maxInFlight = new AtomicInteger();
    public final List<ChatRequest> requests = new CopyOnWriteArrayList<>();
    private final ProviderId id;
    private final Answer answer;

    public RecordingClient(ProviderId id, Answer answer) {
        this.id = id;
        this.answer = answer;
    }

    @Override
    public ProviderId id() {
        return id;
    }

    @Override
    public ChatResult complete(ChatRequest request, Consumer<String> onDelta, CancelToken token)
            throws ProviderException {
        int n = calls.getAndIncrement();
        requests.add(request);
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            return answer.answer(request, n, token);
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
