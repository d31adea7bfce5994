// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import dev.costbench.model.cost.Money;
import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.JudgeFailure;
import dev.costbench.model.lab.JudgeScore;
import dev.costbench.model.lab.LabStore;
import dev.costbench.model.lab.LedgerPurpose;
import dev.costbench.model.lab.RatingScale;
import dev.costbench.model.lab.Trial;
import dev.costbench.model.lab.Variant;
import dev.costbench.model.lab.judge.JudgeSpec;
import dev.costbench.model.lab.stats.ExperimentData;
import dev.costbench.model.lab.stats.ExperimentResults;
import dev.costbench.model.lab.stats.LabResults;
import dev.costbench.model.lab.stats.QualitySettings;
import dev.costbench.model.lab.stats.QualitySummary;
import dev.costbench.model.lab.stats.SimilarityCache;
import dev.costbench.model.lab.stats.StatsFormat;
import dev.costbench.model.lab.stats.StatsOptions;
import dev.costbench.model.lab.stats.UsdInterval;
import dev.costbench.model.lab.stats.VariantModelSummary;
import dev.costbench.model.lab.stats.Verdict;
import dev.costbench.model.lab.stats.WordDiff;
import dev.costbench.ui.common.LatestOnlyWorker;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.ScatterChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * An experiment's results: the verdict lines, a table per variant × model with confidence intervals (judge scores
 * and checks included), cost vs quality and latency charts, and the outputs side by side with a word-level diff,
 * thumbs ratings and each output's judge score. The checks and verdict thresholds can be edited after the run (they
 * are stored with the experiment), and "Judge…" scores the outputs with an LLM judge whose cost is shown apart.
 */
public final class ResultsPane extends VBox {

    private static final String NO_TRIALS = "No finished trials yet.";

    private final LabStore store;
    private final VBox verdicts = new VBox(4);
    private final TableView<VariantModelSummary> table = new TableView<>();
    private final ScatterChart<Number, Number> costQuality = new ScatterChart<>(new NumberAxis(), new NumberAxis());
    private final BarChart<String, Number> latency = new BarChart<>(new CategoryAxis(), new NumberAxis());
    private final ComboBox<String> cellBox = new ComboBox<>();
    private final TextFlow left = new TextFlow();
    private final TextFlow right = new TextFlow();
    private final Label leftTitle = new Label();
    private final Label rightTitle = new Label();
    /** Which image (or recording) each side's variant sent; empty for text-only variants. */
    private final Label leftMedia = new Label();
    private final Label rightMedia = new Label();
    private final Label title = new Label();
    // the judge and the editable checks / thresholds
    private java.util.function.Supplier<dev.costbench.model.catalog.Catalog> catalog;
    private dev.costbench.model.lab.run.ClientSource clients;
    private Map<Long, JudgeScore> judgeByTrial = Map.of();
    private Map<Long, JudgeFailure> judgeFailureByTrial = Map.of();
    private JudgeDialog judgeDialog;
    private final Label spend = new Label();
    private final Button judgeButton = new Button("Judge…");
    private final QualityEditor quality = new QualityEditor("results");
    private final Label qualityError = new Label();
    private JudgeSpec judge;
    private ExperimentResults results;
    private ExperimentData data;
    private long generation;
    private long previewGeneration;
    private LabResults.Preview preview;
    /** The latest {@link #show} call; older ones drop their results. Read on the worker thread too. */
    private final AtomicLong requested = new AtomicLong();
    private final LatestOnlyWorker worker = new LatestOnlyWorker("CostBench A/B analysis", this::analysisFailed);
    private final ProgressIndicator spinner = new ProgressIndicator();
    private final Label progressText = new Label();
    private final Label placeholder = new Label(NO_TRIALS);
    private final HBox progress = new HBox(6, spinner, progressText);
    /** Tests: the quality step waits for this latch (so the preview can be looked at). */
    private volatile CountDownLatch holdQuality;
    private Map<String, Trial[]> cells = Map.of();
    private Experiment current;

