// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.LabStore;
import dev.costbench.model.lab.stats.ExperimentData;
import dev.costbench.model.lab.stats.ExperimentResults;
import dev.costbench.model.lab.stats.LabResults;
import dev.costbench.model.lab.stats.RunComparison;
import dev.costbench.model.lab.stats.StatsOptions;
import dev.costbench.model.ratecard.RateCard;
import dev.costbench.ui.common.TaskExecutor;
import dev.costbench.ui.common.UiContext;
import dev.costbench.ui.common.ViewModel;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
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
    private final LabRates rates;
    private LabStore lastStore;
    private Experiment lastA;
    private Experiment lastB;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyObjectWrapper<Shown> shown = new ReadOnlyObjectWrapper<>(this, "shown");

    /** Comparing at list price only (no catalog for "Use my rates"). */
    public CompareViewModel(UiContext ui) {
        this(ui, null);
    }

    /** @param catalog the models for "Use my rates" (null: list price only) */
    public CompareViewModel(UiContext ui, Supplier<Catalog> catalog) {
        this.lane = ui.tasks().lane("A/B compare runs");
        this.rates = new LabRates(catalog, this::recompare);
    }

    /** "Use my rates" of the comparison, shared with the results page: both runs' costs at your rates. */
    public LabRates rates() {
        return rates;
    }

    private void recompare() {
        if (lastStore != null) {
            compare(lastStore, lastA, lastB);
        }
    }

    /** Analyses both experiments in the background; the earlier one is the one created first. */
    public void compare(LabStore store, Experiment a, Experiment b) {
        lastStore = store;
        lastA = a;
        lastB = b;
        RateCard card = rates.card();
        Function<String, Optional<ModelEntry>> find = rates.finder();
        Experiment earlier = a.created().isAfter(b.created()) ? b : a;
        Experiment later = earlier == a ? b : a;
        title.set("Compare #" + earlier.id() + " " + earlier.name() + " (" + WHEN.format(earlier.created()) + ")  →  #"
                + later.id() + " " + later.name() + " (" + WHEN.format(later.created()) + ")");
        status.set("Comparing…");
        shown.set(null);
        lane.task(p -> {
                    StatsOptions o = StatsOptions.defaults();
                    ExperimentData d1 = LabRates.rated(ExperimentData.load(store, earlier.id()), find, card)
                            .data();
                    ExperimentData d2 = LabRates.rated(ExperimentData.load(store, later.id()), find, card)
                            .data();
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
                    rates.shown(card);
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
