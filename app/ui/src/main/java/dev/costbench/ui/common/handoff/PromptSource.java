// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.common.handoff;

import dev.costbench.model.prompt.PromptWorkspace;
import java.util.Optional;

/**
 * Prompt view → Workloads ▸ Conversation: "From the prompt" prices the prompt being edited (its system prompt, turns
 * and user message) as a conversation. Implemented by the Prompt view's workspace, wired by the composition root.
 */
@FunctionalInterface
public interface PromptSource {

    /** The prompt being edited, as Save would write it; empty when one of its options is out of range. */
    Optional<PromptWorkspace> currentPrompt();
}
