// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.scenario;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The bar above the planner: pick a scenario, start one from questions, save, duplicate, rename, export, compare. */
final class ScenarioToolbar extends HBox {

    ScenarioToolbar(ScenarioViewModel vm) {
        super(8);
        ScenarioFileActions files = vm.files();
        ScenarioResults results = vm.results();
        ComboBox<String> picker = new ComboBox<>(files.names());
        picker.setId("scenario-picker");
        picker.setConverter(new ScenarioNames());
        picker.setButtonCell(new HeadingCell(vm));
        picker.setPrefWidth(230);
        picker.setValue(files.currentProperty().get());
        files.currentProperty().addListener((o, a, b) -> picker.setValue(b));
        picker.setOnAction(e -> {
            if (!files.open(picker.getValue())) { // Cancel: the open scenario stays, and so does the picker
                picker.setValue(files.currentProperty().get());
            }
        });
        ComboBox<String> compare = new ComboBox<>(files.names());
        compare.setId("scenario-compare");
        compare.setPromptText("Compare with…");
        compare.setConverter(new ScenarioNames());
        compare.setPrefWidth(170);
        compare.valueProperty().bindBidirectional(results.compareProperty());
        Button closeCompare = new Button("✕");
        closeCompare.setId("scenario-compare-close");
        closeCompare.setTooltip(new Tooltip("Close the comparison"));
        closeCompare.visibleProperty().bind(results.comparingProperty());
        closeCompare.managedProperty().bind(results.comparingProperty());
        closeCompare.setOnAction(e -> results.compareProperty().set(null));
        Button start = new Button("New from questions…");
        start.setTooltip(new Tooltip("Four questions about the workload pre-select the levers that apply to it"));
        start.setOnAction(e -> files.newFromQuestions());
        Button save = new Button("Save");
        save.setId("scenario-save");
        save.setOnAction(e -> files.save());
        Button dup = new Button("Duplicate");
        dup.setOnAction(e -> files.duplicate());
        Button rename = new Button("Rename…");
        rename.setOnAction(e -> files.rename());
        Button export = new Button("Export report…");
        export.setId("scenario-export");
        export.setTooltip(new Tooltip("HTML with the waterfall chart, CSV or JSON"));
        export.setOnAction(e -> files.exportReport());
        CheckBox rates = new CheckBox("Use my rates");
        rates.setId("scenario-use-my-rates");
        rates.setTooltip(
                new Tooltip("Apply your rate card (Rates tab) to every bill: a \"Rate card\" line shows what it "
                        + "saves or adds. Off: list prices"));
        rates.selectedProperty().bindBidirectional(vm.useMyRatesProperty());
        for (Region r : new Region[] {start, save, dup, rename, export, rates}) {
            r.setMinWidth(Region.USE_PREF_SIZE); // at 1280 px the two pickers give way, never a button's name
        }
        Region sp = new Region();
        HBox.setHgrow(sp, Priority.ALWAYS);
        getChildren()
                .addAll(
                        new Label("Scenario"),
                        picker,
                        start,
                        save,
                        dup,
                        rename,
                        export,
                        rates,
                        sp,
                        compare,
                        closeCompare);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(8, 10, 8, 10));
    }

    /** The picker's face: the open scenario's name with the dirty marker ("• Video moderation — …"). */
    private static final class HeadingCell extends ListCell<String> {
        private final ScenarioViewModel vm;

        HeadingCell(ScenarioViewModel vm) {
            this.vm = vm;
            vm.headingProperty().addListener((o, a, b) -> setText(b));
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(vm.headingProperty().get());
            setTooltip(new Tooltip(vm.headingProperty().get()));
        }
    }
}
