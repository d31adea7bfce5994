// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import dev.costbench.model.lab.run.ExperimentSpec;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The setup's run option "Through the Batch API": whether it is chosen, and why it cannot be (every selected model's
 * provider needs a batch API; the lab of a window without batch runs has none). When chosen, Run submits the
 * experiment through {@link BatchRunsViewModel} instead of running it live.
 */
public final class SetupBatch {

    /** The option's words in the setup. */
    public static final String LABEL = "Through the Batch API (about half price, results within 24 h)";

    static final String NOT_HERE = "Batch runs are not available in this window.";

    private final BooleanProperty selected = new SimpleBooleanProperty(this, "selected", false);
    private final ReadOnlyStringWrapper reason = new ReadOnlyStringWrapper(this, "reason", NOT_HERE);
    private BatchRunsViewModel runs;
    private Consumer<Long> onSubmitted = id -> {};

    /** Connects the option to the lab's batch runs; it follows the models checked in {@code models}. */
    void connect(BatchRunsViewModel runs, ObservableList<String> models, Consumer<Long> onSubmitted) {
        this.runs = runs;
        this.onSubmitted = onSubmitted;
        models.addListener((ListChangeListener<String>) c -> follow(models));
        follow(models);
    }

    private void follow(List<String> models) {
        reason.set(runs.unavailableReason(List.copyOf(models)));
        if (!reason.get().isEmpty()) {
            selected.set(false);
        }
    }

    /** True when Run submits through the batch APIs. */
    boolean submits() {
        return runs != null && selected.get() && reason.get().isEmpty();
    }

    /** Live vs batch per provider, for the estimate; "" without batch runs. */
    String estimateText(ExperimentSpec spec) {
        return runs == null ? "" : "Live vs through the Batch API:\n" + runs.estimateText(spec);
    }

    void submit(ExperimentSpec spec) {
        runs.submit(spec, onSubmitted);
    }

    /** Chosen by the user (reset when it becomes unavailable). */
    public BooleanProperty selectedProperty() {
        return selected;
    }

    /** Why the option is disabled (the tooltip), or "" when it can be chosen. */
    public ReadOnlyStringProperty reasonProperty() {
        return reason.getReadOnlyProperty();
    }
}
