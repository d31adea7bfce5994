// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/** Real dialogs, owned by the main window. Call on the FX thread. */
public final class FxDialogService implements DialogService {

    private final Supplier<Window> owner;
    private File lastDirectory;

    /** @param owner the window dialogs belong to (may return null before the window shows) */
    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public void error(String headline, String detail) {
        alert(Alert.AlertType.ERROR, "Error", headline, detail).showAndWait();
    }

    @Override
    public void warning(String headline, String detail) {
        alert(Alert.AlertType.WARNING, "Warning", headline, detail).showAndWait();
    }

    @Override
    public void info(String headline, String detail) {
        alert(Alert.AlertType.INFORMATION, "CostBench", headline, detail).show();
    }

    @Override
    public void showText(String title, String headline, String text) {
        TextArea area = new TextArea(text);
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefSize(820, 520);
        Alert a = alert(Alert.AlertType.INFORMATION, title, headline, null);
        a.getDialogPane().setContent(area);
        a.setResizable(true);
        a.show();
    }

    @Override
    public boolean confirm(String headline, String detail, String confirmLabel) {
        ButtonType yes = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        Alert a = alert(Alert.AlertType.CONFIRMATION, "Confirm", headline, detail);
        a.getButtonTypes().setAll(yes, ButtonType.CANCEL);
        return a.showAndWait().filter(yes::equals).isPresent();
    }

    @Override
    public Optional<Set<Integer>> review(Review review) {
        return FxReviewDialog.show(owner.get(), review);
    }

    @Override
    public Optional<Integer> choose(String headline, String detail, List<String> options) {
        // The options as a column of radio buttons (their labels can be long: "Restore the newest backup (…)"),
        // the first chosen; OK takes the one chosen, Cancel or closing the window none.
        Dialog<Integer> d = new Dialog<>();
        d.initOwner(owner.get());
        d.setTitle("CostBench");
        d.setHeaderText(headline);
        ToggleGroup group = new ToggleGroup();
        VBox box = new VBox(8);
        Label text = new Label(detail);
        text.setWrapText(true);
        text.setMaxWidth(560);
        box.getChildren().add(text);
        for (int i = 0; i < options.size(); i++) {
            RadioButton r = new RadioButton(options.get(i));
            r.setUserData(i);
            r.setToggleGroup(group);
            r.setWrapText(true);
            r.setMaxWidth(560);
            r.setSelected(i == 0);
            box.getChildren().add(r);
        }
        d.getDialogPane().setContent(box);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.setResultConverter(b -> b == ButtonType.OK && group.getSelectedToggle() != null
                ? (Integer) group.getSelectedToggle().getUserData()
                : null);
        return d.showAndWait();
    }

    @Override
    public Optional<Set<Integer>> chooseMany(
            String headline, String detail, List<String> options, Set<Integer> preselected) {
        // A check box per item in a scrolling column (a catalog has a hundred models); OK takes those ticked.
        Dialog<Set<Integer>> d = new Dialog<>();
        d.initOwner(owner.get());
        d.setTitle("CostBench");
        d.setHeaderText(headline);
        Label text = new Label(detail);
        text.setWrapText(true);
        text.setMaxWidth(560);
        VBox items = new VBox(6);
        List<CheckBox> boxes = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            CheckBox c = new CheckBox(options.get(i));
            c.setSelected(preselected.contains(i));
            c.setMnemonicParsing(false);
            boxes.add(c);
            items.getChildren().add(c);
        }
        ScrollPane scroll = new ScrollPane(items);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(Math.min(360, 26.0 * options.size()));
        d.getDialogPane().setContent(new VBox(10, text, scroll));
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.setResultConverter(b -> {
            if (b != ButtonType.OK) {
                return null;
            }
            Set<Integer> ticked = new TreeSet<>();
            for (int i = 0; i < boxes.size(); i++) {
                if (boxes.get(i).isSelected()) {
                    ticked.add(i);
                }
            }
            return ticked;
        });
        return d.showAndWait();
    }

    @Override
    public Optional<String> askText(String headline, String prompt, String initial) {
        TextInputDialog d = new TextInputDialog(initial == null ? "" : initial);
        d.initOwner(owner.get());
        d.setTitle("CostBench");
        d.setHeaderText(headline);
        d.setContentText(prompt);
        return d.showAndWait();
    }

    @Override
    public Optional<char[]> askSecret(String headline, String prompt) {
        Dialog<char[]> d = new Dialog<>();
        d.initOwner(owner.get());
        d.setTitle("CostBench");
        d.setHeaderText(headline);
        PasswordField field = new PasswordField();
        field.setId("passphrase");
        field.setPromptText(prompt);
        d.getDialogPane().setContent(field);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.setResultConverter(b -> b == ButtonType.OK ? field.getText().toCharArray() : null);
        Platform.runLater(field::requestFocus);
        return d.showAndWait();
    }

    @Override
    public Optional<Path> openFile(String title, FileKind... kinds) {
        File f = chooser(title, kinds).showOpenDialog(owner.get());
        return Optional.ofNullable(remember(f)).map(File::toPath);
    }

    @Override
    public List<Path> openFiles(String title, FileKind... kinds) {
        List<File> files = chooser(title, kinds).showOpenMultipleDialog(owner.get());
        if (files == null || files.isEmpty()) {
            return List.of();
        }
        remember(files.get(0));
        return files.stream().map(File::toPath).toList();
    }

    @Override
    public Optional<Path> saveFile(String title, String suggestedName, FileKind... kinds) {
        FileChooser fc = chooser(title, kinds);
        fc.setInitialFileName(suggestedName);
        return Optional.ofNullable(remember(fc.showSaveDialog(owner.get()))).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFolder(String title) {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle(title);
        if (lastDirectory != null && lastDirectory.isDirectory()) {
            dc.setInitialDirectory(lastDirectory);
        }
        File d = dc.showDialog(owner.get());
        if (d != null) {
            lastDirectory = d;
        }
        return Optional.ofNullable(d).map(File::toPath);
    }

    @Override
    public void notify(String message) {
        Window w = owner.get();
        if (w == null) {
            return;
        }
        Notifications.create()
                .owner(w)
                .text(message)
                .position(Pos.BOTTOM_RIGHT)
                .hideAfter(Duration.seconds(4))
                .hideCloseButton()
                .show();
    }

    private Alert alert(Alert.AlertType type, String title, String headline, String detail) {
        Alert a = new Alert(type, detail == null ? "" : detail);
        a.initOwner(owner.get());
        a.setTitle(title);
        a.setHeaderText(headline);
        a.setResizable(true);
        a.getDialogPane().setMinWidth(480);
        return a;
    }

    private FileChooser chooser(String title, FileKind... kinds) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        for (FileKind k : kinds) {
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(k.description(), k.patterns()));
        }
        if (lastDirectory != null && lastDirectory.isDirectory()) {
            fc.setInitialDirectory(lastDirectory);
        }
        return fc;
    }

    private File remember(File f) {
        if (f != null) {
            lastDirectory = f.getParentFile();
        }
        return f;
    }
}
