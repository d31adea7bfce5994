// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.tools.ToolCut;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Tune tab's schema-pruning cuts: remove a tool or shorten its descriptions, each with what it saves on the
 * selected model and Apply, and Undo / Undo all for the tools. Shown only while there are tools. Binds
 * {@link ToolsViewModel}.
 */
final class ToolCutsBox extends VBox {

    private final ToolsViewModel vm;
    private final VBox lines = new VBox(6);

    ToolCutsBox(ToolsViewModel vm) {
        super(6);
        this.vm = vm;
        setId("tune-tool-cuts");
        Button undo = new Button("Undo");
        undo.setOnAction(e -> vm.undo());
        undo.disableProperty().bind(vm.canUndoProperty().not());
        Button undoAll = new Button("Undo all");
        undoAll.setOnAction(e -> vm.undoAll());
        undoAll.disableProperty().bind(vm.canUndoProperty().not());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(
                6,
                DiffPane.title("Tool definitions — sent with every request (schema pruning)"),
                spacer,
                undo,
                undoAll);
        head.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(head, lines);
        vm.cuts().addListener((ListChangeListener<ToolCut>) c -> show());
        managedProperty().bind(visibleProperty());
        show();
    }

    private void show() {
        lines.getChildren().clear();
        setVisible(!vm.cuts().isEmpty() || vm.canUndoProperty().get());
        for (ToolCut c : vm.cuts()) {
            Label title = new Label(c.title());
            title.setWrapText(true);
            Label save = new Label("saves " + (c.exact() ? "" : "≈") + String.format("%,d", c.tokensSaved())
                    + " tokens · " + ToolsViewModel.money(c.usdPerRequest()) + " per request · "
                    + ToolsViewModel.money(c.usdPerMonth()) + " a month");
            save.getStyleClass().add("muted");
            VBox text = new VBox(1, title, save);
            HBox.setHgrow(text, Priority.ALWAYS);
            Label tag = new Label("Tools");
            tag.getStyleClass().add("tune-part-tag");
            tag.setMinWidth(Region.USE_PREF_SIZE);
            Button apply = new Button("Apply");
            apply.getStyleClass().add("tune-apply");
            apply.setMinWidth(Region.USE_PREF_SIZE);
            apply.setOnAction(e -> vm.apply(c));
            HBox line = new HBox(8, tag, text, apply);
            line.setAlignment(Pos.CENTER_LEFT);
            lines.getChildren().add(line);
        }
    }
}
