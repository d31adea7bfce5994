// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.common;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Shows a {@link Form} as a dialog: the check boxes first, then the other fields in a grid. Call on the FX thread. */
public final class FxFormDialogs implements FormDialogs {

    private final Supplier<Window> owner;

    /** @param owner the window the dialog belongs to (may return null) */
    public FxFormDialogs(Supplier<Window> owner) {
        this.owner = owner;
    }

    /** Dialogs owned by the window that has the focus. */
    public static FxFormDialogs ownedByFocusedWindow() {
        return new FxFormDialogs(() -> Window.getWindows().stream()
                .filter(Window::isFocused)
                .findFirst()
                .orElse(null));
    }

    @Override
    public Optional<Map<String, String>> ask(Form form) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner.get());
        d.setTitle(form.title() == null ? "CostBench" : form.title());
        d.setHeaderText(form.headline());
        Map<String, Supplier<String>> values = new LinkedHashMap<>();
        VBox box = new VBox(8);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        int row = 0;
        for (Form.Field f : form.fields()) {
            switch (f.kind()) {
                case CHECK -> {
                    CheckBox c = new CheckBox(f.label());
                    c.setId("form-" + f.key());
                    c.setSelected(Boolean.parseBoolean(f.initial()));
                    box.getChildren().add(c);
                    values.put(f.key(), () -> Boolean.toString(c.isSelected()));
                }
                case TEXT -> {
                    TextField t = new TextField(f.initial());
                    t.setId("form-" + f.key());
                    grid.addRow(row++, new Label(f.label()), t);
                    values.put(f.key(), t::getText);
                }
                case CHOICE -> {
                    ComboBox<String> c = new ComboBox<>(FXCollections.observableArrayList(f.choices()));
                    c.setId("form-" + f.key());
                    c.setEditable(true);
                    c.setValue(f.initial());
                    grid.addRow(row++, new Label(f.label()), c);
                    values.put(f.key(), () -> c.getEditor().getText());
                }
            }
        }
        if (row > 0) {
            box.getChildren().add(grid);
        }
        d.getDialogPane().setContent(box);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        if (d.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) {
            return Optional.empty();
        }
        Map<String, String> answers = new LinkedHashMap<>();
        values.forEach((k, v) -> answers.put(k, v.get()));
        return Optional.of(answers);
    }
}
