// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.scenario;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The lever stack: "+ Lever", "Remove last", and per lever its toggle, slider, monthly saving and error. */
final class LeversPane extends VBox {

    LeversPane(LeversModel model) {
        super(6);
        Label title = new Label("Levers (applied top to bottom)");
        title.getStyleClass().add("section-title");
        MenuButton add = new MenuButton("+ Lever");
        add.setId("add-lever");
        for (String kind : model.kinds()) {
            MenuItem mi = new MenuItem(kind);
            mi.setOnAction(e -> model.add(kind));
            add.getItems().add(mi);
        }
        Button removeLast = new Button("Remove last");
        removeLast.setOnAction(e -> model.removeLast());
        HBox bar = new HBox(8, title, add, removeLast);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox rows = new VBox(4);
        Runnable fill = () -> rows.getChildren()
                .setAll(model.rows().stream().map(LeversPane::row).toList());
        model.rows().addListener((ListChangeListener<LeverRow>) c -> fill.run());
        fill.run();
        getChildren().addAll(bar, rows);
    }

    /** TTL and requests per hour of an explicit (Gemini) cache; empty fields take the defaults. */
    private static HBox explicitCache(LeverRow r) {
        TextField ttl = new TextField();
        ttl.setId("lever-ttl-" + r.id());
        ttl.setPromptText("1");
        ttl.setPrefColumnCount(4);
        ttl.textProperty().bindBidirectional(r.ttlHoursProperty());
        TextField perHour = new TextField();
        perHour.setId("lever-rate-" + r.id());
        perHour.setPromptText("workload's");
        perHour.setPrefColumnCount(7);
        perHour.textProperty().bindBidirectional(r.requestsPerHourProperty());
        Label ttlLabel = new Label("Explicit cache TTL (h)");
        ttlLabel.setLabelFor(ttl);
        Label rateLabel = new Label("requests/h");
        rateLabel.setLabelFor(perHour);
        HBox box = new HBox(6, ttlLabel, ttl, rateLabel, perHour);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(0, 0, 0, 24));
        Tooltip.install(
                box,
                new Tooltip(
                        "Models whose cache is explicit and stored per token-hour (Gemini) bill its storage for the "
                                + "TTL; the requests per hour share it. Empty: 1 hour and the request type's own rate. Other "
                                + "models ignore these."));
        return box;
    }

    private static VBox row(LeverRow r) {
        CheckBox on = new CheckBox(r.label());
        on.setId("lever-" + r.id());
        on.setTooltip(new Tooltip(r.tooltip()));
        on.selectedProperty().bindBidirectional(r.enabledProperty());
        Label saving = new Label();
        saving.setId("lever-saving-" + r.id());
        saving.getStyleClass().add("muted");
        saving.textProperty().bind(r.savingProperty());
        Tooltip notes = new Tooltip();
        notes.textProperty().bind(r.notesProperty());
        r.notesProperty().addListener((o, a, b) -> saving.setTooltip(b.isEmpty() ? null : notes));
        saving.setTooltip(r.notesProperty().get().isEmpty() ? null : notes);
        Region sp = new Region();
        HBox.setHgrow(sp, Priority.ALWAYS);
        HBox top = new HBox(6, on, sp, saving);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox row = new VBox(2, top);
        if (r.hasKnob()) {
            Slider s = new Slider(r.knobMin(), r.knobMax(), r.valueProperty().get());
            s.setId("slider-" + r.id());
            s.setPrefWidth(220);
            s.valueProperty().bindBidirectional(r.valueProperty());
            Label v = new Label();
            v.textProperty().bind(r.valueTextProperty());
            HBox knob = new HBox(6, new Label(r.knobName()), s, v);
            knob.setAlignment(Pos.CENTER_LEFT);
            knob.setPadding(new Insets(0, 0, 0, 24));
            row.getChildren().add(knob);
        }
        if (r.takesExplicitCache()) {
            row.getChildren().add(explicitCache(r));
        }
        if (r.showsNotes()) {
            Label said = new Label();
            said.setId("lever-notes-" + r.id());
            said.setWrapText(true);
            said.getStyleClass().add("muted");
            said.setPadding(new Insets(0, 0, 0, 24));
            said.textProperty().bind(r.notesProperty());
            said.managedProperty().bind(r.notesProperty().isNotEmpty());
            said.visibleProperty().bind(r.notesProperty().isNotEmpty());
            row.getChildren().add(said);
        }
        Label err = new Label();
        err.setId("lever-error-" + r.id());
        err.setStyle("-fx-text-fill: #c0392b;");
        err.textProperty().bind(r.errorProperty());
        err.managedProperty().bind(r.errorProperty().isNotEmpty());
        row.getChildren().add(err);
        return row;
    }
}
