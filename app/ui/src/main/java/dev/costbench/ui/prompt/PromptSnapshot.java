// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.prompt.Role;
import dev.costbench.model.tuning.RequestTuner;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Prompt view's prompt at one moment: system prompt, few-shot turns and user message, with the same part
 * labels and keys the Tune tab uses.
 */
public record PromptSnapshot(String system, List<TurnText> turns, String user) {

    /** One few-shot turn's role and text. */
    public record TurnText(String key, Role role, String text) {}

    public PromptSnapshot {
        system = system == null ? "" : system;
        user = user == null ? "" : user;
        turns = List.copyOf(turns);
    }

    /** The view model's prompt now. */
    public static PromptSnapshot of(PromptViewModel vm) {
        List<TurnText> ts = new ArrayList<>();
        for (Turn t : vm.turns()) {
            ts.add(new TurnText(
                    t.key(), t.roleProperty().get(), t.textProperty().get()));
        }
        return new PromptSnapshot(
                vm.systemTextProperty().get(), ts, vm.userTextProperty().get());
    }

    /** The parts in request order (system, turns, user) for {@link RequestTuner}. */
    public List<RequestTuner.TextPart> parts() {
        List<RequestTuner.TextPart> out = new ArrayList<>();
        out.add(new RequestTuner.TextPart("system", "System prompt", Role.SYSTEM, system));
        for (int i = 0; i < turns.size(); i++) {
            TurnText t = turns.get(i);
            out.add(new RequestTuner.TextPart(
                    t.key(),
                    "Example turn " + (i + 1) + " (" + t.role().name().toLowerCase(Locale.ROOT) + ")",
                    t.role(),
                    t.text()));
        }
        out.add(new RequestTuner.TextPart("user", "User message", Role.USER, user));
        return out;
    }

    /** The whole prompt as one text, parts separated by a blank line (for diffs and whole-prompt counts). */
    public String render() {
        StringBuilder b = new StringBuilder(system);
        for (TurnText t : turns) {
            if (!t.text().isEmpty()) {
                b.append(b.length() == 0 ? "" : "\n\n").append(t.text());
            }
        }
        if (!user.isEmpty()) {
            b.append(b.length() == 0 ? "" : "\n\n").append(user);
        }
        return b.toString();
    }

    /** The turns folded into one text for a form that has no turns (the A/B lab setup): empty when none. */
    public boolean hasTurns() {
        return turns.stream().anyMatch(t -> !t.text().isBlank());
    }
}
