// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.scenario;

import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;

/** The optimized monthly bill, one line each with its amount; the assumptions behind a line in its tooltip. */
final class BillLinesList extends ListView<ScenarioResults.BillRow> {

    BillLinesList(ScenarioResults results) {
        super(results.billLines());
        setId("scenario-bill-lines");
        setPlaceholder(new Label("No bill yet: fix the fields marked in red."));
        setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ScenarioResults.BillRow r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : r.text());
                setTooltip(empty || r == null || r.assumptions().isEmpty() ? null : new Tooltip(r.assumptions()));
            }
        });
    }
}
