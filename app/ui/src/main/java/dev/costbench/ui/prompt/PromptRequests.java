// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.prompt.Role;
import dev.costbench.model.provider.ChatMessage;
import dev.costbench.model.provider.ChatRequest;
import java.util.ArrayList;
import java.util.List;

/** The Prompt view's prompt as a provider-neutral request, with the cache breakpoints marked in the editors. */
final class PromptRequests {

    private PromptRequests() {}

    /**
     * System, few-shot turns in order (empty ones left out), then the user message ("(empty)" when there is none,
     * since every provider needs one); the output cap is the expected output tokens.
     */
    static ChatRequest current(PromptViewModel vm, CacheMarks marks) {
        List<ChatMessage> msgs = new ArrayList<>();
        for (Turn t : vm.turns()) {
            String text = t.textProperty().get();
            if (text != null && !text.isEmpty() && t.roleProperty().get() != Role.SYSTEM) {
                msgs.add(new ChatMessage(t.roleProperty().get(), marks.parts(t.key(), text)));
            }
        }
        String user = vm.userTextProperty().get();
        msgs.add(new ChatMessage(Role.USER, marks.parts("user", user == null || user.isEmpty() ? "(empty)" : user)));
        String sys = vm.systemTextProperty().get();
        boolean noSystem = sys == null || sys.isEmpty();
        int cap = (int) Math.max(
                1, Math.min(Integer.MAX_VALUE, vm.outputTokensProperty().get()));
        return ChatRequest.plain(
                "selected", noSystem ? null : sys, noSystem ? null : marks.systemCache(), msgs, cap, true);
    }
}
