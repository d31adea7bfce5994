// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.prompt.Role;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The few-shot turns' editors: role, text, move up/down and remove; rebuilt when turns are added or moved. */
final class TurnsBox extends VBox {

    private final PromptViewModel vm;
    private final CacheMarks marks;
    private final PromptView.Drops drops;

    TurnsBox(PromptViewModel vm, CacheMarks marks, PromptView.Drops drops) {
        super(6);
        this.vm = vm;
        this.marks = marks;
        this.drops = drops;
        vm.turns().addListener((ListChangeListener<Turn>) c -> {
            while (c.next()) {
                if (!c.wasUpdated()) { // typing in a turn is an update: rebuilding would take the editor away
                    rebuild();
                    return;
                }
            }
        });
        rebuild();
    }

    private void rebuild() {
        getChildren().clear();
        if (vm.turns().isEmpty()) {
            Label none = new Label("No examples. Few-shot examples are sent with every request and often cost "
                    + "more than the question itself.");
            none.setWrapText(true);
            none.getStyleClass().add("text-muted");
            getChildren().add(none);
            return;
        }
        for (Turn t : vm.turns()) {
            ComboBox<Role> role = new ComboBox<>();
            role.getItems().setAll(Role.USER, Role.ASSISTANT);
            role.setConverter(new StringConverter<>() {
                @Override
                public String toString(Role r) {
                    return r == null ? "" : r == Role.USER ? "User" : r == Role.ASSISTANT ? "Assistant" : "System";
                }

                @Override
                public Role fromString(String s) {
                    return "Assistant".equals(s) ? Role.ASSISTANT : Role.USER;
                }
            });
            role.valueProperty().bindBidirectional(t.roleProperty());
            PromptEditor text = new PromptEditor(
                    "turn-" + vm.turns().indexOf(t),
                    t.roleProperty().get() == Role.USER ? "Example question" : "Example answer",
                    t.textProperty());
            text.setPrefHeight(80);
            text.getStyleClass().add("turn-text");
            text.enableCacheMarks(marks, t.key());
            drops.accept(text, t.textProperty());
            Button up = small("↑", "Move up", () -> vm.moveTurn(t, -1));
            Button down = small("↓", "Move down", () -> vm.moveTurn(t, +1));
            Button remove = small("✕", "Remove this turn", () -> vm.removeTurn(t));
            VBox side = new VBox(4, role, new HBox(4, up, down, remove));
            HBox row = new HBox(6, side, text);
            HBox.setHgrow(text, Priority.ALWAYS);
            getChildren().add(row);
        }
    }

    private static Button small(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setAccessibleText(tip); // a screen reader says "Move up", not "↑"
        b.setOnAction(e -> action.run());
        b.getStyleClass().add("small");
        return b;
    }
}
