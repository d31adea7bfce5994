// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.ExperimentOverview;
import dev.costbench.model.lab.LabStore;
import dev.costbench.model.lab.run.ClientSource;
import dev.costbench.model.lab.run.Repricing;
import dev.costbench.ui.common.UiContext;
import dev.costbench.ui.common.ViewModel;
import dev.costbench.ui.common.handoff.ExperimentMediaSource;
import dev.costbench.ui.common.handoff.QualityCheckTarget;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;

/**
 * The A/B lab: its history, the setup of a new experiment, the results of the one selected and the comparison of
 * two; which of them the center shows ({@link Page}). Receives "Check quality" from the Prompt view.
 */
public final class LabViewModel implements ViewModel, QualityCheckTarget {

    /** What the center of the lab shows. */
    public enum Page {
        EMPTY,
        SETUP,
        RESULTS,
        COMPARE
    }

    private final UiContext ui;
    private final Supplier<LabStore> store;
    private final Supplier<Catalog> catalog;
    private final HistoryViewModel history;
    private final SetupViewModel setup;
    private final ResultsViewModel results;
    private final CompareViewModel compare;
    private final PromptfooViewModel promptfoo;
    private final ReadOnlyObjectWrapper<Page> page = new ReadOnlyObjectWrapper<>(this, "page", Page.EMPTY);
    private final ReadOnlyObjectWrapper<RepriceView.Shown> repricing = new ReadOnlyObjectWrapper<>(this, "repricing");
    private RunViewModel.Finished lastRun;
    private BatchRunsViewModel batchRuns;

    /** History and results only (no runs, no judging): for views that only read the store. */
    public LabViewModel(UiContext ui, Supplier<LabStore> store) {
        this(ui, store, null, null, null, null);
    }

    /**
     * @param catalog prices and models (null: history and results only)
     * @param clients the providers' clients for runs and the judge
     * @param prompt  "From the Prompt view" in the setup
     * @param media   "Images from the Media view" in the setup
     */
    public LabViewModel(
            UiContext ui,
            Supplier<LabStore> store,
            Supplier<Catalog> catalog,
            ClientSource clients,
            SetupViewModel.PromptSource prompt,
            ExperimentMediaSource media) {
        this.ui = ui;
        this.store = store;
        this.catalog = catalog;
        this.history = new HistoryViewModel(ui, store);
        this.setup = catalog == null ? null : new SetupViewModel(ui, store, catalog, clients, prompt, media);
        this.results = new ResultsViewModel(ui, store, catalog, clients);
        this.compare = new CompareViewModel(ui, catalog);
        compare.rates().useMyRatesProperty().bindBidirectional(results.rates().useMyRatesProperty());
        compare.rates().rateCardProperty().bind(results.rates().rateCardProperty());
        this.promptfoo = new PromptfooViewModel(ui, store, catalog, this::select);
        history.setOnImported(this::select);
        history.selection().addListener((ListChangeListener<ExperimentOverview>) c -> open(history.selected()));
        if (setup != null) {
            setup.runModel().setOnFinished(f -> {
                lastRun = f;
                select(f.experimentId());
            });
        }
    }

    /**
     * Batch runs: the setup's "Through the Batch API" option submits through {@code runs}, the results show the
     * experiment's batches, and the history is re-read when batch results land.
     */
    public void useBatches(BatchRunsViewModel runs) {
        this.batchRuns = runs;
        if (setup != null) {
            setup.batch().connect(runs, setup.checkedModels(), this::select);
        }
        runs.setOnLanded(() -> {
            Experiment e = history.selected();
            history.refresh();
            if (e != null) {
                select(e.id());
            }
        });
        Experiment e = history.selected();
        if (e != null) {
            runs.show(e.id());
        }
    }

    /** The batch runs, or null in a lab without them. */
    public BatchRunsViewModel batchRuns() {
        return batchRuns;
    }

    /** Shows the setup form for a new experiment. */
    public void showSetup() {
        if (setup == null) {
            return;
        }
        history.selection().clear();
        page.set(Page.SETUP);
    }

    /** "Check quality" from the Prompt view: the setup, filled with both variants, is shown. */
    @Override
    public void checkQuality(String experimentName, Variant baseline, Variant optimized) {
        if (setup == null) {
            return;
        }
        setup.prefill(experimentName, baseline, optimized);
        showSetup();
    }

