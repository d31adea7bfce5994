// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.testkit;

import dev.costbench.model.prompt.Role;
import dev.costbench.model.provider.ChatMessage;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.Part;
import java.util.List;

/** Requests for client tests that only need a model, one user turn and an output cap. */
public final class Requests {

    private Requests() {}

    /**
     * One user message of {@code parts} to {@code model}, capped at {@code maxOutputTokens}: no system text, no
     * sampling or reasoning settings, not streamed, on the default OpenAI endpoint.
     */
    public static ChatRequest oneTurn(String model, int maxOutputTokens, Part... parts) {
        return ChatRequest.plain(
                model, null, null, List.of(new ChatMessage(Role.USER, List.of(parts))), maxOutputTokens, false);
    }
}
