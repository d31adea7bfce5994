// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.provider;

import dev.costbench.model.prompt.Role;
import java.util.List;
import java.util.Objects;

/** One turn of a conversation. System text goes in {@link ChatRequest#system()}, not here. */
public record ChatMessage(Role role, List<Part> parts) {
    public ChatMessage {
        Objects.requireNonNull(role, "role");
        if (role == Role.SYSTEM) {
            throw new IllegalArgumentException("put system text in ChatRequest.system");
        }
        parts = List.copyOf(parts);
    }

    public static ChatMessage user(String text) {
        return new ChatMessage(Role.USER, List.of(new Part.Text(text)));
    }

    public static ChatMessage assistant(String text) {
        return new ChatMessage(Role.ASSISTANT, List.of(new Part.Text(text)));
    }
}