    public ResultsPane(LabStore store) {
        this.store = store;
        setId("lab-results");
        setSpacing(8);
        setPadding(new Insets(8));
        title.getStyleClass().add("section-title");
        verdicts.setId("lab-verdicts");
        buildTable();
        ((NumberAxis) costQuality.getXAxis()).setLabel("mean $ per call");
        ((NumberAxis) costQuality.getYAxis()).setLabel("similarity to the baseline's output (ROUGE-L)");
        costQuality.setTitle("Cost vs quality");
        costQuality.setId("cost-quality-chart");
        latency.setTitle("Latency (ms): median and p95");
        latency.setId("latency-chart");
        latency.setAnimated(false);
        costQuality.setAnimated(false);
        SplitPane charts = new SplitPane(costQuality, latency);
        charts.setPrefHeight(300);

        cellBox.setId("lab-cell");
        cellBox.setPromptText("Pick an input, model and repetition");
        cellBox.setOnAction(e -> showCell());
        Button up = new Button("👍");
        Button down = new Button("👎");
        up.setTooltip(new Tooltip("Rate the optimized output as good"));
        down.setTooltip(new Tooltip("Rate the optimized output as bad"));
        up.setOnAction(e -> rate(1));
        down.setOnAction(e -> rate(0));
        ScrollPane lp = new ScrollPane(left);
        ScrollPane rp = new ScrollPane(right);
        lp.setFitToWidth(true);
        rp.setFitToWidth(true);
        left.setPadding(new Insets(6));
        right.setPadding(new Insets(6));
        SplitPane outputs = new SplitPane(new VBox(4, leftTitle, leftMedia, lp), new VBox(4, rightTitle, rightMedia, rp));
        leftMedia.setId("lab-left-media");
        rightMedia.setId("lab-right-media");
        VBox.setVgrow(lp, Priority.ALWAYS);
        VBox.setVgrow(rp, Priority.ALWAYS);
        javafx.scene.control.MenuButton del = TrialDeletion.button(this::cellTrials, store, () -> {
            if (current != null) {
                show(current);
            }
        });
        HBox cellBar = new HBox(8, new Label("Outputs side by side"), cellBox, up, down, del);
        cellBar.setAlignment(Pos.CENTER_LEFT);
        VBox outBox = new VBox(6, cellBar, outputs);
        VBox.setVgrow(outputs, Priority.ALWAYS);

        TabPane tabs = new TabPane(new Tab("Charts", charts), new Tab("Outputs side by side", outBox));
        tabs.getTabs().forEach(t -> t.setClosable(false));
        SplitPane body = new SplitPane(table, tabs);
        body.setOrientation(javafx.geometry.Orientation.VERTICAL);
        body.setDividerPositions(0.34);
        VBox.setVgrow(body, Priority.ALWAYS);

        judgeButton.setId("lab-judge");
        judgeButton.setTooltip(new Tooltip("Score every output with an LLM judge and a rubric (Ctrl+J); its cost is "
                + "counted apart from the trials"));
        judgeButton.setDisable(true);
        judgeButton.setOnAction(e -> openJudge());
        spend.setId("lab-spend");
        spend.setTooltip(new Tooltip("What the experiment cost: the trials, and the judge's calls counted apart"));
        Button apply = new Button("Apply and recompute");
        apply.setId("results-apply");
        apply.setOnAction(e -> applyQuality());
        qualityError.setId("results-quality-error");
        qualityError.setStyle("-fx-text-fill: #c0392b;");
        VBox qualityBox = new VBox(6, quality, new HBox(8, apply, qualityError));
        javafx.scene.control.TitledPane edit = new javafx.scene.control.TitledPane("Checks and verdict thresholds",
                qualityBox);
        edit.setId("results-quality");
        edit.setExpanded(false);
        spinner.setPrefSize(16, 16);
        spinner.setMaxSize(16, 16);
        progress.setId("lab-quality-pending");
        progress.setAlignment(Pos.CENTER_LEFT);
        progressText.setStyle("-fx-text-fill: #6c757d;");
        Tooltip.install(progress, new Tooltip("The cost table and t intervals are shown; the quality scores, "
                + "bootstrap intervals and verdicts follow when computed"));
        pending(null);
        HBox tools = new HBox(12, judgeButton, spend, progress);
        tools.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title, tools, verdicts, edit, body);
        setOnKeyPressed(k -> {
            if (k.isShortcutDown() && k.getCode() == javafx.scene.input.KeyCode.J && !judgeButton.isDisabled()) {
                openJudge();
                k.consume();
            }
        });
    }

    /**
     * Results with judging: "Judge…" scores the outputs with an LLM judge.
     *
     * @param catalog prices and the judge models
     * @param clients the providers' clients for the judge
     */
    public ResultsPane(LabStore store, java.util.function.Supplier<dev.costbench.model.catalog.Catalog> catalog,
                       dev.costbench.model.lab.run.ClientSource clients) {
        this(store);
        this.catalog = catalog;
        this.clients = clients;
        judgeButton.setDisable(catalog == null || clients == null);
    }

    private void buildTable() {
        table.setId("lab-table");
        table.setPlaceholder(placeholder);
        table.getColumns().add(col("Variant", 150, r -> r.variantName() + (r.baseline() ? " (baseline)" : "")));
        table.getColumns().add(col("Model", 170, VariantModelSummary::modelId));
        table.getColumns().add(col("Trials ok / failed / cached", 150, r -> r.succeeded() + " / " + r.failed() + " / "
                + r.cached()));
        table.getColumns().add(col("$ / call (mean, 95 % CI)", 220, r -> r.meanCostUsd() == null ? "unpriced"
                : Money.format(r.meanCostUsd()) + "  " + ci(r.costPerCall().meanCi())));
        TableColumn<VariantModelSummary, String> judgeCol = col("judge (mean, 95 % CI)", 190, this::judgeCell);
        judgeCol.setId("lab-judge-col");
        table.getColumns().add(judgeCol);
        table.getColumns().add(col("checks passed", 100, this::checksCell));
        table.getColumns().add(col("median $", 100, r -> r.medianCostUsd() == null ? "" : Money.format(r.medianCostUsd())));
        table.getColumns().add(col("input / cached / output / reasoning", 230, r -> String.format(Locale.ROOT,
                "%s / %s / %s / %s", n(r.inputTokens().mean()), n(r.cachedInputTokens().mean()),
                n(r.outputTokens().mean()), n(r.reasoningTokens().mean()))));
        table.getColumns().add(col("latency p50 / p95", 140, r -> n(r.latencyMs().median()) + " / "
                + n(r.latencyMs().p95()) + " ms"));
        table.getColumns().add(col("TTFT p50", 90, r -> Double.isNaN(r.ttftMs().median()) ? "" : n(r.ttftMs()
                .median()) + " ms"));
        table.getColumns().add(col("estimate → billed", 190, r -> r.estimate() == null || r.estimate().n() == 0 ? ""
                : Money.format(r.estimate().estimatedUsd()) + " → " + Money.format(r.estimate().billedUsd())));
        table.getColumns().add(col("spent", 100, r -> Money.format(r.billedTotalUsd())));

        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
    }

    private static String n(double d) {
        return Double.isNaN(d) ? "—" : String.format(Locale.ROOT, "%,.0f", d);
    }

    private static String ci(UsdInterval i) {
        return i == null ? "" : "[" + Money.format(i.low()) + " – " + Money.format(i.high()) + "]";
    }

    private static <T> TableColumn<VariantModelSummary, T> col(String name, double w,
                                                              Function<VariantModelSummary, T> f) {
        TableColumn<VariantModelSummary, T> c = new TableColumn<>(name);
        c.setPrefWidth(w);
        c.setCellValueFactory(p -> new ReadOnlyObjectWrapper<>(f.apply(p.getValue())));
        return c;
    }

    /**
     * Analyses the experiment off the UI thread and shows it in two steps: the cost table, counts and t intervals
     * as soon as the trials are read ({@link LabResults#preview}), then the bootstrap intervals, quality and
     * verdicts ({@link LabResults#analyze}, with the output similarities stored the last time) with "computing
     * quality…" meanwhile; the similarities computed are then stored. A newer call supersedes an older
     * one: its results are dropped and, when still pending, its expensive part is skipped.
     */
    public void show(Experiment e) {
        if (current == null || current.id() != e.id()) {
            // another experiment: no numbers of the previous one under its title (the same one keeps its numbers
            // until the new ones replace them, e.g. after "Apply and recompute")
            table.getItems().clear();
            verdicts.getChildren().clear();
            costQuality.getData().clear();
            latency.getData().clear();
            results = null;
            preview = null;
        }
        current = e;
        long req = requested.incrementAndGet();
        title.setText(e.name() + " · " + e.status().name().toLowerCase(Locale.ROOT) + " · " + e.models().size()
                + " model(s), " + e.repetitions() + " repetition(s)" + (e.budgetCapUsd() == null ? ""
                : " · budget " + Money.format(e.budgetCapUsd())));
        QualitySettings qs;
        try {
            qs = QualityStore.read(e);
        } catch (IllegalArgumentException ex) {
            verdicts.getChildren().setAll(new Label("Cannot read this experiment's settings: " + ex.getMessage()));
            pending(null);
            generation++;
            return;
        }
        quality.set(qs.checks(), qs.thresholds());
        qualityError.setText("");
        pending("reading trials…");
        placeholder.setText("Reading the trials…");
        StatsOptions options = StatsOptions.defaults();
        CountDownLatch hold = holdQuality;
        // runs on the worker thread: reads the store, then computes; only the FX thread touches the nodes
        worker.submit(() -> {
            ExperimentData d = ExperimentData.load(store, e.id());
            Loaded l = new Loaded(req, d, qs.judge(), store.judgeFailures(e.id()),
                    store.spentOnExperiment(e.id(), LedgerPurpose.TRIAL),
                    store.spentOnExperiment(e.id(), LedgerPurpose.JUDGE), LabResults.preview(d, options));
            Platform.runLater(() -> showPreview(l));
            awaitHold(hold);
            if (req != requested.get()) {
                return null; // superseded: skip bootstrap and quality
            }
            // the outputs' similarities computed when the experiment was last opened (V5), the others computed now
            SimilarityCache similarities = new SimilarityCache(store.similarityScores(e.id()));
            Analysed a = new Analysed(req, LabResults.analyze(d, qs, options, similarities));
            Platform.runLater(() -> showAnalysed(a));
            try { // after showing: the view does not wait for this write
                store.saveSimilarityScores(e.id(), similarities.computed());
            } catch (RuntimeException ex) { // not fatal: they are computed again next time
                System.getLogger(ResultsPane.class.getName()).log(System.Logger.Level.WARNING,
                        "could not store the output similarities of experiment " + e.id(), ex);
            }
            return null;
        }, none -> { });
    }

    /** The second step on the FX thread: bootstrap intervals, quality and verdicts. */
    private void showAnalysed(Analysed a) {
        if (a.request() == requested.get()) {
            results = a.results();
            pending(null);
            render();
            generation++;
        }
    }

    /** What the first step read: the trials, the judge's results, the spend and the quick cost statistics. */
    private record Loaded(long request, ExperimentData data, JudgeSpec judge, List<JudgeFailure> judgeFailures,
                          BigDecimal trialSpend, BigDecimal judgeSpend, LabResults.Preview preview) {
    }

    /** The second step: everything. */
    private record Analysed(long request, ExperimentResults results) {
    }

    private void analysisFailed(Throwable t) {
        pending(null);
        placeholder.setText(NO_TRIALS);
        verdicts.getChildren().setAll(new Label("Cannot analyse this experiment: " + t));
        generation++;
    }

    private static void awaitHold(CountDownLatch hold) {
        if (hold == null) {
            return;
        }
        try {
            hold.await();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** Shows "computing quality…" (or another step) next to the verdicts; null hides it. */
    private void pending(String what) {
        progressText.setText(what == null ? "" : what);
        progress.setVisible(what != null);
        progress.setManaged(what != null);
    }

    /** The first step on the FX thread: the cost table, latency chart, outputs and cost-only verdict lines. */
    private void showPreview(Loaded l) {
        if (l.request() != requested.get()) {
            return;
        }
        data = l.data();
        results = null;
        preview = l.preview();
        judge = l.judge();
        judgeByTrial = new java.util.HashMap<>();
        for (JudgeScore j : LabResults.forJudge(data, judge).judgeScores()) {
            judgeByTrial.put(j.trialId(), j);
        }
        judgeFailureByTrial = new java.util.HashMap<>();
        for (JudgeFailure f : l.judgeFailures()) {
            if (judge == null || (f.judgeModel().equals(judge.model()) && f.rubric().equals(judge.rubric()))) {
                judgeFailureByTrial.put(f.trialId(), f);
            }
        }
        spend.setText("Spent: trials " + Money.format(l.trialSpend()) + " · judge " + Money.format(l.judgeSpend())
                + (judge == null ? "" : "  (judge " + judge.label() + ": " + judgeByTrial.size() + " scored"
                + (judgeFailureByTrial.isEmpty() ? "" : ", " + judgeFailureByTrial.size() + " without a score")
                + ")"));
        verdicts.getChildren().clear();
        for (dev.costbench.model.lab.stats.CostComparison c : preview.costs()) {
            // no verdict yet: it depends on the quality (and cost-only outcomes wait too, so none flips later)
            addVerdictLine(c.modelId(), c.optimizedVariantId(), (!c.tested() ? "not enough data"
                    : "saving " + StatsFormat.percent(c.savingPercent()) + (c.savingPercentCi() == null ? ""
                    : " (" + StatsFormat.ciText(c.savingPercentCi()) + ")")) + " · verdict: quality pending",
                    "#6c757d", c.describe() + "\n" + c.methodLabel() + "\nThe verdict waits for the quality scores "
                    + "and the bootstrap intervals, computed in the background.").getStyleClass()
                    .add("lab-verdict-pending");
        }
        if (preview.costs().isEmpty()) {
            verdicts.getChildren().add(new Label("Add an optimized variant to compare with the baseline."));
        }
        placeholder.setText(NO_TRIALS);
        table.getItems().setAll(preview.summaries());
        costQuality.getData().clear();
        costQuality.setTitle("Cost vs quality (computing…)");
        renderLatency(preview.summaries());
        renderCells();
        pending(preview.costs().isEmpty() ? "computing quality…" : "computing quality and bootstrap intervals…");
        previewGeneration++;
    }

    private void render() {
        verdicts.getChildren().clear();
        for (ExperimentResults.Comparison c : results.comparisons()) {
            Verdict v = c.verdict();
            addVerdictLine(c.modelId(), c.optimizedVariantId(), v.sentence(), v.outcome() == Verdict.Outcome.ADOPT
                    ? "#1e7e34" : v.outcome() == Verdict.Outcome.KEEP_BASELINE ? "#b02a37" : "#6c757d",
                    c.cost().describe() + "\n" + c.cost().methodLabel() + judgeText(c));
        }
        if (results.comparisons().isEmpty()) {
            verdicts.getChildren().add(new Label("Add an optimized variant to compare with the baseline."));
        }
        table.getItems().setAll(results.summaries());

        costQuality.getData().clear();
        costQuality.setTitle("Cost vs quality");
        var cheapest = results.cheapestHoldingQuality().orElse(null);
        var measure = results.thresholds().qualityMeasure();
        ((NumberAxis) costQuality.getYAxis()).setLabel(switch (measure) {
            case JUDGE_SCORE -> "mean judge score" + (judge == null ? "" : " (1–" + judge.scale() + ")");
            case CHECK_PASS_RATE -> "share of outputs passing every check";
            case RATING -> "mean rating (0–1)";
            default -> "similarity to the baseline's output (ROUGE-L)";
        });
        for (VariantModelSummary s : results.summaries()) {
            if (s.meanCostUsd() == null) {
                continue;
            }
            QualitySummary q = results.qualityOf(s.variantId(), s.modelId()).orElse(null);
            double y = chartQuality(measure, s, q);
            if (Double.isNaN(y)) {
                continue;
            }
            XYChart.Series<Number, Number> ser = new XYChart.Series<>();
            ser.setName(s.variantName() + " · " + s.modelId() + (s == cheapest ? " ★ cheapest that holds quality" : ""));
            ser.getData().add(new XYChart.Data<>(s.meanCostUsd().doubleValue(), y));
            costQuality.getData().add(ser);
        }
        // the latency chart and the outputs came with the preview: the same numbers
    }

    /** A verdict line "model · variant: text" (model null: all models). */
    private Label addVerdictLine(String modelId, long variantId, String text, String color, String tooltip) {
        String name = data.variants().stream().filter(v -> v.id() == variantId).map(Variant::name).findFirst()
                .orElse("?");
        Label l = new Label((modelId == null ? "All models" : modelId) + " · " + name + ": " + text);
        l.setWrapText(true);
        l.setStyle("-fx-font-size: 13px; -fx-text-fill: " + color + ";");
        l.setTooltip(new Tooltip(tooltip));
        l.getStyleClass().add("lab-verdict");
        verdicts.getChildren().add(l);
        return l;
    }

    private void renderLatency(List<VariantModelSummary> rows) {
        latency.getData().clear();
        XYChart.Series<String, Number> p50 = new XYChart.Series<>();
        p50.setName("p50");
        XYChart.Series<String, Number> p95 = new XYChart.Series<>();
        p95.setName("p95");
        for (VariantModelSummary s : rows) {
            if (s.latencyMs().n() == 0) {
                continue;
            }
            String k = s.variantName() + "\n" + s.modelId();
            p50.getData().add(new XYChart.Data<>(k, s.latencyMs().median()));
            p95.getData().add(new XYChart.Data<>(k, s.latencyMs().p95()));
        }
        latency.getData().addAll(List.of(p50, p95));
    }

    /** The outputs side by side: input × model × repetition with the baseline's and first optimized variant's. */
    private void renderCells() {
        Variant base = data.baseline();
        Variant opt = data.variants().stream().filter(v -> !v.baseline()).findFirst().orElse(null);
        Map<String, Trial[]> m = new java.util.TreeMap<>();
        for (Trial t : data.trials()) {
            if (t.errorText() != null) {
                continue;
            }
            String key = "input " + t.cell().inputId() + " · " + t.cell().modelId() + " · rep " + t.cell().repetition();
            Trial[] pair = m.computeIfAbsent(key, k -> new Trial[2]);
            if (base != null && t.cell().variantId() == base.id()) {
                pair[0] = t;
            } else if (opt != null && t.cell().variantId() == opt.id()) {
                pair[1] = t;
            }
        }
        cells = m;
        cellBox.getItems().setAll(new ArrayList<>(m.keySet()));
        leftTitle.setText(base == null ? "" : base.name() + " (baseline)");
        rightTitle.setText(opt == null ? "" : opt.name());
        leftMedia.setText(VariantMediaBox.caption(base));
        rightMedia.setText(VariantMediaBox.caption(opt));
        if (!m.isEmpty()) {
            cellBox.getSelectionModel().select(0);
            showCell();
        }
    }

    private void showCell() {
        Trial[] p = cellBox.getValue() == null ? null : cells.get(cellBox.getValue());
        left.getChildren().clear();
        right.getChildren().clear();
        if (p == null) {
            return;
        }
        String a = p[0] == null || p[0].outputText() == null ? "" : p[0].outputText();
        String b = p[1] == null || p[1].outputText() == null ? "" : p[1].outputText();
        for (WordDiff.Segment s : WordDiff.diff(a, b)) {
            switch (s.op()) {
                case EQUAL:
                    left.getChildren().add(new Text(s.left()));
                    right.getChildren().add(new Text(s.right()));
                    break;
                case DELETE:
                    left.getChildren().add(colored(s.left(), Color.web("#b02a37"), true));
                    break;
                default:
                    right.getChildren().add(colored(s.right(), Color.web("#1e7e34"), false));
                    break;
            }
        }
        leftTitle.setText(leftTitle.getText().replaceFirst(" · .*", "") + (p[0] == null ? "" : " · "
                + money(p[0].costUsd()) + judgeLabel(p[0])));
        rightTitle.setText(rightTitle.getText().replaceFirst(" · .*", "") + (p[1] == null ? "" : " · "
                + money(p[1].costUsd()) + judgeLabel(p[1])));
        leftTitle.setTooltip(judgeTooltip(p[0]));
        rightTitle.setTooltip(judgeTooltip(p[1]));
    }

    private static String money(BigDecimal d) {
        return d == null ? "unpriced" : Money.format(d);
    }

    private static Text colored(String s, Color c, boolean strike) {
        Text t = new Text(s);
        t.setFill(c);
        t.setStrikethrough(strike);
        t.setUnderline(!strike);
        return t;
    }

    private void rate(int value) {
        Trial[] p = cellBox.getValue() == null ? null : cells.get(cellBox.getValue());
        if (p != null && p[1] != null) {
            store.rate(p[1].id(), RatingScale.THUMBS, value, "");
        }
    }

    /** The y of a row in the cost-vs-quality chart: the value of the measure the verdict watches (NaN: none). */
    private static double chartQuality(dev.costbench.model.lab.stats.QualityMeasure m, VariantModelSummary s,
                                       QualitySummary q) {
        if (q == null) {
            return Double.NaN;
        }
        return switch (m) {
            case JUDGE_SCORE -> q.judgeScores().mean();
            case CHECK_PASS_RATE -> q.checks().hasChecks() ? q.checks().passRate() : Double.NaN;
            case RATING -> q.ratings().n() == 0 ? Double.NaN : q.ratings().score();
            default -> s.baseline() ? 1.0 : q.rougeL().mean();
        };
    }

    /** " · judge 4/5", " · judge failed", or "". */
    private String judgeLabel(Trial t) {
        JudgeScore j = t == null ? null : judgeByTrial.get(t.id());
        if (j != null) {
            return " · judge " + score(j.score()) + "/" + (judge == null ? "?" : judge.scale());
        }
        return t != null && judgeFailureByTrial.containsKey(t.id()) ? " · judge: no score" : "";
    }

    private Tooltip judgeTooltip(Trial t) {
        JudgeScore j = t == null ? null : judgeByTrial.get(t.id());
        if (j != null) {
            return new Tooltip("Judge " + j.judgeModel() + ": " + score(j.score()) + "\n"
                    + (j.rationale() == null || j.rationale().isBlank() ? "(no rationale)" : j.rationale()));
        }
        JudgeFailure f = t == null ? null : judgeFailureByTrial.get(t.id());
        return f == null ? null : new Tooltip("The judge gave no score: " + f.error() + "\nJudge again to retry.");
    }

    private static String score(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.1f", d);
    }

    String judgeCell(VariantModelSummary r) {
        if (results == null && preview != null) {
            return "…";
        }
        QualitySummary q = results == null ? null : results.qualityOf(r.variantId(), r.modelId()).orElse(null);
        if (q == null || q.judgeScores().n() == 0) {
            return "";
        }
        var d = q.judgeScores();
        return String.format(Locale.ROOT, "%.2f", d.mean()) + (d.meanCi() == null ? "" : String.format(Locale.ROOT,
                "  [%.2f – %.2f]", d.meanCi().low(), d.meanCi().high())) + "  n=" + d.n();
    }

    private String checksCell(VariantModelSummary r) {
        if (results == null && preview != null) {
            return "…";
        }
        QualitySummary q = results == null ? null : results.qualityOf(r.variantId(), r.modelId()).orElse(null);
        if (q == null || !q.checks().hasChecks() || q.checks().outputs() == 0) {
            return "";
        }
        return String.format(Locale.ROOT, "%.0f %%", q.checks().passRate() * 100) + " of " + q.checks().outputs();
    }

    private static String judgeText(ExperimentResults.Comparison c) {
        var j = c.judge();
        if (j == null) {
            return "";
        }
        return String.format(Locale.ROOT, "\nJudge score: baseline %.2f, this variant %.2f (%s%.2f%s, %s)",
                j.baselineMean(), j.optimizedMean(), j.difference() >= 0 ? "−" : "+", Math.abs(j.difference()),
                j.differenceCi() == null ? "" : String.format(Locale.ROOT, "; 95 %% CI of the drop %.2f to %.2f",
                        j.differenceCi().low(), j.differenceCi().high()),
                j.tested() ? (j.significant() ? "significant" : "not significant") : "too few scores to test");
    }

    /** Opens the Judge dialog for the experiment shown. */
    public void openJudge() {
        if (current == null || catalog == null || clients == null) {
            return;
        }
        long id = current.id();
        judgeDialog = new JudgeDialog(getScene() == null ? null : getScene().getWindow(), store, catalog.get(),
                clients, store.loadExperiment(id), r -> {
                    if (current != null && current.id() == id) {
                        show(store.loadExperiment(id));
                    }
                });
        judgeDialog.show();
    }

    /** Stores the edited checks and thresholds with the experiment and recomputes the verdicts. */
    public void applyQuality() {
        if (current == null) {
            return;
        }
        try {
            List<dev.costbench.model.lab.stats.Check> cs = quality.checks();
            dev.costbench.model.lab.stats.VerdictThresholds th = quality.thresholds();
            show(QualityStore.update(store, current.id(), q -> q.withChecks(cs).withThresholds(th)));
        } catch (RuntimeException e) {
            qualityError.setText(e.getMessage());
        }
    }

    QualityEditor qualityEditor() {
        return quality;
    }

    JudgeDialog judgeDialog() {
        return judgeDialog;
    }

    public Label spendLabel() {
        return spend;
    }

    /** The baseline's and the optimized variant's trial of the cell shown (either may be null). */
    Trial[] cellTrials() {
        return cellBox.getValue() == null ? null : cells.get(cellBox.getValue());
    }

    /** How many analyses completed (or failed). */
    public long generation() {
        return generation;
    }

    /** How many first steps (cost table shown, quality pending) were shown. */
    public long previewGeneration() {
        return previewGeneration;
    }

    /** True while the quality, bootstrap intervals and verdicts are being computed. */
    public boolean qualityPending() {
        return progress.isVisible();
    }

    /** Tests: makes the next analyses wait for {@code gate} after their first step (null: no wait). */
    void holdQualityUntil(CountDownLatch gate) {
        holdQuality = gate;
    }

    /** The rows of the cost table shown. */
    public List<VariantModelSummary> tableRows() {
        return List.copyOf(table.getItems());
    }

    public ExperimentResults results() {
        return results;
    }

    public List<Label> verdictLabels() {
        return verdicts.getChildren().stream().filter(n -> n instanceof Label).map(n -> (Label) n)
                .sorted(Comparator.comparing(Label::getText)).toList();
    }
}
