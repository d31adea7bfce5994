// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.judge;

import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.provider.CancelToken;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.ChatResult;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.RecordingClient;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * A fake OpenAI client for the judge's tests: answers what its script says and reports the usage its {@code usage}
 * function gives for the request (and records what it was sent, like every {@link RecordingClient}).
 */
final class FakeJudgeClient extends RecordingClient {

    /** What the fake judge answers to the n-th call; may throw. */
    interface Script {
        String answer(ChatRequest r, int call, CancelToken token) throws ProviderException;
    }

    FakeJudgeClient(Script script, Function<ChatRequest, CanonicalUsage> usage) {
        super(
                ProviderId.OPENAI,
                (r, n, token) -> new ChatResult(
                        script.answer(r, n, token),
                        usage.apply(r),
                        Map.of(),
                        "stop",
                        r.model(),
                        "r" + n,
                        Duration.ofMillis(5),
                        null,
                        "{}",
                        null));
    }
}
