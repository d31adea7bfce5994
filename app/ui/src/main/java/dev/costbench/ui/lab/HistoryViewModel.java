// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import dev.costbench.model.cost.Money;
import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.ExperimentOverview;
import dev.costbench.model.lab.ExperimentStatus;
import dev.costbench.model.lab.LabStore;
import dev.costbench.model.lab.run.ExperimentExport;
import dev.costbench.model.lab.run.ExperimentImport;
import dev.costbench.model.lab.stats.ExperimentData;
import dev.costbench.model.lab.stats.LabResults;
import dev.costbench.model.lab.stats.StatsOptions;
import dev.costbench.model.lab.stats.SuccessCost;
import dev.costbench.ui.common.DialogService.FileKind;
import dev.costbench.ui.common.Reasons;
import dev.costbench.ui.common.UiContext;
import dev.costbench.ui.common.ViewModel;
import dev.costbench.ui.common.Words;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The A/B lab's history: every experiment with its summary line (newest first), searched by name, status, model or
 * "imported"; the selection (the view mirrors it); import of a JSON export, export as JSON or CSV, and delete.
 */
public final class HistoryViewModel implements ViewModel {

    static final String EMPTY = "Select an experiment, or start one with “New experiment”.";
    static final String NO_STORE = "The local store is not open (another CostBench may be running), so experiments "
            + "cannot be shown. Close the other CostBench and start this one again.";
    private static final FileKind EXPORT_JSON = new FileKind("CostBench export (JSON)", List.of("*.json"));
    private static final FileKind EXPORT_CSV = new FileKind("CSV (one row per trial)", List.of("*.csv"));

    private final UiContext ui;
    private final Supplier<LabStore> store;
    private final ObservableList<ExperimentOverview> all = FXCollections.observableArrayList();
    private final FilteredList<ExperimentOverview> shown = new FilteredList<>(all, e -> true);
    private final ObservableList<ExperimentOverview> selection = FXCollections.observableArrayList();
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper(this, "emptyText", EMPTY);
    private LongConsumer onImported = id -> {};
    private boolean warmedUp;

    public HistoryViewModel(UiContext ui, Supplier<LabStore> store) {
        this.ui = ui;
        this.store = store;
        search.addListener((o, a, b) -> {
            String q = b == null ? "" : b.trim().toLowerCase(Locale.ROOT);
            shown.setPredicate(x -> q.isEmpty() || matches(x.experiment(), q));
        });
    }

    /** Called with the new experiment's id after an import (the lab selects it). */
    void setOnImported(LongConsumer c) {
        this.onImported = c;
    }

    private static boolean matches(Experiment e, String q) {
        return e.name().toLowerCase(Locale.ROOT).contains(q)
                || LabWords.status(e.status()).contains(q)
                || e.models().stream().anyMatch(m -> m.toLowerCase(Locale.ROOT).contains(q))
                || ("imported".contains(q) && ExperimentImport.isImported(e));
    }

    /**
     * The three lines of an experiment in the list: name (⇩ imported); status, date, models, who created it (when the
     * store knows: "by alice"); its trials and
     * spending ("no trial has succeeded yet — Rerun" for an interrupted one without any), and how many trials the
     * provider served at another service tier than the one asked for.
     */
    static String summary(ExperimentOverview o) {
        Experiment e = o.experiment();
        boolean nothing =
                o.succeeded() == 0 && e.status() != ExperimentStatus.DONE && e.status() != ExperimentStatus.RUNNING;
        return e.name() + (ExperimentImport.isImported(e) ? "  ⇩ imported" : "") + "\n"
                + LabWords.status(e.status()) + " · " + CompareViewModel.WHEN.format(e.created())
                + " · " + Words.count(e.models().size(), "model")
                + (o.createdBy() == null ? "" : " · by " + o.createdBy()) + "\n"
                + (nothing ? "no trial has succeeded yet — Rerun" : Words.count(o.succeeded(), "trial") + " ok")
                + (o.failed() > 0 ? ", " + o.failed() + " failed" : "") + " · "
                + Money.format(o.trialCostUsd()) + " in trials"
                + (o.spentUsd().compareTo(o.trialCostUsd()) == 0
                        ? ""
                        : " · " + Money.format(o.spentUsd()) + " spent here")
                + (o.trials() == 0 ? "" : " · " + perSuccess(o))
                + (o.tierChanged() == 0
                        ? ""
                        : " · ⚠ " + Words.count(o.tierChanged(), "trial")
                                + " served at another service tier than asked (priced as served)");
    }

    /**
     * "$0.012 per successful trial" (all spent here ÷ the trials that answered; the results page applies the checks
     * and the judge too), or "no successful trial".
     */
    private static String perSuccess(ExperimentOverview o) {
        SuccessCost c = new SuccessCost(o.spentUsd(), BigDecimal.ZERO, (int) o.trials(), (int) o.succeeded());
        return c.perSuccessUsd() == null ? c.headline() : c.headline() + " per successful trial";
    }

    /** Re-reads the experiments from the store (newest first), keeping the selection. */
    public void refresh() {
        LabStore s = store.get();
        if (s == null) {
            emptyText.set(NO_STORE);
            return;
        }
        List<Long> keep = selection.stream().map(ExperimentOverview::id).toList();
        all.setAll(s.overviews());
        selection.setAll(all.stream().filter(x -> keep.contains(x.id())).toList());
        if (!warmedUp && !all.isEmpty()) {
            warmedUp = true;
            warmUp(s, all.get(0).id());
        }
    }

