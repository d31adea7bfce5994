// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.common;

/**
 * A feature's state and behaviour, without any node: JavaFX properties (read-only where the view only shows them)
 * and methods for the user's actions. A view model reaches the model directly, background work through
 * {@link TaskExecutor} and the user (dialogs, file choosers) through {@link DialogService} — both handed to it in a
 * {@link UiContext} — so it runs in a plain unit test with {@link DirectTaskExecutor} and a recording dialog service.
 * Properties change on the UI thread only.
 */
public interface ViewModel extends AutoCloseable {

    /** Stops background work the view model owns (lanes, running jobs). */
    @Override
    default void close() {}
}
