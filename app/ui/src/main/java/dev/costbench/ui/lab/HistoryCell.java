// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import dev.costbench.model.cost.Money;
import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.ExperimentOverview;
import dev.costbench.model.lab.run.ExperimentImport;
import java.util.Locale;
import javafx.scene.control.ListCell;

/** One experiment in the history: name (⇩ imported), status, date, models, and its trials and spending. */
final class HistoryCell extends ListCell<ExperimentOverview> {

    HistoryCell() {
        // three lines: the theme's fixed cell size (AtlantaFX: 2.8em) would cut off the summary line
        setStyle("-fx-cell-size: 4.6em;");
    }

    @Override
    protected void updateItem(ExperimentOverview o, boolean empty) {
        super.updateItem(o, empty);
        setText(empty || o == null ? null : text(o));
    }

    /** The three lines of an experiment's cell. */
    static String text(ExperimentOverview o) {
        Experiment e = o.experiment();
        return e.name() + (ExperimentImport.isImported(e) ? "  ⇩ imported" : "") + "\n"
                + e.status().name().toLowerCase(Locale.ROOT) + " · " + CompareViewModel.WHEN.format(e.created())
                + " · " + e.models().size() + " model(s)\n" + o.succeeded() + " trials ok" + (o.failed() > 0
                ? ", " + o.failed() + " failed" : "") + " · " + Money.format(o.trialCostUsd()) + " in trials"
                + (o.spentUsd().compareTo(o.trialCostUsd()) == 0 ? "" : " · " + Money.format(o.spentUsd())
                + " spent here");
    }
}
