// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.JudgeFailure;
import dev.costbench.model.lab.JudgeScore;
import dev.costbench.model.lab.LabStore;
import dev.costbench.model.lab.judge.JudgeSpec;
import dev.costbench.model.lab.run.ClientSource;
import dev.costbench.model.lab.run.ServedPricing;
import dev.costbench.model.lab.stats.ExperimentData;
import dev.costbench.model.lab.stats.ExperimentResults;
import dev.costbench.model.lab.stats.LabResults;
import dev.costbench.model.lab.stats.QualitySettings;
import dev.costbench.model.lab.stats.StatsOptions;
import dev.costbench.model.lab.stats.VariantModelSummary;
import dev.costbench.model.ratecard.RateCard;
import dev.costbench.ui.common.TaskExecutor;
import dev.costbench.ui.common.UiContext;
import dev.costbench.ui.common.ViewModel;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * An experiment's results, computed off the UI thread in two steps: the cost table, counts and t intervals as soon
 * as the trials are read ({@link LabResults#preview}), then the bootstrap intervals, quality and verdicts
 * ({@link LabResults#analyze}, reusing the output similarities stored the last time) with "computing quality…"
 * meanwhile. A newer {@link #show} supersedes an older one: its results are dropped and, when still pending, its
 * expensive part is skipped. The checks and thresholds can be changed after the run, and "Judge…" opens a judging.
 */
public final class ResultsViewModel implements ViewModel {

    /** A verdict line: "gpt-4o-mini · short: Adopt …", its colour and the numbers behind it. */
    public record VerdictLine(String text, String color, String tooltip, boolean pending) {}

    static final String NO_TRIALS = "No finished trials yet.";

    private final UiContext ui;
    private final Supplier<LabStore> store;
    private final Supplier<Catalog> catalog;
    private final ClientSource clients;
    private final TaskExecutor.Lane reading;
    private final TaskExecutor.Lane analysing;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper spend = new ReadOnlyStringWrapper(this, "spend", "");
    private final ReadOnlyStringWrapper tiers = new ReadOnlyStringWrapper(this, "tiers", "");
    private final ReadOnlyStringWrapper success = new ReadOnlyStringWrapper(this, "success", "");
    private final ReadOnlyStringWrapper pending = new ReadOnlyStringWrapper(this, "pending", "");
    private final LabRates rates;
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper(this, "placeholder", NO_TRIALS);
    private final ReadOnlyObjectWrapper<ExperimentResults> results = new ReadOnlyObjectWrapper<>(this, "results");
    private final ReadOnlyObjectWrapper<JudgeViewModel> judging = new ReadOnlyObjectWrapper<>(this, "judging");
    private final ObservableList<VariantModelSummary> rows = FXCollections.observableArrayList();
    private final ObservableList<VerdictLine> verdicts = FXCollections.observableArrayList();
    private final ResultsCharts charts = new ResultsCharts();
    private final OutputsModel outputs = new OutputsModel();
    private final TrialActions trials;
    private final ResultsQuality quality;
    private final StatsOptions options = StatsOptions.defaults();
    private LabResults.Preview preview;
    private ExperimentData data;
    private JudgeSpec judge;
    private Experiment current;
    /** The latest {@link #show}; older ones drop their results. Read by the background steps too. */
    private volatile long requested;

    /**
     * @param catalog prices and the judge models (null: no judging)
     * @param clients the providers' clients for the judge (null: no judging)
     */
    public ResultsViewModel(UiContext ui, Supplier<LabStore> store, Supplier<Catalog> catalog, ClientSource clients) {
        this.ui = ui;
        this.store = store;
        this.catalog = catalog;
        this.clients = clients;
        this.reading = ui.tasks().lane("A/B results");
        this.analysing = ui.tasks().lane("A/B quality");
        this.trials = new TrialActions(ui, store, outputs, this::reshow);
        this.quality = new ResultsQuality(store, () -> current, e -> show(e, status.get()));
        this.rates = new LabRates(catalog, this::reshow);
    }

    /** "Use my rates": every cost figure of the results (per arm, per trial, cost per successful task, the charts)
     * recomputed from the stored usage with the rate card; off: list price. A view setting: nothing is stored. */
    public LabRates rates() {
        return rates;
    }

    /** Shows {@code e}; see the class comment. */
    public void show(Experiment e) {
        show(e, "");
    }

    /** Shows {@code e} with {@code note} in the status line (how the run that just ended went). */
    public void show(Experiment e, String note) {
        if (current == null || current.id() != e.id()) {
            // another experiment: no numbers of the previous one under its title (the same one keeps its numbers
            // until the new ones replace them, e.g. after "Apply and recompute")
            rows.clear();
            verdicts.clear();
            charts.clear();
            results.set(null);
            preview = null;
            tiers.set("");
            success.set("");
        }
        current = e;
        long req = ++requested;
        title.set(ResultsText.title(e));
        status.set(note == null ? "" : note);
        QualitySettings qs;
        try {
            qs = QualityStore.read(e);
        } catch (IllegalArgumentException ex) {
            verdicts.setAll(new VerdictLine(
                    "Cannot read this experiment's settings: " + UiContext.describe(ex)
                            + ". Set the checks and thresholds again and press Apply.",
                    ResultsText.KEEP,
                    "",
                    false));
            pending.set("");
            return;
        }
        quality.shown(qs);
        pending.set("reading trials…");
        placeholder.set("Reading the trials…");
        LabStore s = store.get();
        long id = e.id();
        RateCard card = rates.card();
        Function<String, Optional<ModelEntry>> find = rates.finder();
        reading.task(p -> ResultsSteps.read(s, id, req, qs, options, find, card))
                .onSuccess(l -> {
                    if (l.request() == requested) {
                        showPreview(l);
                        analyse(l, id, s);
                    }
                })
                .onFailure(this::analysisFailed)
                .start();
    }

    /** The second step, in the background: bootstrap intervals, quality and verdicts; then the similarities kept. */
    private void analyse(ResultsSteps.Loaded l, long id, LabStore s) {
        analysing
                .task(p -> l.request() != requested
                        ? null // superseded: skip bootstrap and quality
                        : ResultsSteps.analyse(l, s, id, options))
                .onSuccess(a -> {
                    if (a == null) {
                        return;
                    }
                    if (a.request() == requested) {
                        results.set(a.results());
                        pending.set("");
                        render();
                    }
                    ui.tasks()
                            .task(
                                    "A/B similarities",
                                    () -> s.saveSimilarityScores(
                                            id, a.similarities().computed()))
                            .onFailure(ex -> System.getLogger(ResultsViewModel.class.getName())
                                    .log(
                                            System.Logger.Level.WARNING,
                                            "could not store the output similarities of experiment " + id
                                                    + " (they are computed again next time)",
                                            ex))
                            .start();
                })
                .onFailure(this::analysisFailed)
                .start();
    }

    private void analysisFailed(Throwable t) {
        pending.set("");
        placeholder.set(NO_TRIALS);
        verdicts.setAll(new VerdictLine(
                "Cannot analyse this experiment: " + UiContext.describe(t) + ". Reopen it; "
                        + "if this persists, export it and report the problem.",
                ResultsText.KEEP,
                "",
                false));
    }

    /** The first step: the cost table, latency chart, outputs and cost-only verdict lines. */
    private void showPreview(ResultsSteps.Loaded l) {
        data = l.data();
        rates.shown(l.card());
        results.set(null);
        preview = l.preview();
        judge = l.judge();
        Map<Long, JudgeScore> scores = l.scores();
        Map<Long, JudgeFailure> failures = l.judgeFailures();
        spend.set(l.spendLine(scores.size(), failures.size()));
        success.set(l.successLines());
        tiers.set(String.join("\n", ServedPricing.describe(data.trials(), this::modelName)));
        if (status.get().isEmpty()) {
            status.set(RunProblems.statusOfStored(current, data.trials()));
        }
        verdicts.setAll(VerdictLines.pending(preview, data));
        placeholder.set(NO_TRIALS);
        rows.setAll(preview.summaries());
        charts.preview(preview.summaries());
        outputs.set(data, judge, scores, failures);
        pending.set(preview.costs().isEmpty() ? "computing quality…" : "computing quality and bootstrap intervals…");
    }

    private void render() {
        ExperimentResults r = results.get();
        verdicts.setAll(VerdictLines.of(r, data));
        rows.setAll(r.summaries());
        charts.analysed(r, judge);
    }

    /** The model cell of a row: the model's name and provider ("GPT-4o mini · OpenAI"); the id when unknown. */
    public String modelCell(VariantModelSummary r) {
        return modelName(r.modelId());
    }

    private String modelName(String id) {
        Catalog c = catalog == null ? null : catalog.get();
        return c == null
                ? id
                : c.find(id).map(m -> m.name() + " · " + m.providerName()).orElse(id);
    }

    /**
     * Where the provider served another service tier than the one asked for, one line per model and tier served:
     * "GPT-5 · OpenAI: asked for Priority, served default on 3 of 40 trials — priced at Standard"; empty when none.
     */
    public ReadOnlyStringProperty tiersProperty() {
        return tiers.getReadOnlyProperty();
    }

    /** The judge cell of a row: "…" while the quality is computed. */
    public String judgeCell(VariantModelSummary r) {
        if (results.get() == null) {
            return preview != null ? "…" : "";
        }
        return ResultsText.judgeCell(
                results.get().qualityOf(r.variantId(), r.modelId()).orElse(null));
    }

    /** The checks cell of a row: "…" while the quality is computed. */
    public String checksCell(VariantModelSummary r) {
        if (results.get() == null) {
            return preview != null ? "…" : "";
        }
        return ResultsText.checksCell(
                results.get().qualityOf(r.variantId(), r.modelId()).orElse(null));
    }

    /** Shows the current experiment again, as stored now. */
    public void reshow() {
        if (current != null) {
            show(store.get().loadExperiment(current.id()), status.get());
        }
    }

    /** True when "Judge…" can judge (a catalog and the providers' clients are at hand and an experiment shows). */
    public boolean canJudge() {
        return catalog != null && clients != null && current != null;
    }

    /** Why "Judge…" cannot act now, in the user's words; "" when it can. */
    public String judgeReason() {
        if (catalog == null || clients == null) {
            return "Judging needs the pricing catalog and the providers: it is not available in this window.";
        }
        return current == null ? "Open an experiment first: the judge scores its stored outputs." : "";
    }

    /** "Judge…": a judging of the experiment shown; the results are shown again when it ends. */
    public void openJudge() {
        if (!canJudge()) {
            return;
        }
        long id = current.id();
        judging.set(new JudgeViewModel(
                ui, store.get(), catalog.get(), clients, store.get().loadExperiment(id), r -> {
                    if (current != null && current.id() == id) {
                        reshow();
                    }
                }));
    }

    @Override
    public void close() {
        reading.close();
        analysing.close();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** What the last run left undone and why, or why no trial of a stored experiment succeeded; "" otherwise. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty spendProperty() {
        return spend.getReadOnlyProperty();
    }

    /** "computing quality…" while the second step runs; "" when nothing is pending. */
    /**
     * The headline: each variant's cost per successful task (failed trials, retries and judge calls included), or
     * "no successful trial"; one line per variant.
     */
    public ReadOnlyStringProperty successProperty() {
        return success.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }

    /** The full results; null while only the preview is shown. */
    public ReadOnlyObjectProperty<ExperimentResults> resultsProperty() {
        return results.getReadOnlyProperty();
    }

    /** The judging opened with "Judge…" (the view shows its dialog). */
    public ReadOnlyObjectProperty<JudgeViewModel> judgingProperty() {
        return judging.getReadOnlyProperty();
    }

    public ObservableList<VariantModelSummary> rows() {
        return rows;
    }

    public ObservableList<VerdictLine> verdicts() {
        return verdicts;
    }

    public ResultsCharts charts() {
        return charts;
    }

    public OutputsModel outputs() {
        return outputs;
    }

    /** The checks and verdict thresholds of the experiment shown, editable after the run. */
    public ResultsQuality quality() {
        return quality;
    }

    /** Good / Bad ratings and "Delete trial" on the outputs shown. */
    public TrialActions trials() {
        return trials;
    }

    public Experiment current() {
        return current;
    }
}
