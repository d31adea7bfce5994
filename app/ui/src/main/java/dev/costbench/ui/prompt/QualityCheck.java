// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.prompt.Role;
import dev.costbench.ui.common.Words;
import dev.costbench.ui.common.handoff.QualityCheckTarget;
import java.util.List;

/**
 * "Check quality": the original prompt (before the first accepted cut) and the tuned one, for the A/B lab. The lab's
 * variants have a system prompt and a user message only, so few-shot turns go at the end of each variant's system
 * prompt as "Examples" (the same way for both).
 */
public record QualityCheck(PromptSnapshot baseline, PromptSnapshot optimized, List<String> cuts) {

    public QualityCheck {
        cuts = List.copyOf(cuts);
    }

    /** The experiment's name: how many cuts the tuned prompt has. */
    public String name() {
        return cuts.isEmpty()
                ? "Prompt check (no cut applied yet)"
                : "Tuned prompt: " + Words.count(cuts.size(), "cut");
    }

    /**
     * Hands both prompts to {@code target}.
     *
     * @return a note for the user about what was carried over and what to check
     */
    public String send(QualityCheckTarget target) {
        target.checkQuality(name(), variant(baseline), variant(optimized));
        boolean turns = baseline.hasTurns() || optimized.hasTurns();
        return "Sent to the A/B lab: the original prompt as the baseline, the tuned one as the optimized variant"
                + (turns
                        ? " (few-shot turns are folded into each system prompt as examples, since the lab's "
                                + "variants have a system prompt and a user message only)"
                        : "")
                + ". Check the inputs, models "
                + "and budget, then Run."
                + (optimized.user().contains("{{")
                        ? ""
                        : " The user message has no "
                                + "{{placeholder}}, so every test input sends the same message: put one where the input goes.");
    }

    static QualityCheckTarget.Variant variant(PromptSnapshot s) {
        return new QualityCheckTarget.Variant(withTurns(s), s.user());
    }

    /** The system prompt with the non-blank turns appended as "Examples:". */
    static String withTurns(PromptSnapshot s) {
        if (!s.hasTurns()) {
            return s.system();
        }
        StringBuilder b = new StringBuilder(s.system());
        b.append(s.system().isEmpty() ? "" : "\n\n").append("Examples:");
        for (PromptSnapshot.TurnText t : s.turns()) {
            if (!t.text().isBlank()) {
                b.append("\n")
                        .append(t.role() == Role.ASSISTANT ? "Assistant: " : "User: ")
                        .append(t.text());
            }
        }
        return b.toString();
    }
}
