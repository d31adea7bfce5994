// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.lab.judge.JudgeSpec;
import dev.costbench.ui.common.DisabledReason;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The window of a {@link JudgeViewModel}: the judge model and rubric, the estimate, Judge ▶ with a progress bar, and
 * Cancel (also Esc; closing the window cancels a judging in progress).
 */
final class JudgeDialog {

    private final Stage stage = new Stage();

    JudgeDialog(Window owner, Catalog catalog, JudgeViewModel vm) {
        JudgeEditor editor = new JudgeEditor(catalog, "dialog-judge", false);
        JudgeSpec current = vm.stored();
        if (current != null) {
            editor.set(current);
        }
        editor.onChange(() -> vm.estimate(editor::spec));
        Label estimate = label("judge-estimate", vm.estimateProperty());
        Label error = label("judge-error", vm.errorProperty());
        error.setStyle("-fx-text-fill: #c0392b;");
        ProgressBar progress = new ProgressBar(0);
        progress.setId("judge-progress");
        progress.setPrefWidth(260);
        progress.progressProperty().bind(vm.progressProperty());
        Label progressText = label("judge-progress-text", vm.progressTextProperty());
        Button start = new Button("Judge ▶");
        start.setId("judge-start");
        start.setDefaultButton(true);
        start.setOnAction(x -> vm.start(editor::spec));
        DisabledReason.bind(start, vm.startBlockedReason());
        Button cancel = new Button("Cancel");
        cancel.setId("judge-cancel");
        DisabledReason.bind(cancel, vm.cancelBlockedReason());
        cancel.setOnAction(x -> vm.cancel());
        Button close = new Button("Close");
        close.setOnAction(x -> stage.close());
        Button refresh = new Button("Estimate");
        refresh.setOnAction(x -> vm.estimate(editor::spec));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8, refresh, start, progress, progressText, gap, cancel, close);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label intro = new Label("Scores each output of “" + vm.experiment().name() + "” that has no score by this "
                + "judge yet. The judge's calls are billed and counted apart from the trials.");
        intro.setWrapText(true);
        VBox root = new VBox(8, intro, editor, estimate, bar, error);
        root.setPadding(new Insets(12));
        root.setPrefWidth(760);
        Scene scene = new Scene(root);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, k -> {
            if (k.getCode() == KeyCode.ESCAPE) {
                if (vm.runningProperty().get()) {
                    vm.cancel();
                } else {
                    stage.close();
                }
                k.consume();
            }
        });
        stage.setScene(scene);
        stage.setTitle("Judge the outputs");
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setOnHidden(x -> vm.cancel());
        vm.estimate(editor::spec);
    }

    private static Label label(String id, ObservableValue<String> text) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.textProperty().bind(text);
        return l;
    }

    void show() {
        stage.show();
    }
}