    /** Selects the experiment with {@code id} in the history (re-read first) and shows it. */
    public void select(long id) {
        history.refresh();
        history.selectOnly(id);
    }

    /** Shows {@code e}'s results (with how the run that just ended went, when it was this one); null: nothing. */
    private void open(Experiment e) {
        if (e == null) {
            if (page.get() != Page.SETUP) {
                page.set(Page.EMPTY);
            }
            return;
        }
        RunViewModel.Finished run = lastRun;
        if (run != null && run.experimentId() != e.id()) {
            lastRun = null; // the status of the last run stays with its experiment until another one is opened
            run = null;
        }
        results.show(store.get().loadExperiment(e.id()), run == null ? "" : run.status());
        if (batchRuns != null) {
            batchRuns.show(e.id());
        }
        page.set(Page.RESULTS);
    }

    /** Compares the two selected experiments (the earlier one first). */
    public void compareSelected() {
        List<ExperimentOverview> sel = List.copyOf(history.selection());
        if (sel.size() != 2) {
            ui.dialogs()
                    .info(
                            "Select two experiments to compare",
                            "Ctrl+click the second one in the history, then " + "Compare (Ctrl+Shift+C).");
            return;
        }
        compare.compare(store.get(), sel.get(0).experiment(), sel.get(1).experiment());
        page.set(Page.COMPARE);
    }

    /** The state of the re-pricing dialog for {@code shown}: its "prices as of" date and the figures at it. */
    public RepriceViewModel repriceModel(RepriceView.Shown shown) {
        return new RepriceViewModel(ui, shown.repricing(), shown.atDate());
    }

    /** Re-prices the selected experiment at today's prices, in the background; the view shows it when ready. */
    public void repriceSelected() {
        Experiment e = history.selected();
        if (e == null) {
            ui.dialogs()
                    .info(
                            "Select an experiment to re-price",
                            "Click an experiment in the history, then " + "Re-price (Ctrl+Shift+P).");
            return;
        }
        Catalog c = currentCatalog();
        LabStore s = store.get();
        ui.tasks()
                .task(
                        "A/B re-price",
                        p -> new RepriceView.Shown(
                                s.loadExperiment(e.id()),
                                Repricing.of(s, e.id(), c::find),
                                c,
                                at -> Repricing.of(s, e.id(), c::find, at)))
                .onSuccess(r -> {
                    repricing.set(null); // the same run re-priced again is shown again
                    repricing.set(r);
                })
                .onFailure(x -> ui.dialogs().error("Cannot re-price “" + e.name() + "”", UiContext.describe(x)))
                .start();
    }

    private Catalog currentCatalog() {
        Catalog c = catalog == null ? null : catalog.get();
        return c != null ? c : CatalogBuilder.builtIn();
    }

    /** "Rerun": the setup shows the run of the selected experiment (resumed, or a copy of a finished one). */
    public void rerunSelected() {
        Experiment e = history.selected();
        if (e == null || setup == null) {
            return;
        }
        if (batchRuns != null && batchRuns.hasOpenBatches(e.id())) {
            ui.dialogs()
                    .info(
                            "“" + e.name() + "” is still running through the Batch API",
                            "Its trials land when its batches end (Refresh on its results page asks now). Rerun "
                                    + "runs the trials still missing once every batch has ended.");
            return;
        }
        page.set(Page.SETUP);
        setup.rerun(e.id());
    }

    @Override
    public void close() {
        if (setup != null) {
            setup.close();
        }
        results.close();
        compare.close();
    }

    public ReadOnlyObjectProperty<Page> pageProperty() {
        return page.getReadOnlyProperty();
    }

    /** The last re-pricing computed (the view shows it in a window). */
    public ReadOnlyObjectProperty<RepriceView.Shown> repricingProperty() {
        return repricing.getReadOnlyProperty();
    }

    /** The catalog (null when the lab only reads the store): the views' model pickers list its models. */
    public Supplier<Catalog> catalog() {
        return catalog;
    }

    public HistoryViewModel history() {
        return history;
    }

    /** The setup, or null when the lab only reads the store. */
    public SetupViewModel setup() {
        return setup;
    }

    public ResultsViewModel results() {
        return results;
    }

    /** The promptfoo bridge: import a configuration, export results. */
    public PromptfooViewModel promptfoo() {
        return promptfoo;
    }

    public CompareViewModel compare() {
        return compare;
    }
}
