// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.scenario;

import dev.costbench.model.scenario.RequestType;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The workload section: the request types, "+ Request type" / "Remove", the selected one's form and its errors. */
final class RequestTypesPane extends VBox {

    RequestTypesPane(RequestTypesModel model, ScenarioResults results) {
        super(6);
        ListView<RequestType> types = new ListView<>(model.types());
        types.setId("request-types");
        types.setPrefHeight(76);
        types.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(RequestType t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : model.typeLabel(t));
            }
        });
        types.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> model.select(b.intValue()));
        model.selectedProperty().addListener((o, a, b) -> select(types, b.intValue()));
        // replacing the edited request type in the list clears the list's selection: put it back
        model.types().addListener((ListChangeListener<RequestType>)
                c -> select(types, model.selectedProperty().get()));
        select(types, model.selectedProperty().get());
        Button add = new Button("+ Request type");
        add.setOnAction(e -> model.addNew());
        Button remove = new Button("Remove");
        remove.setOnAction(e -> model.removeSelected());
        Label title = new Label("Workload");
        title.getStyleClass().add("section-title");
        HBox bar = new HBox(8, title, add, remove);
        bar.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(bar, types, new RequestFormView(model, results.invalidFields()), errors(results));
    }

    private static void select(ListView<RequestType> types, int i) {
        if (i >= 0 && i < types.getItems().size() && types.getSelectionModel().getSelectedIndex() != i) {
            types.getSelectionModel().select(i);
        }
    }

    private static VBox errors(ScenarioResults results) {
        VBox box = new VBox(2);
        box.setId("scenario-errors");
        Runnable fill = () -> box.getChildren()
                .setAll(results.errors().stream()
                        .map(m -> {
                            Label l = new Label(m);
                            l.setStyle("-fx-text-fill: #c0392b;");
                            l.setWrapText(true);
                            return l;
                        })
                        .toList());
        results.errors().addListener((ListChangeListener<String>) c -> fill.run());
        fill.run();
        return box;
    }
}
