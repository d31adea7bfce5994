// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import dev.costbench.model.catalog.Catalog;
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
import dev.costbench.ui.common.Reasons;
import dev.costbench.ui.common.UiContext;
import dev.costbench.ui.common.ViewModel;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * "Judge…" on an existing experiment: what judging the outputs without a score will cost, then the judging with
 * progress and Cancel. The judge becomes the experiment's judge (its scores are the ones the results show).
 */
public final class JudgeViewModel implements ViewModel {

    private final UiContext ui;
    private final LabStore store;
    private final Judge judge;
    private final Experiment experiment;
    private final Consumer<JudgeResult> onDone;
    private final ReadOnlyStringWrapper estimate = new ReadOnlyStringWrapper(this, "estimate", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyObjectWrapper<JudgeResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private volatile JudgeRun run;

    JudgeViewModel(
            UiContext ui,
            LabStore store,
            Catalog catalog,
            ClientSource clients,
            Experiment experiment,
            Consumer<JudgeResult> onDone) {
        this.ui = ui;
        this.store = store;
        this.judge = new Judge(store, clients, catalog::find);
        this.experiment = experiment;
        this.onDone = onDone;
    }

    /** The experiment's judge as stored, or null. */
    public JudgeSpec stored() {
        return QualityStore.read(experiment).judge();
    }

    public Experiment experiment() {
        return experiment;
    }

    /** Shows what judging with {@code spec} (read from the editor; it may say what is wrong) will cost. */
    public void estimate(Supplier<JudgeSpec> spec) {
        error.set("");
        try {
            JudgeSpec s = spec.get();
            JudgeEstimate e = judge.estimate(experiment.id(), s);
            estimate.set(
                    e.calls() == 0
                            ? "Every output already has a score by " + s.model() + "."
                            : "Estimated cost: " + e.text()
                                    + (s.budgetUsd() == null
                                            ? ""
                                            : "; the judge stops before its " + JudgeEditor.cap(s.budgetUsd())
                                                    + " cap"));
        } catch (RuntimeException ex) {
            estimate.set("");
            error.set(UiContext.describe(ex));
        }
    }

    /** Stores the judge as the experiment's and starts judging. */
    public void start(Supplier<JudgeSpec> spec) {
        if (running.get()) {
            return;
        }
        error.set("");
        JudgeSpec s;
        try {
            s = spec.get();
            QualityStore.update(store, experiment.id(), q -> q.withJudge(s));
        } catch (RuntimeException ex) {
            error.set(UiContext.describe(ex));
            return;
        }
        running.set(true);
        ui.tasks()
                .task("A/B judge", p -> {
                    JudgeRun r = judge.start(experiment.id(), s, null, new JudgeListener() {
                        @Override
                        public void progress(JudgeProgress jp) {
                            p.onUi(() -> {
                                progress.set(jp.fraction());
                                progressText.set(JudgeEditor.progressText(jp));
                                if (jp.lastError() != null) {
                                    error.set(jp.lastError());
                                }
                            });
                        }
                    });
                    run = r;
                    return r.await();
                })
                .onSuccess(r -> {
                    progressText.set(r.message());
                    result.set(r);
                    onDone.accept(r);
                })
                .onFailure(e -> error.set("The judge could not start: " + UiContext.describe(e)))
                .always(() -> {
                    run = null;
                    running.set(false);
                })
                .start();
    }

    /** Cancels the judging; the scores recorded are kept, the outputs left keep no score. */
    public void cancel() {
        JudgeRun r = run;
        if (r != null && !r.isFinished()) {
            r.cancel();
        }
    }

    @Override
    public void close() {
        cancel();
    }

    public ReadOnlyStringProperty estimateProperty() {
        return estimate.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** How the last judging ended (null before). */
    public ReadOnlyObjectProperty<JudgeResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Why Judge ▶ can do nothing now ("" when it can). */
    public StringBinding startBlockedReason() {
        return Reasons.when(runningProperty(), "The judge is running: wait for it to finish, or press Cancel.");
    }

    /** Why Cancel can do nothing now ("" when it can). */
    public StringBinding cancelBlockedReason() {
        return Reasons.when(runningProperty().not(), "Nothing to cancel: the judge is not running.");
    }
}
