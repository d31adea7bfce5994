// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.lab.LabStore;
import dev.costbench.model.lab.judge.Judge;
import dev.costbench.model.lab.judge.JudgeListener;
import dev.costbench.model.lab.judge.JudgeProgress;
import dev.costbench.model.lab.judge.JudgeResult;
import dev.costbench.model.lab.judge.JudgeRun;
import dev.costbench.model.lab.judge.JudgeSpec;
import dev.costbench.model.lab.run.ClientSource;
import dev.costbench.ui.common.UiContext;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.StringProperty;

/**
 * The judge set up in the form, after a run's trials: it scores every output on the run's progress bar and can be
 * cancelled (not paused).
 */
final class AfterRunJudge {

    private final UiContext ui;
    private final Supplier<LabStore> store;
    private final Supplier<Catalog> catalog;
    private final ClientSource clients;
    private final Consumer<String> error;
    private final DoubleProperty progress;
    private final StringProperty progressText;
    private final ReadOnlyBooleanWrapper judging = new ReadOnlyBooleanWrapper(this, "judging");
    private volatile JudgeRun judgeRun;

    /** @param progress and {@code progressText}: the run's progress bar, which the judge takes over */
    AfterRunJudge(
            UiContext ui,
            Supplier<LabStore> store,
            Supplier<Catalog> catalog,
            ClientSource clients,
            Consumer<String> error,
            DoubleProperty progress,
            StringProperty progressText) {
        this.ui = ui;
        this.store = store;
        this.catalog = catalog;
        this.clients = clients;
        this.error = error;
        this.progress = progress;
        this.progressText = progressText;
    }

    /** The judge stored with experiment {@code experimentId}, or null (none, or its settings cannot be read). */
    JudgeSpec of(long experimentId) {
        try {
            return QualityStore.read(store.get().loadExperiment(experimentId)).judge();
        } catch (RuntimeException e) {
            error.accept("Cannot read the judge: " + UiContext.describe(e));
            return null;
        }
    }

    /** Scores the outputs of experiment {@code experimentId} with {@code j}; {@code then} runs when it ended. */
    void start(long experimentId, JudgeSpec j, Runnable then) {
        progress.set(0);
        judging.set(true);
        Judge judge = new Judge(store.get(), clients, id -> catalog.get().find(id));
        ui.tasks()
                .task("A/B judge", p -> {
                    JudgeRun jr = judge.start(experimentId, j, null, new JudgeListener() {
                        @Override
                        public void progress(JudgeProgress jp) {
                            p.onUi(() -> {
                                progress.set(jp.fraction());
                                progressText.set("Judging: " + JudgeEditor.progressText(jp));
                            });
                        }
                    });
                    judgeRun = jr;
                    return jr.await();
                })
                .onSuccess((JudgeResult r) -> progressText.set("Judge: " + r.message()))
                .onFailure(e -> error.accept("The judge could not start: " + UiContext.describe(e)))
                .always(() -> {
                    judgeRun = null;
                    judging.set(false);
                    then.run();
                })
                .start();
    }

    /** Cancels the judging when it runs; false when there was none to cancel. */
    boolean cancel() {
        JudgeRun j = judgeRun;
        if (j != null && !j.isFinished()) {
            j.cancel();
            return true;
        }
        return false;
    }

    ReadOnlyBooleanProperty judgingProperty() {
        return judging.getReadOnlyProperty();
    }
}
