// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.tools.ToolChoice;
import dev.costbench.model.tools.ToolMeter;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The Prompt view's Tools tab: the tool meter on the selected model as a table (most expensive first), how it was
 * counted, the request's tool choice, and the cuts on the selected tool (Remove, Shorten descriptions) with Undo and
 * Undo all. The tools JSON itself is edited in the editor's Tools section ({@link ToolsEditor}). Lays out and binds
 * only.
 */
final class ToolsPane extends VBox {

    private final ToolsViewModel vm;
    private final TableView<ToolMeter.Row> table = new TableView<>();

    ToolsPane(ToolsViewModel vm) {
        super(6);
        this.vm = vm;
        setId("tools-pane");

        setPadding(new Insets(8, 10, 8, 10));
        Label summary = new Label();
        summary.setId("tools-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());
        Tooltip tip = new Tooltip();
        tip.setWrapText(true);
        tip.setMaxWidth(560);
        tip.textProperty().bind(vm.howCountedProperty());
        Label how = new Label();
        how.getStyleClass().add("text-muted");
        how.textProperty()
                .bind(Bindings.when(vm.howCountedProperty().isEmpty())
                        .then("")
                        .otherwise(Bindings.concat("How counted: ", vm.howCountedProperty())));
        how.managedProperty().bind(vm.howCountedProperty().isNotEmpty());
        how.visibleProperty().bind(how.managedProperty());

        table.setId("tools-meter");
        table.setItems(vm.meter());
        table.setPrefHeight(160);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No tools counted"));
        table.getColumns()
                .setAll(List.of(
                        column("Tool", 150, ToolMeter.Row::tool),
                        column("Tokens", 60, r -> (r.exact() ? "" : "≈") + String.format("%,d", r.tokens())),
                        column("$ / request", 80, r -> ToolsViewModel.money(r.usdPerRequest())),
                        column("$ / month", 80, r -> ToolsViewModel.money(r.usdPerMonth()))));

        Label savings = new Label();
        savings.getStyleClass().add("text-muted");
        savings.setWrapText(true);
        table.getSelectionModel()
                .selectedItemProperty()
                .addListener((o, a, r) -> savings.setText(r == null || r.shared() ? "" : vm.savingsOf(r.tool())));

        Button remove = new Button("Remove tool");
        remove.setId("tools-remove");
        remove.setTooltip(new Tooltip("Remove the selected tool from every request (Undo brings it back)"));
        remove.setOnAction(e -> selectedTool(vm::remove));
        Button shorten = new Button("Shorten descriptions");
        shorten.setId("tools-shorten");
        shorten.setTooltip(new Tooltip(
                "Cut the selected tool's description and argument descriptions to their first " + "sentence"));
        shorten.setOnAction(e -> selectedTool(vm::shorten));
        for (Button b : List.of(remove, shorten)) {
            b.disableProperty()
                    .bind(Bindings.createBooleanBinding(
                            () -> table.getSelectionModel().getSelectedItem() == null
                                    || table.getSelectionModel()
                                            .getSelectedItem()
                                            .shared(),
                            table.getSelectionModel().selectedItemProperty()));
        }
        Button undo = new Button("Undo");
        undo.setId("tools-undo");
        undo.setOnAction(e -> vm.undo());
        undo.disableProperty().bind(vm.canUndoProperty().not());
        Button undoAll = new Button("Undo all");
        undoAll.setOnAction(e -> vm.undoAll());
        undoAll.disableProperty().bind(vm.canUndoProperty().not());
        Button exactly = new Button("Count exactly");
        exactly.setId("tools-count-exactly");
        exactly.setTooltip(
                new Tooltip(
                        "Ask the selected model's provider (Anthropic, Gemini) how many tokens the tools "
                                + "add: the prompt is counted with and without them. Needs the provider's key; free of charge."));
        exactly.setOnAction(e -> vm.countExactly());
        Label exactResult = new Label();
        exactResult.setId("tools-exact");
        exactResult.setWrapText(true);
        if (vm.exact() != null) {
            exactly.disableProperty().bind(vm.exact().runningProperty());
            exactResult.textProperty().bind(vm.exact().resultProperty());
        } else {
            exactly.setDisable(true);
        }
        exactResult.managedProperty().bind(exactResult.textProperty().isNotEmpty());
        exactResult.visibleProperty().bind(exactResult.managedProperty());
        HBox actions = new HBox(6, remove, shorten, undo, undoAll, exactly);
        actions.setAlignment(Pos.CENTER_LEFT);

        how.setTooltip(tip);
        actions.getChildren().add(0, toolChoice());
        savings.managedProperty().bind(savings.textProperty().isNotEmpty());
        getChildren().addAll(actions, summary, how, exactResult, table, savings);
        VBox.setVgrow(table, Priority.ALWAYS);
    }

    private ComboBox<ToolChoice> toolChoice() {
        ComboBox<ToolChoice> choice = new ComboBox<>(FXCollections.observableArrayList(ToolChoice.values()));
        choice.valueProperty().bindBidirectional(vm.prompt().toolChoiceProperty());
        choice.setConverter(new StringConverter<>() {
            @Override
            public String toString(ToolChoice c) {
                return c == null ? "" : "tool_choice: " + c.id();
            }

            @Override
            public ToolChoice fromString(String s) {
                return ToolChoice.parse(s.replace("tool_choice: ", ""));
            }
        });
        choice.setTooltip(new Tooltip("The request's tool choice: Anthropic's tool-use system prompt is one size "
                + "for auto and none, another for any and tool"));
        choice.setId("tools-choice");
        return choice;
    }

    private void selectedTool(Consumer<String> action) {
        ToolMeter.Row r = table.getSelectionModel().getSelectedItem();
        if (r != null && !r.shared()) {
            action.accept(r.tool());
        }
    }

    private static TableColumn<ToolMeter.Row, String> column(
            String title, double width, Function<ToolMeter.Row, String> value) {
        TableColumn<ToolMeter.Row, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        return c;
    }
}
