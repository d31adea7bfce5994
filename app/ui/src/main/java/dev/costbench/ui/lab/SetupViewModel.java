// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.lab.LabStore;
import dev.costbench.model.lab.run.ClientSource;
import dev.costbench.model.lab.run.ExperimentSpec;
import dev.costbench.model.lab.run.Runner;
import dev.costbench.model.lab.run.TestInputs;
import dev.costbench.model.lab.stats.QualitySettings;
import dev.costbench.ui.common.DialogService;
import dev.costbench.ui.common.UiContext;
import dev.costbench.ui.common.ViewModel;
import dev.costbench.ui.common.handoff.ExperimentMediaSource;
import dev.costbench.ui.common.handoff.QualityCheckTarget;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The A/B setup's state: the experiment's name, both variants (system prompt, user message with {{placeholders}},
 * media), the test inputs, models, repetitions, output cap, temperature, budget cap and answer reuse; the quality
 * settings come from the checks and judge editors. Builds the {@link ExperimentSpec}, shows the estimate
 * ({@link EstimateText}) and hands the run to its {@link RunViewModel}.
 */
public final class SetupViewModel implements ViewModel {

    /** The Prompt view's prompt: {system, user}. */
    @FunctionalInterface
    public interface PromptSource {
        String[] current();
    }

    /** Checked at first when the catalog has them. */
    static final List<String> DEFAULT_MODELS = List.of("gpt-4o-mini", "claude-haiku-4-5", "gemini-2.5-flash");

    private final UiContext ui;
    private final Supplier<LabStore> store;
    private final Supplier<Catalog> catalog;
    private final PromptSource prompt;
    private final ExperimentMediaSource mediaSource;
    private final RunViewModel run;

