// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.media;

import dev.costbench.ui.common.Job;
import dev.costbench.ui.common.TaskExecutor;
import dev.costbench.ui.common.UiContext;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;

/**
 * One background job at a time (an analysis or an export), with its progress for a progress bar and Cancel: starting
 * a new one cancels the one before. A failure is shown as an error unless the job was cancelled.
 */
final class JobSlot {

    /** What a job is for: its name, what to do with its result, and what to say when it fails. */
    record Purpose<T>(String name, Consumer<T> done, String failureHeadline, String whatToDo) {}

    private final UiContext ui;
    private final Runnable onCancelled;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private Job<?> job;

    /** @param onCancelled runs when the current job ends because it was cancelled */
    JobSlot(UiContext ui, Runnable onCancelled) {
        this.ui = ui;
        this.onCancelled = onCancelled;
    }

    <T> Job<T> run(Purpose<T> purpose, TaskExecutor.Work<T> work) {
        cancel();
        Job<T> j = ui.tasks().task(purpose.name(), work);
        job = j;
        busy.set(true);
        progress.bind(j.progressProperty());
        j.onSuccess(purpose.done())
                .onFailure(e -> {
                    if (!j.isCancelled()) {
                        ui.dialogs()
                                .error(purpose.failureHeadline(), UiContext.describe(e) + "\n\n" + purpose.whatToDo());
                    }
                })
                .always(() -> {
                    if (job == j) {
                        progress.unbind();
                        busy.set(false);
                        if (j.isCancelled()) {
                            onCancelled.run();
                        }
                    }
                });
        return j.start();
    }

    /** Cancels the job in flight, if any. */
    void cancel() {
        if (job != null) {
            job.cancel();
        }
    }

    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }
}
