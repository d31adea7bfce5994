// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import dev.costbench.ui.common.DisabledReason;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The setup's Estimate, Run ▶, progress bar and line, Pause / Resume and Cancel, bound to the run's state. */
final class RunBar extends HBox {

    RunBar(SetupViewModel vm) {
        super(8);
        RunViewModel run = vm.runModel();
        Button estimate = new Button("Estimate");
        estimate.setId("lab-estimate");
        estimate.setOnAction(e -> vm.estimate());
        DisabledReason.bind(estimate, run.startBlockedReason());
        Button start = new Button("Run ▶");
        start.setId("lab-run");
        start.setStyle("-fx-font-weight: bold;");
        start.setTooltip(new Tooltip("Runs every cell against the real APIs (billed), within the budget cap"));
        start.setOnAction(e -> vm.run());
        DisabledReason.bind(start, run.startBlockedReason());
        ProgressBar progress = new ProgressBar(0);
        progress.setId("lab-progress");
        progress.setPrefWidth(320);
        progress.progressProperty().bind(run.progressProperty());
        progress.visibleProperty()
                .bind(run.runningProperty().or(run.progressProperty().greaterThan(0)));
        Label text = new Label();
        text.setId("lab-progress-text");
        text.textProperty().bind(run.progressTextProperty());
        Button pause = new Button();
        pause.setId("lab-pause");
        pause.textProperty()
                .bind(Bindings.when(run.pausedProperty()).then("Resume").otherwise("Pause"));
        pause.setOnAction(e -> run.togglePause());
        pause.visibleProperty()
                .bind(run.runningProperty().and(run.judgingProperty().not()));
        Button cancel = new Button("Cancel");
        cancel.setId("lab-cancel");
        cancel.setOnAction(e -> run.cancel());
        cancel.visibleProperty().bind(run.runningProperty());
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(run.progressTextProperty());
        text.setTooltip(whole);
        text.setMinWidth(0); // a long line is shortened, never the buttons
        HBox.setHgrow(text, Priority.SOMETIMES);
        for (Button b : new Button[] {estimate, start, pause, cancel}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        getChildren().addAll(estimate, start, progress, text, pause, cancel);
        setAlignment(Pos.CENTER_LEFT);
    }
}
