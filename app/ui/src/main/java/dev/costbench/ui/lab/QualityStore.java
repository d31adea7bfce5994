// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.ExperimentSettings;
import dev.costbench.model.lab.LabStore;
import dev.costbench.model.lab.stats.QualitySettings;
import java.util.function.UnaryOperator;

/** Reads and writes an experiment's checks, thresholds and judge in its stored settings (they survive a restart). */
final class QualityStore {

    private QualityStore() {}

    static QualitySettings read(Experiment e) {
        return QualitySettings.read(e.settings().extraJson());
    }

    /** Applies {@code change} to the stored quality settings of experiment {@code id} and returns the experiment. */
    static Experiment update(LabStore store, long id, UnaryOperator<QualitySettings> change) {
        Experiment e = store.loadExperiment(id);
        ExperimentSettings s = e.settings();
        String json = change.apply(read(e)).writeInto(s.extraJson());
        store.updateSettings(
                id,
                new ExperimentSettings(
                        s.temperature(),
                        s.maxOutputTokens(),
                        s.reasoningBudget(),
                        s.reasoningEffort(),
                        s.reuseStoredAnswers(),
                        json));
        return store.loadExperiment(id);
    }
}