    private final StringProperty name = new SimpleStringProperty(this, "name", "Verbose vs optimized prompt");
    private final StringProperty baseSystem = new SimpleStringProperty(this, "baseSystem", SetupDefaults.BASE_SYSTEM);
    private final StringProperty baseUser = new SimpleStringProperty(this, "baseUser", SetupDefaults.BASE_USER);
    private final StringProperty optSystem = new SimpleStringProperty(this, "optSystem", SetupDefaults.OPT_SYSTEM);
    private final StringProperty optUser = new SimpleStringProperty(this, "optUser", SetupDefaults.OPT_USER);
    private final StringProperty inputs = new SimpleStringProperty(this, "inputs", SetupDefaults.INPUTS);
    private final ObjectProperty<Integer> repetitions = new SimpleObjectProperty<>(this, "repetitions", 3);
    private final StringProperty maxTokens = new SimpleStringProperty(this, "maxTokens", "300");
    private final StringProperty temperature = new SimpleStringProperty(this, "temperature", "");
    private final StringProperty budget = new SimpleStringProperty(this, "budget", "1.00");
    private final BooleanProperty responseCache = new SimpleBooleanProperty(this, "responseCache");
    private final ObservableList<String> models = FXCollections.observableArrayList();
    private final ObservableList<String> checkedModels = FXCollections.observableArrayList();
    private final ObservableList<ExperimentSpec.MediaSpec> baseMedia = FXCollections.observableArrayList();
    private final ObservableList<ExperimentSpec.MediaSpec> optMedia = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper estimate = new ReadOnlyStringWrapper(this, "estimate", "");
    private final ReadOnlyStringWrapper power = new ReadOnlyStringWrapper(this, "power", "");
    private final ReadOnlyStringWrapper judgeEstimate = new ReadOnlyStringWrapper(this, "judgeEstimate", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private Supplier<QualitySettings> quality = QualitySettings::defaults;

    /**
     * @param clients     the providers' clients for the runs and the judge
     * @param prompt      "From the Prompt view" (may be null: the buttons then say it is not available)
     * @param mediaSource "Images from the Media view" (may be null: the button then says it is not available)
     */
    public SetupViewModel(UiContext ui, Supplier<LabStore> store, Supplier<Catalog> catalog, ClientSource clients,
                          PromptSource prompt, ExperimentMediaSource mediaSource) {
        this.ui = Objects.requireNonNull(ui);
        this.store = store;
        this.catalog = catalog;
        this.prompt = prompt;
        this.mediaSource = mediaSource;
        this.run = new RunViewModel(ui, store, catalog, clients, error::set);
        models.setAll(catalog.get().models().stream().map(ModelEntry::id).sorted().toList());
        checkedModels.setAll(DEFAULT_MODELS.stream().filter(models::contains).toList());
        ListChangeListener<ExperimentSpec.MediaSpec> reestimate = c -> {
            if (!estimate.get().isEmpty()) {
                estimate();
            }
        };
        baseMedia.addListener(reestimate);
        optMedia.addListener(reestimate);
    }

    /**
     * The budget field's tooltip: what the cap guarantees. The one place this text comes from (a model-level
     * sentence describing the guarantee may replace it).
     */
    public String budgetTooltip() {
        return "The most the trials of this run may spend, in USD: before each call its worst case (every output "
                + "token of the cap) is reserved, and a call that could pass the cap is not made; empty for no cap.";
    }

    /** Where the quality settings (checks, thresholds, judge) come from: the view's editors. */
    public void setQualitySource(Supplier<QualitySettings> source) {
        this.quality = Objects.requireNonNull(source);
    }

    /** The experiment as the form describes it; a clear message for what is missing or wrong. */
    public ExperimentSpec spec() {
        List<ExperimentSpec.VariantSpec> vs = new ArrayList<>();
        vs.add(ExperimentSpec.VariantSpec.of("baseline", true, text(baseSystem), text(baseUser)).withMedia(baseMedia));
        if (!text(optUser).isBlank()) {
            vs.add(ExperimentSpec.VariantSpec.of("optimized", false, text(optSystem), text(optUser))
                    .withMedia(optMedia));
        } else if (!optMedia.isEmpty()) {
            throw new IllegalArgumentException("The optimized variant has an image but no user message: type one "
                    + "(e.g. the baseline's question).");
        }
        String in = text(inputs).strip();
        List<ExperimentSpec.InputSpec> ins = in.isEmpty() ? List.of(new ExperimentSpec.InputSpec("", Map.of()))
                : in.startsWith("{") ? TestInputs.jsonl(in, "test inputs") : TestInputs.csv(in, "test inputs");
        List<ExperimentSpec.ModelSpec> ms = checkedModels.stream().map(ExperimentSpec.ModelSpec::of).toList();
        if (ms.isEmpty()) {
            throw new IllegalArgumentException("Pick at least one model.");
        }
        int max;
        BigDecimal cap;
        Double temp;
        try {
            max = Integer.parseInt(text(maxTokens).trim());
            cap = text(budget).isBlank() ? null : new BigDecimal(text(budget).trim());
            temp = text(temperature).isBlank() ? null : Double.valueOf(text(temperature).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Max output tokens, temperature and budget must be numbers.");
        }
        if (max <= 0 || (cap != null && cap.signum() <= 0)) {
            throw new IllegalArgumentException("Max output tokens and the budget must be positive.");
        }
        int reps = repetitions.get() == null ? 1 : repetitions.get();
        return new ExperimentSpec(text(name), "", vs, ins, ms, reps, cap, responseCache.get(),
                new ExperimentSpec.Params(temp, max, null, null, null), true, null, quality.get());
    }

    private static String text(StringProperty p) {
        return p.get() == null ? "" : p.get();
    }

    Runner runner() {
        return run.runner();
    }

    /** Shows the estimated cost of the whole run with its range, and how many trials a 10 % difference needs. */
    public void estimate() {
        error.set("");
        try {
            ExperimentSpec s = spec();
            EstimateText t = EstimateText.of(runner().estimate(s), s, text(maxTokens).trim(), id -> catalog.get()
                    .find(id));
            estimate.set(t.cost());
            power.set(t.power());
            judgeEstimate.set(t.judge());
        } catch (RuntimeException ex) {
            error.set(UiContext.describe(ex));
        }
    }

    /** Creates the experiment in the store and runs it (the estimate is shown first). */
    public void run() {
        error.set("");
        if (store.get() == null) {
            error.set("The local store is not open (another CostBench may be running), so the run could not be "
                    + "recorded. Close the other CostBench and start this one again.");
            return;
        }
        ExperimentSpec spec;
        try {
            spec = spec();
        } catch (RuntimeException ex) {
            error.set(UiContext.describe(ex));
            return;
        }
        estimate();
        run.startNew(spec);
    }

    /** See {@link RunViewModel#rerun}. */
    public void rerun(long experimentId) {
        error.set("");
        run.rerun(experimentId);
    }

    /** Copies the Prompt view's prompt into the baseline ({@code baseline} true) or the optimized variant. */
    public void fromPromptView(boolean baseline) {
        if (prompt == null) {
            error.set("The Prompt view is not available here.");
            return;
        }
        String[] p = prompt.current();
        (baseline ? baseSystem : optSystem).set(p[0] == null ? "" : p[0]);
        (baseline ? baseUser : optUser).set(p[1] == null ? "" : p[1]);
    }

    /** The Media view's original to the baseline, its processed image to the optimized variant. */
    public void fromMediaView() {
        error.set("");
        try {
            if (mediaSource == null) {
                throw new IllegalStateException("The Media view is not available here.");
            }
            List<ExperimentSpec.MediaSpec> pair = mediaSource.experimentMedia();
            baseMedia.setAll(pair.get(0));
            optMedia.setAll(pair.get(1));
            if (text(optUser).isBlank()) {
                optUser.set(text(baseUser));
            }
        } catch (RuntimeException ex) {
            error.set(UiContext.describe(ex));
        }
    }

    /** "Load CSV / JSONL…": the test inputs from a file. */
    public void loadInputs() {
        ui.dialogs().openFile("Load test inputs (CSV or JSONL)", new DialogService.FileKind("CSV or JSONL",
                List.of("*.csv", "*.jsonl", "*.json", "*.txt"))).ifPresent(this::loadInputs);
    }

    void loadInputs(Path f) {
        try {
            inputs.set(Files.readString(f, StandardCharsets.UTF_8));
            error.set("");
        } catch (IOException x) {
            error.set("Cannot read " + f + ": " + x.getMessage() + ". Check that the file exists and is readable.");
        }
    }

    /** "Attach image…" of a variant's media. */
    public void chooseMedia(ObservableList<ExperimentSpec.MediaSpec> target) {
        ui.dialogs().openFiles("Attach image", new DialogService.FileKind("Images and WAV audio", List.of("*.jpg",
                "*.jpeg", "*.png", "*.webp", "*.gif", "*.wav")), DialogService.FileKind.ANY)
                .forEach(f -> attach(target, f));
    }

    /** Reads and attaches a file; a file that is not a supported image or WAV gives a message instead. */
    public boolean attach(ObservableList<ExperimentSpec.MediaSpec> target, Path file) {
        try {
            target.add(ExperimentSpec.MediaSpec.of(file.getFileName().toString(), Files.readAllBytes(file)));
            return true;
        } catch (IOException e) {
            error.set("Cannot read " + file + ": " + e.getMessage());
        } catch (RuntimeException e) {
            error.set(UiContext.describe(e));
        }
        return false;
    }

    /** The checked models as catalog entries (for the media token figures). */
    public List<ModelEntry> checkedEntries() {
        List<ModelEntry> out = new ArrayList<>();
        for (String id : checkedModels) {
            catalog.get().find(id).ifPresent(out::add);
        }
        return out;
    }

    /**
     * "Check quality" from the Prompt view: the experiment's name and both variants' system prompt and user message;
     * inputs, models and the budget stay as they are.
     */
    public void prefill(String experimentName, QualityCheckTarget.Variant baseline, QualityCheckTarget.Variant optimized) {
        name.set(experimentName);
        baseSystem.set(baseline.system() == null ? "" : baseline.system());
        baseUser.set(baseline.user() == null ? "" : baseline.user());
        optSystem.set(optimized.system() == null ? "" : optimized.system());
        optUser.set(optimized.user() == null ? "" : optimized.user());
        error.set("");
    }

    @Override
    public void close() {
        run.close();
    }

    public RunViewModel runModel() {
        return run;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty baseSystemProperty() {
        return baseSystem;
    }

    public StringProperty baseUserProperty() {
        return baseUser;
    }

    public StringProperty optSystemProperty() {
        return optSystem;
    }

    public StringProperty optUserProperty() {
        return optUser;
    }

    public StringProperty inputsProperty() {
        return inputs;
    }

    public ObjectProperty<Integer> repetitionsProperty() {
        return repetitions;
    }

    public StringProperty maxTokensProperty() {
        return maxTokens;
    }

    public StringProperty temperatureProperty() {
        return temperature;
    }

    public StringProperty budgetProperty() {
        return budget;
    }

    public BooleanProperty responseCacheProperty() {
        return responseCache;
    }

    /** Every model of the catalog, sorted. */
    public ObservableList<String> models() {
        return models;
    }

    /** The models checked, in list order. */
    public ObservableList<String> checkedModels() {
        return checkedModels;
    }

    public ObservableList<ExperimentSpec.MediaSpec> baselineMedia() {
        return baseMedia;
    }

    public ObservableList<ExperimentSpec.MediaSpec> optimizedMedia() {
        return optMedia;
    }

    public ReadOnlyStringProperty estimateProperty() {
        return estimate.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty powerProperty() {
        return power.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty judgeEstimateProperty() {
        return judgeEstimate.getReadOnlyProperty();
    }

    /** Clears the judge's estimate (its settings changed). */
    public void judgeChanged() {
        judgeEstimate.set("");
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
