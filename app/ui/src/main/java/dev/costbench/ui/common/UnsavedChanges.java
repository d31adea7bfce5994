// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.common;

import java.util.List;
import java.util.Optional;

/**
 * The one way a view with saved work shows and asks about unsaved changes: the window title with its dirty marker
 * ("• name — CostBench") and the "Save / Don't save / Cancel" question before the work would be lost.
 */
public final class UnsavedChanges {

    /** The user's answer to {@link #ask}. */
    public enum Answer {
        SAVE,
        DONT_SAVE,
        CANCEL
    }

    private UnsavedChanges() {}

    /** The window title for {@code name}: "• name — CostBench" while it has unsaved changes. */
    public static String windowTitle(String name, boolean dirty) {
        return marked(name, dirty) + " — CostBench";
    }

    /** {@code name} with the dirty marker in front while it has unsaved changes ("• name"). */
    public static String marked(String name, boolean dirty) {
        return (dirty ? "• " : "") + name;
    }

    /**
     * Asks whether to save the changes to {@code name} (the {@code what}: "prompt", "scenario") before
     * {@code action} ("closing CostBench"); closing the dialog is Cancel.
     */
    public static Answer ask(DialogService dialogs, String name, String what, String action) {
        Optional<Integer> answer = dialogs.choose(
                "Save the changes to " + name + "?",
                "The " + what + " has changes that are not saved. If you don't save them before " + action
                        + ", they are lost.",
                List.of("Save", "Don't save", "Cancel"));
        if (answer.isEmpty() || answer.get() == 2) {
            return Answer.CANCEL;
        }
        return answer.get() == 0 ? Answer.SAVE : Answer.DONT_SAVE;
    }
}
