// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.workload.conversation;

import dev.costbench.model.prompt.PromptWorkspace;
import dev.costbench.model.prompt.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * A prompt workspace as a conversation: its system prompt re-sent every turn, its few-shot turns as the earlier turns
 * (a user message and the assistant's answer after it make one turn), and its user message as the last turn, answered
 * with the workspace's expected output tokens. Texts are counted on each model.
 */
public final class PromptConversations {

    private PromptConversations() {}

    public static Conversation of(PromptWorkspace w, String name) {
        List<Turn> turns = new ArrayList<>();
        Sized user = null;
        for (PromptWorkspace.FewShotTurn t : w.turns()) {
            if (t.role() == Role.USER) {
                if (user != null) {
                    turns.add(new Turn(user, Sized.NONE));
                }
                user = Sized.text(t.text());
            } else {
                turns.add(new Turn(user == null ? Sized.NONE : user, Sized.text(t.text())));
                user = null;
            }
        }
        if (user != null) {
            turns.add(new Turn(user, Sized.NONE));
        }
        turns.add(new Turn(Sized.text(w.user()), Sized.tokens(w.outputTokens())));
        return new Conversation(
                name,
                Sized.text(w.system()),
                Sized.NONE,
                turns,
                w.modelId(),
                Conversation.DEFAULT_TURN_GAP_SECONDS,
                Conversation.DEFAULT_SUMMARY_TOKENS,
                null);
    }
}
