// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.Money;
import dev.costbench.model.lab.LabStore;
import dev.costbench.model.lab.judge.Judge;
import dev.costbench.model.lab.judge.JudgeListener;
import dev.costbench.model.lab.judge.JudgeProgress;
import dev.costbench.model.lab.judge.JudgeResult;
import dev.costbench.model.lab.judge.JudgeRun;
import dev.costbench.model.lab.judge.JudgeSpec;
import dev.costbench.model.lab.run.ClientSource;
import dev.costbench.model.lab.run.ExperimentSpec;
import dev.costbench.model.lab.run.Run;
import dev.costbench.model.lab.run.RunEstimate;
import dev.costbench.model.lab.run.RunListener;
import dev.costbench.model.lab.run.RunPlan;
import dev.costbench.model.lab.run.RunProgress;
import dev.costbench.model.lab.run.RunResult;
import dev.costbench.model.lab.run.Runner;
import dev.costbench.model.lab.run.TestInputs;
import dev.costbench.model.lab.stats.PowerAnalysis;
import dev.costbench.model.lab.stats.QualitySettings;
import dev.costbench.model.lab.stats.SampleSize;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.controlsfx.control.CheckComboBox;

/**
 * Sets up an A/B experiment — baseline and optimized prompts with {{placeholders}}, test inputs, models,
 * repetitions, budget cap, pass/fail checks and verdict thresholds, an optional LLM judge — shows the estimated cost
 * with its range (the judge's apart) and a sample-size hint, and runs it with a progress bar, pause and cancel, then
 * the judge. The run never spends past the cap.
 */
public final class SetupPane extends ScrollPane {

    /** The Prompt view's prompt: {system, user}. */
    public interface PromptSource {
        String[] current();
    }

    /**
     * The Media view's current image: {original, processed (resized / recompressed)}.
     *
     * @throws IllegalStateException with a message for the user when there is no image to take
     */
    public interface MediaSource {
        List<ExperimentSpec.MediaSpec> current();
    }

    private final Supplier<LabStore> store;
    private final Supplier<Catalog> catalog;
    private final ClientSource clients;
    private final Consumer<Long> onFinished;

    private final TextField name = new TextField("Verbose vs optimized prompt");
    private final TextArea baseSystem = area("System prompt of the baseline");
    private final TextArea baseUser = area("User message of the baseline — {{placeholders}} are filled from the inputs");
    private final TextArea optSystem = area("System prompt of the optimized variant");
    private final TextArea optUser = area("User message of the optimized variant");
    private final TextArea inputs = area("Test inputs: JSONL ({\"ticket\": \"…\"} per line) or CSV with a header row");
    private final CheckComboBox<String> models = new CheckComboBox<>();
    private final Spinner<Integer> reps = new Spinner<>(1, 100, 3);
    private final TextField maxTokens = new TextField("300");
    private final TextField temperature = new TextField("");
    private final TextField budget = new TextField("1.00");
    private final CheckBox responseCache = new CheckBox("Reuse stored answers for identical requests (never for "
            + "repetitions)");
    private final Label estimate = new Label();
    private final Label power = new Label();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label progressText = new Label();
    private final Button estimateButton = new Button("Estimate");
    private final Button runButton = new Button("Run ▶");
    private final Button pause = new Button("Pause");
    private final Button cancel = new Button("Cancel");
    private final Label error = new Label();
    private final QualityEditor quality = new QualityEditor("setup");
    private final JudgeEditor judge;
    private final Label judgeEstimate = new Label();
    private final VariantMediaBox baseMedia;
    private final VariantMediaBox optMedia;
    private MediaSource mediaSource;
    private Run run;
    private volatile JudgeRun judgeRun;
    private long finishedCount;

