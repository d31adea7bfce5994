// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.cost.Money;
import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.ExperimentStatus;
import dev.costbench.model.lab.LabStore;
import dev.costbench.model.lab.Trial;
import dev.costbench.model.lab.judge.JudgeSpec;
import dev.costbench.model.lab.run.ClientSource;
import dev.costbench.model.lab.run.ExperimentSpec;
import dev.costbench.model.lab.run.Run;
import dev.costbench.model.lab.run.RunListener;
import dev.costbench.model.lab.run.RunPlan;
import dev.costbench.model.lab.run.RunProgress;
import dev.costbench.model.lab.run.RunResult;
import dev.costbench.model.lab.run.Runner;
import dev.costbench.ui.common.Reasons;
import dev.costbench.ui.common.TaskExecutor;
import dev.costbench.ui.common.UiContext;
import dev.costbench.ui.common.ViewModel;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
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
 * One A/B run from the setup: creates (or resumes) the experiment, runs its trials with progress, pause and cancel,
 * then the judge when one is set up. When the run could run nothing at all (no key, say), an error dialog says why
 * and what to do, and the results view gets the same reason in its status line (issue 16).
 */
public final class RunViewModel implements ViewModel {

    /** How a run ended, for the lab: the experiment to show and the line for the results view's status. */
    public record Finished(long experimentId, RunResult result, String status) {}

    private final UiContext ui;
    private final Supplier<LabStore> store;
    private final Supplier<Catalog> catalog;
    private final ClientSource clients;
    private final Consumer<String> error;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper(this, "paused");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyObjectWrapper<Finished> finished = new ReadOnlyObjectWrapper<>(this, "finished");
    private final Queue<String> failures = new ConcurrentLinkedQueue<>();
    private volatile Run run;
    private final AfterRunJudge judge;
    private Consumer<Finished> onFinished = f -> {};

    RunViewModel(
            UiContext ui,
            Supplier<LabStore> store,
            Supplier<Catalog> catalog,
            ClientSource clients,
            Consumer<String> error) {
        this.ui = ui;
        this.store = store;
        this.catalog = catalog;
        this.clients = clients;
        this.error = error;
        this.judge = new AfterRunJudge(ui, store, catalog, clients, error, progress, progressText);
    }

    Runner runner() {
        return new Runner(store.get(), clients, id -> catalog.get().find(id));
    }

    /** Called on the UI thread after every run (and its judge) ended: the lab shows the experiment. */
    public void setOnFinished(Consumer<Finished> c) {
        this.onFinished = c == null ? f -> {} : c;
    }

    /** Stores {@code spec} as a new experiment and runs it (checks placeholders, APIs and media first). */
    void startNew(ExperimentSpec spec) {
        launch(r -> r.create(spec).experimentId(), e -> error.accept(UiContext.describe(e)));
    }

    /**
     * Reruns experiment {@code id}: an interrupted or incomplete one resumes its missing trials; a finished one is
     * duplicated as a new experiment with the same setup.
     */
    void rerun(long id) {
        launch(
                r -> {
                    LabStore s = store.get();
                    Experiment e = s.loadExperiment(id);
                    if (e.status() != ExperimentStatus.DONE) {
                        return id;
                    }
                    ExperimentSpec spec = RunPlan.load(s, id).spec();
                    return r.create(new ExperimentSpec(
                                    spec.name() + " (rerun)",
                                    spec.description(),
                                    spec.variants(),
                                    spec.inputs(),
                                    spec.models(),
                                    spec.repetitions(),
                                    spec.budgetUsd(),
                                    spec.responseCache(),
                                    spec.parameters(),
                                    spec.stream(),
                                    spec.openAiApi(),
                                    spec.quality()))
                            .experimentId();
                },
                e -> {
                    error.accept("Cannot rerun: " + UiContext.describe(e));
                    ui.dialogs().error("Cannot rerun the experiment", UiContext.describe(e));
                });
    }

    private interface Target {
        long experimentId(Runner r);
    }

