// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.LabStore;
import dev.costbench.model.lab.stats.ExperimentData;
import dev.costbench.model.lab.stats.ExperimentResults;
import dev.costbench.model.lab.stats.LabResults;
import dev.costbench.model.lab.stats.RunComparison;
import dev.costbench.model.lab.stats.StatsOptions;
import dev.costbench.ui.common.TaskExecutor;
import dev.costbench.ui.common.UiContext;
import dev.costbench.ui.common.ViewModel;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Two runs side by side: per variant × model the change from the earlier to the later run in cost per call, tokens,
 * latency p50 and quality, each with its 95 % interval (unpaired), computed off the UI thread; a newer comparison
 * replaces one not yet computed.
 */
public final class CompareViewModel implements ViewModel {

    static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    /** A comparison and the runs it compares, the earlier first. */
    public record Shown(RunComparison comparison, Experiment earlier, Experiment later) {}

    private final TaskExecutor.Lane lane;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyObjectWrapper<Shown> shown = new ReadOnlyObjectWrapper<>(this, "shown");

    public CompareViewModel(UiContext ui) {
        this.lane = ui.tasks().lane("A/B compare runs");
    }

    /** Analyses both experiments in the background; the earlier one is the one created first. */
    public void compare(LabStore store, Experiment a, Experiment b) {
        Experiment earlier = a.created().isAfter(b.created()) ? b : a;
        Experiment later = earlier == a ? b : a;
        title.set("Compare #" + earlier.id() + " " + earlier.name() + " (" + WHEN.format(earlier.created()) + ")  →  #"
                + later.id() + " " + later.name() + " (" + WHEN.format(later.created()) + ")");
        status.set("Comparing…");
        shown.set(null);
        lane.task(p -> {
                    StatsOptions o = StatsOptions.defaults();
                    ExperimentData d1 = ExperimentData.load(store, earlier.id());
                    ExperimentData d2 = ExperimentData.load(store, later.id());
                    ExperimentResults r1 =
                            LabResults.analyze(d1, earlier.settings().extraJson(), o);
                    ExperimentResults r2 =
                            LabResults.analyze(d2, later.settings().extraJson(), o);
                    return RunComparison.compare(d1, r1, d2, r2, o);
                })
                .onSuccess(c -> {
                    long significant = c.rows().stream()
                            .filter(r ->
                                    r.change(RunComparison.Metric.COST_PER_CALL).significant())
                            .count();
                    status.set(c.rows().size() + " variant × model rows; the cost per call changed significantly in "
                            + significant + ".");
                    shown.set(new Shown(c, earlier, later));
                })
                .onFailure(e -> status.set("Cannot compare these runs: " + UiContext.describe(e) + ". Open each one to "
                        + "check that its trials can be read."))
                .start();
    }

    @Override
    public void close() {
        lane.close();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The comparison computed (null while comparing). */
    public ReadOnlyObjectProperty<Shown> shownProperty() {
        return shown.getReadOnlyProperty();
    }
}