    public SetupPane(Supplier<LabStore> store, Supplier<Catalog> catalog, ClientSource clients, PromptSource prompt,
                     Consumer<Long> onFinished) {
        this.store = store;
        this.catalog = catalog;
        this.clients = clients;
        this.onFinished = onFinished;
        this.judge = new JudgeEditor(catalog.get(), "setup-judge", true);
        setId("lab-setup");
        setFitToWidth(true);
        models.getItems().setAll(catalog.get().models().stream().map(ModelEntry::id).sorted().toList());
        models.setId("lab-models");
        models.setPrefWidth(420);
        for (String m : List.of("gpt-4o-mini", "claude-haiku-4-5", "gemini-2.5-flash")) {
            if (models.getItems().contains(m)) {
                models.getCheckModel().check(m);
            }
        }
        name.setId("lab-name");
        baseUser.setId("lab-base-user");
        optUser.setId("lab-opt-user");
        baseSystem.setId("lab-base-system");
        optSystem.setId("lab-opt-system");
        inputs.setId("lab-inputs");
        budget.setId("lab-budget");
        maxTokens.setId("lab-max-tokens");
        reps.setId("lab-reps");
        reps.setEditable(true);
        baseMedia = new VariantMediaBox("lab-base", this::checkedModels, error::setText);
        optMedia = new VariantMediaBox("lab-opt", this::checkedModels, error::setText);
        for (VariantMediaBox b : List.of(baseMedia, optMedia)) {
            b.media().addListener((javafx.collections.ListChangeListener<ExperimentSpec.MediaSpec>) c -> {
                if (!estimate.getText().isEmpty()) {
                    showEstimate();
                }
            });
        }
        models.getCheckModel().getCheckedItems().addListener((javafx.collections.ListChangeListener<String>) c -> {
            baseMedia.refresh();
            optMedia.refresh();
        });
        Button fromMedia = new Button("Images from the Media view");
        fromMedia.setId("lab-from-media");
        fromMedia.setTooltip(new Tooltip("The Media view's original image goes to the baseline, its resized / "
                + "recompressed version to the optimized variant: does the cheaper image answer as well?"));
        fromMedia.setOnAction(e -> fromMediaView());
        Button fromPromptBase = new Button("From the Prompt view");
        fromPromptBase.setTooltip(new Tooltip("Copy the Prompt view's system prompt and user message"));
        fromPromptBase.setOnAction(e -> fill(prompt.current(), baseSystem, baseUser));
        Button fromPromptOpt = new Button("From the Prompt view");
        fromPromptOpt.setOnAction(e -> fill(prompt.current(), optSystem, optUser));
        Button loadInputs = new Button("Load CSV / JSONL…");
        loadInputs.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV or JSONL", "*.csv", "*.jsonl",
                    "*.json", "*.txt"));
            java.io.File f = fc.showOpenDialog(getScene().getWindow());
            if (f != null) {
                try {
                    inputs.setText(java.nio.file.Files.readString(f.toPath()));
                } catch (java.io.IOException x) {
                    error.setText("Cannot read " + f + ": " + x.getMessage());
                }
            }
        });
        estimateButton.setId("lab-estimate");
        estimateButton.setOnAction(e -> showEstimate());
        runButton.setId("lab-run");
        runButton.setStyle("-fx-font-weight: bold;");
        runButton.setTooltip(new Tooltip("Runs every cell against the real APIs (billed), within the budget cap"));
        runButton.setOnAction(e -> start());
        pause.setOnAction(e -> {
            if (run != null) {
                if (run.isPaused()) {
                    run.resume();
                    pause.setText("Pause");
                } else {
                    run.pause();
                    pause.setText("Resume");
                }
            }
        });
        cancel.setId("lab-cancel");
        cancel.setOnAction(e -> {
            if (judgeRun != null && !judgeRun.isFinished()) {
                judgeRun.cancel();
            } else if (run != null) {
                run.cancel();
            }
        });
        progress.setId("lab-progress");
        progress.setPrefWidth(320);
        progressText.setId("lab-progress-text");
        estimate.setId("lab-estimate-text");
        estimate.setWrapText(true);
        power.setWrapText(true);
        power.setId("lab-power");
        error.setId("lab-error");
        error.setWrapText(true);
        error.setStyle("-fx-text-fill: #c0392b;");
        setRunning(false);

        GridPane variants = new GridPane();
        variants.setHgap(10);
        variants.setVgap(4);
        variants.add(new HBox(8, title("Baseline"), fromPromptBase), 0, 0);
        variants.add(new HBox(8, title("Optimized"), fromPromptOpt), 1, 0);
        variants.add(baseSystem, 0, 1);
        variants.add(optSystem, 1, 1);
        variants.add(baseUser, 0, 2);
        variants.add(optUser, 1, 2);
        Label mediaNote = new Label("Images sent with each request (optional)");
        mediaNote.setStyle("-fx-text-fill: -color-fg-muted;");
        HBox mediaBar = new HBox(8, mediaNote, fromMedia);
        mediaBar.setAlignment(Pos.CENTER_LEFT);
        variants.add(mediaBar, 0, 3, 2, 1);
        variants.add(baseMedia, 0, 4);
        variants.add(optMedia, 1, 4);
        javafx.scene.layout.ColumnConstraints half = new javafx.scene.layout.ColumnConstraints();
        half.setPercentWidth(50);
        variants.getColumnConstraints().addAll(half, half);
        GridPane params = new GridPane();
        params.setHgap(8);
        params.setVgap(6);
        params.addRow(0, new Label("Models"), models);
        params.addRow(1, new Label("Repetitions"), reps);
        params.addRow(2, new Label("Max output tokens"), maxTokens);
        params.addRow(3, new Label("Temperature"), temperature);
        params.addRow(4, new Label("Budget cap (USD)"), budget);
        temperature.setPromptText("provider default");
        HBox runBar = new HBox(8, estimateButton, runButton, progress, progressText, pause, cancel);
        runBar.setAlignment(Pos.CENTER_LEFT);
        judgeEstimate.setId("lab-judge-estimate");
        judgeEstimate.setWrapText(true);
        javafx.scene.control.TitledPane qualityPane = new javafx.scene.control.TitledPane(
                "Quality: pass/fail checks and the verdict", quality);
        qualityPane.setId("setup-quality");
        qualityPane.setExpanded(false);
        javafx.scene.control.TitledPane judgePane = new javafx.scene.control.TitledPane("LLM judge (optional)", judge);
        judgePane.setId("setup-judge");
        judgePane.setExpanded(false);
        judge.onChange(() -> judgeEstimate.setText(""));
        VBox box = new VBox(8, new HBox(8, new Label("Name"), name), variants,
                new HBox(8, title("Test inputs"), loadInputs), inputs, params, responseCache, qualityPane, judgePane,
                estimate, judgeEstimate, power, runBar, error);
        HBox.setHgrow(name, Priority.ALWAYS);
        box.setPadding(new Insets(10));
        setContent(box);
        inputs.setText("{\"ticket\": \"My order #1234 has not arrived yet. Where is it?\"}\n"
                + "{\"ticket\": \"I was charged twice for order #5678, please refund one payment.\"}\n"
                + "{\"ticket\": \"How do I change the delivery address of order #9012?\"}");
        baseSystem.setText("You are a helpful, friendly and extremely thorough customer support assistant for our "
                + "online store. Always greet the customer warmly, restate their problem in your own words, explain "
                + "every step you take, and close with a polite offer of further help.");
        baseUser.setText("Please read the following customer support ticket carefully and write a complete, "
                + "detailed reply to it: {{ticket}}");
        optSystem.setText("Support agent. Reply in 2 sentences.");
        optUser.setText("Ticket: {{ticket}}");
    }

    private static Label title(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("section-title");
        return l;
    }

    private static TextArea area(String prompt) {
        TextArea a = new TextArea();
        a.setPromptText(prompt);
        a.setWrapText(true);
        a.setPrefRowCount(3);
        return a;
    }

    private static void fill(String[] p, TextArea system, TextArea user) {
        system.setText(p[0] == null ? "" : p[0]);
        user.setText(p[1] == null ? "" : p[1]);
    }

    /** The experiment as the form describes it; a clear message for what is missing or wrong. */
    public ExperimentSpec spec() {
        List<ExperimentSpec.VariantSpec> vs = new ArrayList<>();
        vs.add(ExperimentSpec.VariantSpec.of("baseline", true, baseSystem.getText(), baseUser.getText())
                .withMedia(baseMedia.media()));
        if (!optUser.getText().isBlank()) {
            vs.add(ExperimentSpec.VariantSpec.of("optimized", false, optSystem.getText(), optUser.getText())
                    .withMedia(optMedia.media()));
        } else if (!optMedia.media().isEmpty()) {
            throw new IllegalArgumentException("The optimized variant has an image but no user message: type one "
                    + "(e.g. the baseline's question).");
        }
        String text = inputs.getText().strip();
        List<ExperimentSpec.InputSpec> in = text.isEmpty() ? List.of(new ExperimentSpec.InputSpec("", java.util.Map.of()))
                : text.startsWith("{") ? TestInputs.jsonl(text, "test inputs") : TestInputs.csv(text, "test inputs");
        List<ExperimentSpec.ModelSpec> ms = checkedIds().stream()
                .map(ExperimentSpec.ModelSpec::of).toList();
        if (ms.isEmpty()) {
            throw new IllegalArgumentException("Pick at least one model.");
        }
        int max;
        BigDecimal cap;
        Double temp;
        try {
            max = Integer.parseInt(maxTokens.getText().trim());
            cap = budget.getText().isBlank() ? null : new BigDecimal(budget.getText().trim());
            temp = temperature.getText().isBlank() ? null : Double.valueOf(temperature.getText().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Max output tokens, temperature and budget must be numbers.");
        }
        if (max <= 0 || (cap != null && cap.signum() <= 0)) {
            throw new IllegalArgumentException("Max output tokens and the budget must be positive.");
        }
        return new ExperimentSpec(name.getText(), "", vs, in, ms, reps.getValue(), cap, responseCache.isSelected(),
                new ExperimentSpec.Params(temp, max, null, null, null), true, null,
                new QualitySettings(quality.checks(), quality.thresholds(), judge.spec()));
    }

    /** Where "Images from the Media view" takes its images (set by the app; null: the button says so). */
    public void setMediaSource(MediaSource source) {
        this.mediaSource = source;
    }

    /** The Media view's original to the baseline, its processed image to the optimized variant. */
    public void fromMediaView() {
        error.setText("");
        try {
            if (mediaSource == null) {
                throw new IllegalStateException("The Media view is not available here.");
            }
            List<ExperimentSpec.MediaSpec> pair = mediaSource.current();
            baseMedia.media().setAll(pair.get(0));
            optMedia.media().setAll(pair.get(1));
            if (optUser.getText().isBlank()) {
                optUser.setText(baseUser.getText());
            }
        } catch (RuntimeException ex) {
            error.setText(ex.getMessage());
        }
    }

    /** The baseline's and the optimized variant's media boxes (tests attach files through them). */
    VariantMediaBox baselineMedia() {
        return baseMedia;
    }

    VariantMediaBox optimizedMedia() {
        return optMedia;
    }

    private List<ModelEntry> checkedModels() {
        List<ModelEntry> out = new ArrayList<>();
        for (String id : checkedIds()) {
            catalog.get().find(id).ifPresent(out::add);
        }
        return out;
    }

    private Runner runner() {
        return new Runner(store.get(), clients, id -> catalog.get().find(id));
    }

    /** Shows the estimated cost of the whole run with its range, and how many trials a 10 % difference needs. */
    public void showEstimate() {
        error.setText("");
        try {
            ExperimentSpec s = spec();
            RunEstimate e = runner().estimate(s);
            estimate.setText(String.format(Locale.ROOT, "Estimated cost of the run: %s – %s for %d calls (low: "
                    + "short answers; high: every call writes its %s-token cap)%s%s", Money.format(e.lowUsd()),
                    Money.format(e.highUsd()), e.calls(), maxTokens.getText().trim(),
                    e.unpricedModels().isEmpty() ? "" : "; unpriced: " + String.join(", ", e.unpricedModels()),
                    e.budgetUsd() == null ? "" : e.likelyHitsBudget() ? ". It will most likely stop at the "
                            + Money.format(e.budgetUsd()) + " cap." : e.mayHitBudget() ? ". It may reach the "
                            + Money.format(e.budgetUsd()) + " cap." : ". Within the " + Money.format(e.budgetUsd())
                            + " cap."));
            estimate.setText(estimate.getText() + perVariant(e));
            BigDecimal perCall = e.calls() == 0 ? null : e.lowUsd().add(e.highUsd())
                    .divide(BigDecimal.valueOf(2L * e.calls()), 10, java.math.RoundingMode.HALF_EVEN);
            SampleSize n = PowerAnalysis.sampleSize(0.10, PowerAnalysis.ASSUMED_CV, true, 0.05, 0.80, perCall, null);
            power.setText(n.sentence() + " The spread of cost per call is an assumption until a first run "
                    + "measures it; trials are paired by input, model and repetition.");
            JudgeSpec j = s.quality().judge();
            judgeEstimate.setText(j == null ? "" : "Then the " + Judge.estimate(RunPlan.of(s), j,
                    id -> catalog.get().find(id)).text() + ", counted apart from the trials"
                    + (j.budgetUsd() == null ? "" : " (judge cap " + JudgeEditor.cap(j.budgetUsd()) + ")") + ".");
        } catch (RuntimeException ex) {
            error.setText(ex.getMessage());
        }
    }

    /** "\nPer variant: baseline $0.0123 – $0.0456 (≈ 25,620 input tokens per call) · optimized …". */
    private static String perVariant(RunEstimate e) {
        java.util.Map<String, BigDecimal[]> sums = new java.util.LinkedHashMap<>();
        java.util.Map<String, long[]> input = new java.util.LinkedHashMap<>();
        for (RunEstimate.Line l : e.lines()) {
            BigDecimal[] s = sums.computeIfAbsent(l.variant(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            if (l.lowUsd() != null) {
                s[0] = s[0].add(l.lowUsd());
                s[1] = s[1].add(l.highUsd());
            }
            long[] in = input.computeIfAbsent(l.variant(), k -> new long[2]);
            in[0] += l.inputTokensPerCall() * l.calls();
            in[1] += l.calls();
        }
        if (sums.size() < 2) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        sums.forEach((v, s) -> parts.add(String.format(Locale.ROOT, "%s %s – %s (≈ %,d input tokens per call)", v,
                Money.format(s[0]), Money.format(s[1]), input.get(v)[1] == 0 ? 0 : input.get(v)[0] / input.get(v)[1])));
        return "\nPer variant: " + String.join(" · ", parts);
    }

    /** Creates the experiment in the store and runs it. */
    public void start() {
        error.setText("");
        LabStore s = store.get();
        if (s == null) {
            error.setText("The local store is not open, so the run could not be recorded.");
            return;
        }
        ExperimentSpec spec;
        try {
            spec = spec();
        } catch (RuntimeException ex) {
            error.setText(ex.getMessage());
            return;
        }
        showEstimate();
        Runner r = runner();
        long id;
        try {
            id = r.create(spec).experimentId(); // checks placeholders, APIs and media before storing anything
        } catch (RuntimeException ex) {
            error.setText(ex.getMessage());
            return;
        }
        startRun(r, id);
    }

    private void startRun(Runner r, long experimentId) {
        run = r.start(experimentId, null, new RunListener() {
            @Override
            public void progress(RunProgress p) {
                Platform.runLater(() -> {
                    progress.setProgress(p.fraction());
                    progressText.setText(String.format(Locale.ROOT, "%d of %d · spent %s%s%s", p.done(), p.total(),
                            Money.format(p.spentUsd()), p.budgetUsd() == null ? "" : " of " + Money.format(p.budgetUsd()),
                            p.state() == RunProgress.State.PAUSED ? " · paused" : ""));
                    if (p.lastError() != null) {
                        error.setText(p.lastError());
                    }
                });
            }

            @Override
            public void finished(RunResult res) {
                Platform.runLater(() -> {
                    progressText.setText(res.message() == null ? res.outcome().name() : res.message());
                    JudgeSpec j = judgeOf(res.experimentId());
                    if (j != null && res.done() > 0 && res.outcome() != RunResult.Outcome.CANCELLED
                            && startJudge(res.experimentId(), j)) {
                        return;
                    }
                    setRunning(false);
                    finishedCount++;
                    onFinished.accept(res.experimentId());
                });
            }
        });
        setRunning(true);
    }

    private JudgeSpec judgeOf(long experimentId) {
        try {
            return QualityStore.read(store.get().loadExperiment(experimentId)).judge();
        } catch (RuntimeException e) {
            error.setText("Cannot read the judge: " + e.getMessage());
            return null;
        }
    }

    /** After the trials: the judge scores every output, on the same progress bar; false when it cannot start. */
    private boolean startJudge(long experimentId, JudgeSpec j) {
        progress.setProgress(0);
        try {
            judgeRun = new Judge(store.get(), clients, id -> catalog.get().find(id)).start(experimentId, j, null,
                    new JudgeListener() {
                        @Override
                        public void progress(JudgeProgress p) {
                            Platform.runLater(() -> {
                                progress.setProgress(p.fraction());
                                progressText.setText("Judging: " + JudgeEditor.progressText(p));
                            });
                        }

                        @Override
                        public void finished(JudgeResult r) {
                            Platform.runLater(() -> {
                                setRunning(false);
                                progressText.setText("Judge: " + r.message());
                                finishedCount++;
                                onFinished.accept(experimentId);
                            });
                        }
                    });
            pause.setVisible(false);
            return true;
        } catch (RuntimeException e) {
            error.setText("The judge could not start: " + e.getMessage());
            return false;
        }
    }

    /**
     * Reruns experiment {@code id}: an interrupted or incomplete one resumes its missing trials; a finished one is
     * duplicated as a new experiment with the same setup.
     */
    public void rerun(long id) {
        error.setText("");
        LabStore s = store.get();
        try {
            dev.costbench.model.lab.Experiment e = s.loadExperiment(id);
            Runner r = runner();
            long target;
            if (e.status() == dev.costbench.model.lab.ExperimentStatus.DONE) {
                ExperimentSpec spec = RunPlan.load(s, id).spec();
                ExperimentSpec copy = new ExperimentSpec(spec.name() + " (rerun)", spec.description(), spec.variants(),
                        spec.inputs(), spec.models(), spec.repetitions(), spec.budgetUsd(), spec.responseCache(),
                        spec.parameters(), spec.stream(), spec.openAiApi(), spec.quality());
                target = r.create(copy).experimentId();
            } else {
                target = id;
            }
            startRun(r, target);
        } catch (RuntimeException ex) {
            error.setText("Cannot rerun: " + ex.getMessage());
        }
    }

    private void setRunning(boolean on) {
        runButton.setDisable(on);
        estimateButton.setDisable(on);
        pause.setVisible(on);
        cancel.setVisible(on);
        progress.setVisible(on || progress.getProgress() > 0);
        pause.setText("Pause");
    }

    /**
     * Fills the form with a baseline and an optimized prompt (the Prompt view's "Check quality"): the experiment's
     * name and both variants' system prompt and user message; inputs, models and the budget stay as they are.
     */
    public void prefill(String experimentName, String baselineSystem, String baselineUser, String optimizedSystem,
                        String optimizedUser) {
        name.setText(experimentName);
        fill(new String[] {baselineSystem, baselineUser}, baseSystem, baseUser);
        fill(new String[] {optimizedSystem, optimizedUser}, optSystem, optUser);
        error.setText("");
    }

    /** Checks exactly {@code ids} in the model picker. */
    private List<String> checkedIds() {
        return dev.costbench.ui.common.Checked.items(models);
    }

    public void modelsForTest(List<String> ids) {
        models.getCheckModel().clearChecks();
        ids.forEach(models.getCheckModel()::check);
    }

    public long finishedCount() {
        return finishedCount;
    }

    public Label estimateLabel() {
        return estimate;
    }

    public Label errorLabel() {
        return error;
    }

    public Label judgeEstimateLabel() {
        return judgeEstimate;
    }

    QualityEditor qualityEditor() {
        return quality;
    }

    JudgeEditor judgeEditor() {
        return judge;
    }
}
