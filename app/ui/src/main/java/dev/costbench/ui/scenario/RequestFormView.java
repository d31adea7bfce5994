// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.scenario;

import dev.costbench.model.scenario.Volume;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

/** The selected request type's fields, bound to its {@link RequestForm}; a field the model refuses turns red. */
final class RequestFormView extends GridPane {

    private static final String INVALID = "-fx-border-color: #c0392b;";

    /** The fields of a single request (and an agent task's one call), hidden for conversations and retrieval. */
    private static final Set<String> SINGLE_ONLY = Set.of(
            "system",
            "fewShot",
            "user",
            "output",
            "reasoning",
            "images",
            "imageSize",
            "videoHours",
            "videoFps",
            "audioSeconds");

    RequestFormView(RequestTypesModel model, ObservableSet<String> invalid) {
        setHgap(8);
        setVgap(0); // each node gets its own margin, so the hidden rows of the kind sections leave no gap
        setId("request-form");
        RequestForm form = model.form();
        ComboBox<String> modelBox = new ComboBox<>(model.models());
        modelBox.setEditable(true);
        modelBox.setPrefWidth(220);
        modelBox.setId("field-model");
        modelBox.setAccessibleText("Model");
        modelBox.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(String id, boolean empty) {
                super.updateItem(id, empty);
                setText(empty || id == null ? null : model.modelLabel(id));
            }
        });
        // The box shows the model's name and provider; a typed id or a custom model's id is kept as typed.
        modelBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(String id) {
                return model.modelName(id);
            }

            @Override
            public String fromString(String text) {
                return model.modelId(text);
            }
        });
        modelBox.valueProperty().bindBidirectional(form.modelProperty());
        ComboBox<Volume.Period> per = new ComboBox<>(FXCollections.observableArrayList(Volume.Period.values()));
        per.setConverter(new StringConverter<>() {
            @Override
            public String toString(Volume.Period p) {
                return p == null ? "" : p == Volume.Period.DAY ? "day" : "month";
            }

            @Override
            public Volume.Period fromString(String s) {
                return "day".equals(s) ? Volume.Period.DAY : Volume.Period.MONTH;
            }
        });
        per.valueProperty().bindBidirectional(form.perProperty());
        BooleanBinding single =
                form.conversationProperty().or(form.retrievalProperty()).not();
        int row = 0;
        for (Map.Entry<String, String> d : RequestForm.FIELDS.entrySet()) {
            String key = d.getKey();
            if (RequestForm.isAgentField(key)
                    || RequestForm.isConversationField(key)
                    || RequestForm.isRetrievalField(key)) {
                continue; // in the sections of their kind below
            }
            TextField f = field(form, key, invalid);
            f.setAccessibleText(d.getValue()); // screen readers say the row's label
            if (key.equals("volume")) {
                // The field gives way so that "per" and the period stay whole in a narrow column.
                Label perLabel = new Label("per");
                perLabel.setMinWidth(Region.USE_PREF_SIZE);
                per.setMinWidth(Region.USE_PREF_SIZE);
                f.setPrefColumnCount(6);
                HBox.setHgrow(f, Priority.ALWAYS);
                HBox volume = new HBox(6, f, perLabel, per);
                volume.setAlignment(Pos.CENTER_LEFT);
                addRow(row++, new Label(d.getValue()), volume);
            } else {
                Label label = new Label(d.getValue());
                addRow(row++, label, f);
                if (SINGLE_ONLY.contains(key)) {
                    // a conversation or a retrieval query has its own shape in its section below
                    for (Node n : List.of(label, f)) {
                        n.visibleProperty().bind(single);
                        n.managedProperty().bind(single);
                    }
                }
            }
            if (key.equals("name")) {
                addRow(row++, new Label("Model"), modelBox);
            }
        }
        Label media = new Label();
        media.setId("field-media");
        media.setWrapText(true);
        media.textProperty().bind(model.mediaProperty());
        media.setTooltip(new Tooltip("Media per request, from the scenario file (edit it there, or bring a measured "
                + "file from the Media view)"));
        addRow(row++, new Label("Media per request"), media);
        KindFieldsView.addTo(this, row, form, invalid);
        getChildren().forEach(n -> GridPane.setMargin(n, new Insets(2, 0, 2, 0)));
    }

    /** The text field of {@code key}, bound to the form, red while the key is in {@code invalid}. */
    static TextField field(RequestForm form, String key, ObservableSet<String> invalid) {
        TextField f = new TextField();
        f.setId("field-" + key);
        f.setPrefColumnCount(10);
        f.textProperty().bindBidirectional(form.field(key));
        f.setStyle(invalid.contains(key) ? INVALID : "");
        invalid.addListener((SetChangeListener<String>) c -> f.setStyle(invalid.contains(key) ? INVALID : ""));
        return f;
    }
}
