// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.LabStore;
import dev.costbench.model.lab.stats.Check;
import dev.costbench.model.lab.stats.QualitySettings;
import dev.costbench.model.lab.stats.VerdictThresholds;
import dev.costbench.ui.common.UiContext;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The checks and verdict thresholds of the experiment shown, editable after the run: "Apply and recompute" stores
 * them with the experiment and the results are computed again.
 */
public final class ResultsQuality {

    private final Supplier<LabStore> store;
    private final Supplier<Experiment> current;
    private final Consumer<Experiment> reshow;
    private final ReadOnlyObjectWrapper<QualitySettings> settings = new ReadOnlyObjectWrapper<>(this, "settings");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    /**
     * @param current the experiment shown (null: none)
     * @param reshow  shows the experiment again, as stored after the change
     */
    ResultsQuality(Supplier<LabStore> store, Supplier<Experiment> current, Consumer<Experiment> reshow) {
        this.store = store;
        this.current = current;
        this.reshow = reshow;
    }

    /** The settings of the experiment now shown (read from it); clears the last message. */
    void shown(QualitySettings qs) {
        settings.set(qs);
        error.set("");
    }

    /** Stores the edited checks and thresholds with the experiment and recomputes the verdicts. */
    public void apply(List<Check> checks, VerdictThresholds thresholds) {
        Experiment e = current.get();
        if (e == null) {
            return;
        }
        try {
            reshow.accept(QualityStore.update(
                    store.get(), e.id(), q -> q.withChecks(checks).withThresholds(thresholds)));
        } catch (RuntimeException x) {
            error.set(UiContext.describe(x));
        }
    }

    /** A message from the checks editor (a threshold that is not a number). */
    public void invalid(String message) {
        error.set(message);
    }

    /** The checks, thresholds and judge of the experiment shown (the editor shows them). */
    public ReadOnlyObjectProperty<QualitySettings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    /** Why the last edit was not applied; "" otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
