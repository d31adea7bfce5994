// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.workload.conversation;

import java.util.Objects;

/** One turn of a conversation: the user's message and the assistant's answer. */
public record Turn(Sized user, Sized assistant) {

    public Turn {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(assistant, "assistant");
    }

    public static Turn of(long userTokens, long assistantTokens) {
        return new Turn(Sized.tokens(userTokens), Sized.tokens(assistantTokens));
    }
}