    private void launch(Target target, Consumer<Throwable> failed) {
        if (running.get()) {
            return;
        }
        failures.clear();
        progress.set(0);
        progressText.set("Starting…");
        running.set(true);
        paused.set(false);
        Runner r = runner();
        ui.tasks()
                .task("A/B run", p -> {
                    Run started = r.start(target.experimentId(r), null, listener(p));
                    run = started;
                    RunResult res = started.await();
                    if (res.lastError() != null) {
                        failures.add(res.lastError());
                    }
                    return new Ended(
                            res,
                            RunProblems.reasons(
                                    RunProblems.nothingRan(res)
                                            ? RunProblems.keyProblems(started, catalog.get(), clients)
                                            : List.of(),
                                    List.copyOf(failures)));
                })
                .onSuccess(this::trialsDone)
                .onFailure(e -> {
                    running.set(false);
                    progressText.set("");
                    failed.accept(e);
                })
                .start();
    }

    /** How the trials ended, and why trials failed or could not run. */
    private record Ended(RunResult result, List<String> reasons) {}

    private RunListener listener(TaskExecutor.Progress p) {
        return new RunListener() {
            @Override
            public void progress(RunProgress rp) {
                p.onUi(() -> {
                    progress.set(rp.fraction());
                    paused.set(rp.state() == RunProgress.State.PAUSED);
                    progressText.set(String.format(
                            Locale.ROOT,
                            "%d of %d · spent %s%s%s",
                            rp.done(),
                            rp.total(),
                            Money.format(rp.spentUsd()),
                            rp.budgetUsd() == null ? "" : " of " + Money.format(rp.budgetUsd()),
                            rp.state() == RunProgress.State.PAUSED ? " · paused" : ""));
                    if (rp.lastError() != null) {
                        error.accept(rp.lastError());
                    }
                });
                if (rp.lastError() != null) {
                    failures.add(rp.lastError());
                }
            }

            @Override
            public void trialRecorded(Trial t) {
                if (!t.succeeded()) {
                    failures.add(t.errorText());
                }
            }
        };
    }

    private void trialsDone(Ended ended) {
        RunResult res = ended.result();
        run = null;
        progressText.set(res.message() == null ? LabWords.outcome(res.outcome()) : res.message());
        JudgeSpec j = judge.of(res.experimentId());
        if (j != null && res.done() > 0 && res.outcome() != RunResult.Outcome.CANCELLED) {
            judge.start(res.experimentId(), j, () -> end(ended));
        } else {
            end(ended);
        }
    }

    private void end(Ended ended) {
        RunResult res = ended.result();
        List<String> reasons = ended.reasons();
        running.set(false);
        paused.set(false);
        if (RunProblems.nothingRan(res)) {
            ui.dialogs().error(RunProblems.HEADLINE, RunProblems.detail(res, reasons));
        }
        Finished f = new Finished(res.experimentId(), res, RunProblems.status(res, reasons));
        finished.set(f);
        onFinished.accept(f);
    }

    /** Pause ↔ Resume of the trials (the judge cannot pause). */
    public void togglePause() {
        Run r = run;
        if (r == null) {
            return;
        }
        if (r.isPaused()) {
            r.resume();
            paused.set(false);
        } else {
            r.pause();
            paused.set(true);
        }
    }

    /** Cancels the judge when it runs, else the trials; what was recorded stays and can be resumed. */
    public void cancel() {
        Run r = run;
        if (!judge.cancel() && r != null) {
            r.cancel();
        }
    }

    @Override
    public void close() {
        cancel();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    /** True while the judge scores the outputs (Pause does not apply). */
    public ReadOnlyBooleanProperty judgingProperty() {
        return judge.judgingProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** The last run that ended (null before). */
    public ReadOnlyObjectProperty<Finished> finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    /** Why Estimate and Run ▶ can do nothing now ("" when they can). */
    public StringBinding startBlockedReason() {
        return Reasons.when(runningProperty(), "An experiment is running: wait for it to finish, or pause it.");
    }
}
