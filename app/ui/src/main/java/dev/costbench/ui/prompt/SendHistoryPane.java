// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.ui.common.DisabledReason;
import dev.costbench.ui.common.Reasons;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The workspace's history of sends, newest first, with Open, Use these settings and Delete. */
final class SendHistoryPane extends VBox {

    SendHistoryPane(RunViewModel run) {
        SendHistory vm = run.history();
        setId("send-history");
        setSpacing(6);
        setPadding(new Insets(0, 0, 0, 8));
        setMinWidth(220);
        Label title = new Label("History of this prompt");
        title.getStyleClass().add("text-bold");
        ListView<SendHistory.Entry> list = new ListView<>(vm.entries());
        list.setId("send-history-list");
        list.setCellFactory(l -> new EntryCell());
        Label none = new Label("No calls sent from this prompt yet");
        none.setWrapText(true);
        list.setPlaceholder(none);
        list.setMinHeight(90);
        VBox.setVgrow(list, Priority.ALWAYS);
        Label status = new Label();
        status.setId("send-history-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        status.visibleProperty().bind(vm.statusProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());
        var selected = list.getSelectionModel().selectedItemProperty();
        Button open = new Button("Open");
        open.setId("send-history-open");
        open.setTooltip(new Tooltip("Show this call's answer, usage and cost above"));
        DisabledReason.bind(
                open,
                Reasons.first(
                        SendHistory.pickReason(selected),
                        Reasons.when(run.runningProperty(), "A call is in progress: wait for its answer first.")));
        open.setOnAction(e -> run.reopen(selected.get()));
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                run.reopen(selected.get());
            }
        });
        Button use = new Button("Use these settings");
        use.setId("send-history-use");
        use.setTooltip(new Tooltip(
                "Copy this call's model, temperature, output cap, effort and streaming back into " + "the controls"));
        DisabledReason.bind(use, SendHistory.pickReason(selected));
        use.setOnAction(e -> run.useSettings(selected.get()));
        Button delete = new Button("Delete");
        delete.setId("send-history-delete");
        delete.setTooltip(new Tooltip("Remove this call from the history (the ledger keeps what it cost)"));
        DisabledReason.bind(delete, SendHistory.pickReason(selected));
        delete.setOnAction(e -> vm.delete(selected.get()));
        HBox buttons = new HBox(6, open, use, delete);
        getChildren().addAll(title, status, list, buttons);
    }

    /** Model, time, and tokens with the cost, one short line each (the column is narrow at 1280 × 720). */
    private static final class EntryCell extends ListCell<SendHistory.Entry> {
        @Override
        protected void updateItem(SendHistory.Entry e, boolean empty) {
            super.updateItem(e, empty);
            if (empty || e == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText(e.model() + " · " + e.tier() + "\n" + e.when() + "\n" + e.tokens() + " · " + e.cost());
            setTooltip(e.sent().failed() ? new Tooltip(e.sent().call().error()) : null);
        }
    }
}