    /**
     * The first time the list shows, reads the newest experiment and computes its summary in the background, once,
     * and throws the result away: the first experiment the user opens then finds the JIT and H2's cache warm. Without
     * it the first opening after start took about 1 s for a 10,000-trial experiment instead of about 0.1 s
     * (app/bench RESULTS-history.md).
     */
    private void warmUp(LabStore s, long experimentId) {
        ui.tasks()
                .task(
                        "A/B lab warm-up",
                        () -> LabResults.preview(ExperimentData.load(s, experimentId), StatsOptions.defaults()))
                .onFailure(e -> {
                    // only a warm-up: the store may have closed, the experiment may be gone
                })
                .start();
    }

    /** Selects only the experiment with {@code id} (after a refresh), if it is listed. */
    public void selectOnly(long id) {
        selection.setAll(all.stream().filter(x -> x.id() == id).toList());
    }

    /** The experiment selected last, or null. */
    public Experiment selected() {
        return selection.isEmpty() ? null : selection.get(selection.size() - 1).experiment();
    }

    /** "Import…": a JSON export chosen by the user. */
    public void importChosen() {
        ui.dialogs()
                .openFile("Import an experiment exported as JSON", EXPORT_JSON)
                .ifPresent(this::importFrom);
    }

    /**
     * Imports an exported experiment (in the background) and selects it; a file that cannot be imported gets an
     * error dialog and changes nothing.
     */
    public void importFrom(Path f) {
        LabStore s = store.get();
        ui.tasks()
                .task(
                        "A/B import",
                        p -> ExperimentImport.importInto(
                                        s,
                                        Files.readString(f, StandardCharsets.UTF_8),
                                        f.getFileName().toString())
                                .id())
                .onSuccess(id -> {
                    refresh();
                    onImported.accept(id);
                })
                .onFailure(
                        e -> ui.dialogs()
                                .error(
                                        "Cannot import " + f.getFileName(),
                                        UiContext.describe(e)
                                                + "\n\nNothing was imported. Choose a file exported by CostBench (Export… → JSON)."))
                .start();
    }

    /** "Export…": the selected experiment as JSON, or CSV when the file name ends in .csv. */
    public void exportSelected() {
        Experiment e = selected();
        if (e == null) {
            ui.dialogs().info("Select an experiment to export", "Click an experiment in the history, then Export….");
            return;
        }
        ui.dialogs()
                .saveFile(
                        "Export the experiment",
                        e.name().replaceAll("[^A-Za-z0-9._-]", "-") + ".json",
                        EXPORT_JSON,
                        EXPORT_CSV)
                .ifPresent(f -> exportTo(e.id(), f));
    }

    /** Writes experiment {@code id} as JSON, or CSV when the file name ends in .csv (in the background). */
    public void exportTo(long id, Path f) {
        LabStore s = store.get();
        boolean csv = f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
        ui.tasks()
                .task("A/B export", () -> {
                    try {
                        Files.writeString(
                                f,
                                csv ? ExperimentExport.csv(s, id) : ExperimentExport.json(s, id),
                                StandardCharsets.UTF_8);
                    } catch (IOException x) {
                        throw new UncheckedIOException(x);
                    }
                })
                .onSuccess(v -> ui.dialogs().notify("Exported to " + f.getFileName()))
                .onFailure(x -> ui.dialogs()
                        .error(
                                "The export failed",
                                UiContext.describe(x) + "\n\nChoose a folder " + "you can write to and try again."))
                .start();
    }

    /** "Delete": the selected experiment and its trials, after asking; the ledger keeps what was spent. */
    public void deleteSelected() {
        Experiment e = selected();
        if (e == null) {
            return;
        }
        LabStore s = store.get();
        if (ui.dialogs()
                .confirm(
                        "Delete experiment",
                        "Delete “" + e.name() + "” and all its trials? The ledger " + "keeps what was spent ("
                                + Money.format(s.spentOnExperiment(e.id())) + ").",
                        "Delete")) {
            s.deleteExperiment(e.id());
            selection.clear();
            refresh();
        }
    }

    /** Every experiment, newest first. */
    public ObservableList<ExperimentOverview> all() {
        return all;
    }

    /** The experiments the search lets through (the list shows them). */
    public ObservableList<ExperimentOverview> shown() {
        return shown;
    }

    /** The selected experiments (the view's list mirrors it both ways). */
    public ObservableList<ExperimentOverview> selection() {
        return selection;
    }

    public StringProperty searchProperty() {
        return search;
    }

    /** What the center shows when nothing is selected. */
    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    /** Why Rerun, Export…, Delete and Re-price can do nothing now ("" when they can). */
    public StringBinding oneSelectedReason() {
        return Reasons.when(Bindings.isEmpty(selection), "Select an experiment in the list first.");
    }

    /** Why Compare can do nothing now ("" when it can). */
    public StringBinding twoSelectedReason() {
        return Reasons.when(
                Bindings.size(selection).isNotEqualTo(2),
                "Select exactly two experiments in the list (Ctrl+click the second) to compare them.");
    }
}
