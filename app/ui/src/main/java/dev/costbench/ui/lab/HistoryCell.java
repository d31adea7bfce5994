// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import dev.costbench.model.lab.ExperimentOverview;
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
        setText(empty || o == null ? null : HistoryViewModel.summary(o));
    }
}
