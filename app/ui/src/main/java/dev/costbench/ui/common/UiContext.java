// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.common;

import java.util.Objects;

/** What every view model gets from the composition root: the task executor and the dialog service. */
public record UiContext(TaskExecutor tasks, DialogService dialogs) {

    public UiContext {
        Objects.requireNonNull(tasks);
        Objects.requireNonNull(dialogs);
    }

    /** A short message for a failure: its own message, or its type when it has none. */
    public static String describe(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t.getMessage().isBlank())) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }
}
