// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.cost.Money;
import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.LabStore;
import dev.costbench.model.lab.judge.Judge;
import dev.costbench.model.lab.judge.JudgeEstimate;
import dev.costbench.model.lab.judge.JudgeListener;
import dev.costbench.model.lab.judge.JudgeProgress;
import dev.costbench.model.lab.judge.JudgeResult;
import dev.costbench.model.lab.judge.JudgeRun;
import dev.costbench.model.lab.judge.JudgeSpec;
import dev.costbench.model.lab.run.ClientSource;
import java.util.function.Consumer;
import javafx.application.Platform;
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
 * "Judge…" on an existing experiment: pick the judge model and rubric, see what judging the outputs without a score
 * will cost, then judge them with a progress bar and Cancel. The judge becomes the experiment's judge (its scores
 * are the ones the results show).
 */
final class JudgeDialog {

    private final Stage stage = new Stage();
    private final LabStore store;
    private final Catalog catalog;
    private final ClientSource clients;
    private final long experimentId;
    private final Consumer<JudgeResult> onDone;
    private final JudgeEditor editor;
    private final Label estimate = new Label();
    private final Label error = new Label();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label progressText = new Label();
    private final Button start = new Button("Judge ▶");
    private final Button cancel = new Button("Cancel");
    private volatile JudgeRun run;

    JudgeDialog(Window owner, LabStore store, Catalog catalog, ClientSource clients, Experiment e,
                Consumer<JudgeResult> onDone) {
        this.store = store;
        this.catalog = catalog;
        this.clients = clients;
        this.experimentId = e.id();
        this.onDone = onDone;
        editor = new JudgeEditor(catalog, "dialog-judge", false);
        JudgeSpec current = QualityStore.read(e).judge();
        if (current != null) {
            editor.set(current);
        }
        editor.onChange(this::refreshEstimate);
        estimate.setId("judge-estimate");
        estimate.setWrapText(true);
        error.setId("judge-error");
        error.setWrapText(true);
        error.setStyle("-fx-text-fill: #c0392b;");
        progress.setId("judge-progress");
        progress.setPrefWidth(260);
        progressText.setId("judge-progress-text");
        start.setId("judge-start");
        start.setDefaultButton(true);
        start.setOnAction(x -> start());
        cancel.setId("judge-cancel");
        cancel.setDisable(true);
        cancel.setOnAction(x -> {
            if (run != null) {
                run.cancel();
            }
        });
        Button close = new Button("Close");
        close.setOnAction(x -> stage.close());
        Button refresh = new Button("Estimate");
        refresh.setOnAction(x -> refreshEstimate());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8, refresh, start, progress, progressText, gap, cancel, close);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label intro = new Label("Scores each output of “" + e.name() + "” that has no score by this judge yet. The "
                + "judge's calls are billed and counted apart from the trials.");
        intro.setWrapText(true);
        VBox root = new VBox(8, intro, editor, estimate, bar, error);
        root.setPadding(new Insets(12));
        root.setPrefWidth(760);
        Scene scene = new Scene(root);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, k -> {
            if (k.getCode() == KeyCode.ESCAPE) {
                if (run != null && !run.isFinished()) {
                    run.cancel();
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
        stage.setOnHidden(x -> {
            if (run != null && !run.isFinished()) {
                run.cancel();
            }
        });
        refreshEstimate();
    }

    void show() {
        stage.show();
    }

    Stage stage() {
        return stage;
    }

    private Judge judge() {
        return new Judge(store, clients, id -> catalog.find(id));
    }

    private void refreshEstimate() {
        error.setText("");
        try {
            JudgeSpec s = editor.spec();
            JudgeEstimate e = judge().estimate(experimentId, s);
            estimate.setText(e.calls() == 0 ? "Every output already has a score by " + s.model() + "."
                    : "Estimated cost: " + e.text() + (s.budgetUsd() == null ? "" : "; the judge stops before its "
                    + JudgeEditor.cap(s.budgetUsd()) + " cap"));
        } catch (RuntimeException ex) {
            estimate.setText("");
            error.setText(ex.getMessage());
        }
    }

    /** Stores the judge as the experiment's and starts judging. */
    void start() {
        error.setText("");
        JudgeSpec s;
        try {
            s = editor.spec();
            QualityStore.update(store, experimentId, q -> q.withJudge(s));
            run = judge().start(experimentId, s, null, new JudgeListener() {
                @Override
                public void progress(JudgeProgress p) {
                    Platform.runLater(() -> {
                        progress.setProgress(p.fraction());
                        progressText.setText(JudgeEditor.progressText(p));
                        if (p.lastError() != null) {
                            error.setText(p.lastError());
                        }
                    });
                }

                @Override
                public void finished(JudgeResult r) {
                    Platform.runLater(() -> {
                        start.setDisable(false);
                        cancel.setDisable(true);
                        progressText.setText(r.message());
                        onDone.accept(r);
                    });
                }
            });
        } catch (RuntimeException ex) {
            error.setText(ex.getMessage());
            return;
        }
        start.setDisable(true);
        cancel.setDisable(false);
    }

    boolean finished() {
        return run != null && run.isFinished();
    }
}
