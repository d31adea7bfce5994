// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The results page's batches of a batch run ({@link BatchRunsViewModel}): one line per batch (provider, state in
 * words, done and pending requests, expiry) with Refresh and Cancel; hidden for a live experiment.
 */
final class BatchesPane extends VBox {

    BatchesPane(BatchRunsViewModel vm) {
        super(6);
        setId("lab-batches");
        Label title = new Label("Batches (through the Batch API)");
        title.getStyleClass().add("section-title");
        ListView<BatchRunsViewModel.Row> list = new ListView<>(vm.rows());
        list.setId("lab-batch-list");
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(BatchRunsViewModel.Row row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : row.text());
            }
        });
        list.prefHeightProperty().bind(Bindings.size(vm.rows()).multiply(28).add(4));
        Button refresh = new Button("Refresh");
        refresh.setId("lab-batch-refresh");
        refresh.setTooltip(new Tooltip("Ask the providers where the batches are now and collect the results of those "
                + "that ended (CostBench also does this by itself every half minute)"));
        refresh.setOnAction(e -> vm.refresh());
        Button cancel = new Button("Cancel batch");
        cancel.setId("lab-batch-cancel");
        cancel.disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> {
                            BatchRunsViewModel.Row r = list.getSelectionModel().getSelectedItem();
                            return r == null || !r.cancellable();
                        },
                        list.getSelectionModel().selectedItemProperty()));
        cancel.setOnAction(e -> vm.cancel(list.getSelectionModel().getSelectedItem()));
        getChildren().addAll(title, list, new HBox(8, refresh, cancel));
        visibleProperty().bind(Bindings.isNotEmpty(vm.rows()));
        managedProperty().bind(visibleProperty());
    }
}
