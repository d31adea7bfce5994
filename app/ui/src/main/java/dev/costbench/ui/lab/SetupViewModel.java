// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import static dev.costbench.ui.lab.SetupVariants.text;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.ServiceTier;
import dev.costbench.model.lab.LabStore;
import dev.costbench.model.lab.run.ClientSource;
import dev.costbench.model.lab.run.ExperimentSpec;
import dev.costbench.model.lab.run.Runner;
import dev.costbench.model.lab.run.TestInputs;
import dev.costbench.model.lab.stats.QualitySettings;
import dev.costbench.model.provider.ReasoningEffort;
import dev.costbench.ui.common.Autosave;
import dev.costbench.ui.common.DialogService.FileKind;
import dev.costbench.ui.common.ToolsFile;
import dev.costbench.ui.common.UiContext;
import dev.costbench.ui.common.ViewModel;
import dev.costbench.ui.common.handoff.ExperimentMediaSource;
import dev.costbench.ui.common.handoff.QualityCheckTarget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
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
    private final SetupVariants variants;
    private final RunViewModel run;

    /** The name a new setup starts with. */
    static final String DEFAULT_NAME = "Verbose vs optimized prompt";

    private final StringProperty name = new SimpleStringProperty(this, "name", DEFAULT_NAME);
    private final StringProperty inputs = new SimpleStringProperty(this, "inputs", SetupDefaults.INPUTS);
    private final SetupParams params = new SetupParams();
    private final SetupSweep sweep = new SetupSweep();
    private final SetupBatch batch = new SetupBatch();
    private final ObservableList<String> models = FXCollections.observableArrayList();
    private final ObservableList<String> checkedModels = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper estimate = new ReadOnlyStringWrapper(this, "estimate", "");
    private final ReadOnlyStringWrapper power = new ReadOnlyStringWrapper(this, "power", "");
    private final ReadOnlyStringWrapper judgeEstimate = new ReadOnlyStringWrapper(this, "judgeEstimate", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private Supplier<QualitySettings> quality = QualitySettings::defaults;
    private final ObjectProperty<QualitySettings> shownQuality = new SimpleObjectProperty<>(this, "shownQuality");
    private QualitySettings lastQuality;
    private Autosave<SetupDraft> draft;
    private boolean applying;

    /**
     * @param clients     the providers' clients for the runs and the judge
     * @param prompt      "From the Prompt view" (may be null: the buttons then say it is not available)
     * @param mediaSource "Images from the Media view" (may be null: the button then says it is not available)
     */
    public SetupViewModel(
            UiContext ui,
            Supplier<LabStore> store,
            Supplier<Catalog> catalog,
            ClientSource clients,
            PromptSource prompt,
            ExperimentMediaSource mediaSource) {
        this.ui = Objects.requireNonNull(ui);
        this.store = store;
        this.catalog = catalog;
        this.variants = new SetupVariants(ui, prompt, mediaSource, error::set);
        this.run = new RunViewModel(ui, store, catalog, clients, error::set);
        models.setAll(
                catalog.get().models().stream().map(ModelEntry::id).sorted().toList());
        checkedModels.setAll(DEFAULT_MODELS.stream().filter(models::contains).toList());
        ListChangeListener<ExperimentSpec.MediaSpec> reestimate = c -> {
            if (!estimate.get().isEmpty()) {
                estimate();
            }
        };
        variants.baselineMedia().addListener(reestimate);
        variants.optimizedMedia().addListener(reestimate);
    }

    /**
     * Keeps the whole setup as a draft in {@code file} (written {@code delay} after the last edit, off the FX thread)
     * and brings back the draft the last session left there, also after a crash. A draft that cannot be read is set
     * aside (as {@code lab-setup-draft-damaged.json}) with a warning, and the setup starts from the example.
     */
    public void keepDraft(Path file, Duration delay) {
        draft = new Autosave<>(
                ui,
                "A/B setup draft",
                file,
                delay,
                SetupDraft::write,
                "The A/B setup",
                "run it or copy what you need, and ");
        restoreDraft(file);
        List<Observable> fields = new ArrayList<>(List.of(
                name,
                inputs,
                variants.baseSystemProperty(),
                variants.baseUserProperty(),
                variants.optSystemProperty(),
                variants.optUserProperty(),
                variants.baselineMedia(),
                variants.optimizedMedia(),
                checkedModels));
        fields.addAll(List.of(params.fields()));
        fields.addAll(List.of(sweep.fields()));
        fields.forEach(f -> f.addListener(x -> draftChanged()));
    }

    private void restoreDraft(Path file) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            apply(SetupDraft.read(file));
        } catch (IOException | RuntimeException e) {
            String kept = Autosave.setAside(file, "lab-setup-draft-damaged.json");
            ui.dialogs()
                    .warning(
                            "The A/B setup could not be restored",
                            UiContext.describe(e) + "." + kept + " The setup starts from the example; "
                                    + "your experiments in the history are not affected.");
        }
    }

    /** The setup changed: the draft is written a moment later. */
    void draftChanged() {
        if (draft != null && !applying) {
            draft.schedule(capture());
        }
    }

    /** The setup as it stands, for the draft. */
    SetupDraft capture() {
        try {
            lastQuality = quality.get();
        } catch (RuntimeException e) {
            // a judge cap that is not a number yet: the last readable quality settings stay in the draft
        }
        return new SetupDraft(
                text(name),
                text(variants.baseSystemProperty()),
                text(variants.baseUserProperty()),
                text(variants.optSystemProperty()),
                text(variants.optUserProperty()),
                variants.baselineMedia(),
                variants.optimizedMedia(),
                text(inputs),
                checkedModels,
                params.repetitionsProperty().get() == null
                        ? 1
                        : params.repetitionsProperty().get(),
                text(params.maxTokensProperty()),
                text(params.temperatureProperty()),
                text(params.budgetProperty()),
                params.responseCacheProperty().get(),
                params.serviceTierProperty().get(),
                lastQuality,
                sweep.checked().stream().map(ReasoningEffort::code).toList(),
                text(sweep.toolsProperty()));
    }

    private void apply(SetupDraft d) {
        applying = true;
        try {
            name.set(d.name());
            variants.baseSystemProperty().set(d.baseSystem());
            variants.baseUserProperty().set(d.baseUser());
            variants.optSystemProperty().set(d.optSystem());
            variants.optUserProperty().set(d.optUser());
            variants.baselineMedia().setAll(d.baseMedia());
            variants.optimizedMedia().setAll(d.optMedia());
            inputs.set(d.inputs());
            checkedModels.setAll(d.models().stream().filter(models::contains).toList());
            params.repetitionsProperty().set(d.repetitions());
            params.maxTokensProperty().set(d.maxTokens());
            params.temperatureProperty().set(d.temperature());
            params.budgetProperty().set(d.budget());
            params.responseCacheProperty().set(d.responseCache());
            params.serviceTierProperty().set(d.serviceTier());
            lastQuality = d.quality();
            shownQuality.set(d.quality());
            for (ReasoningEffort e : SetupSweep.LEVELS) {
                sweep.levelProperty(e).set(d.effortSweep().contains(e.code()));
            }
            sweep.toolsProperty().set(d.tools());
        } finally {
            applying = false;
        }
    }

    /** "Clear setup": the example a new setup starts with, everything else back to its default; the draft follows. */
    public void clearSetup() {
        apply(new SetupDraft(
                DEFAULT_NAME,
                SetupDefaults.BASE_SYSTEM,
                SetupDefaults.BASE_USER,
                SetupDefaults.OPT_SYSTEM,
                SetupDefaults.OPT_USER,
                List.of(),
                List.of(),
                SetupDefaults.INPUTS,
                DEFAULT_MODELS,
                3,
                "300",
                "",
                "1.00",
                false,
                ServiceTier.STANDARD,
                QualitySettings.defaults(),
                List.of(),
                ""));
        estimate.set("");
        power.set("");
        judgeEstimate.set("");
        error.set("");
        if (draft != null) {
            draft.schedule(capture());
        }
    }

    /**
     * Quality settings for the view to show in its checks and judge editors (a restored draft, or the defaults after
     * "Clear setup"); null until then.
     */
    public ReadOnlyObjectProperty<QualitySettings> shownQualityProperty() {
        return shownQuality;
    }

    /** Where the quality settings (checks, thresholds, judge) come from: the view's editors. */
    public void setQualitySource(Supplier<QualitySettings> source) {
        this.quality = Objects.requireNonNull(source);
    }

    /** The experiment as the form describes it; a clear message for what is missing or wrong. */
    public ExperimentSpec spec() {
        List<ExperimentSpec.VariantSpec> vs = sweep.apply(variants.specs());
        String in = text(inputs).strip();
        List<ExperimentSpec.InputSpec> ins = in.isEmpty()
                ? List.of(new ExperimentSpec.InputSpec("", Map.of()))
                : in.startsWith("{") ? TestInputs.jsonl(in, "test inputs") : TestInputs.csv(in, "test inputs");
        List<ExperimentSpec.ModelSpec> ms =
                checkedModels.stream().map(ExperimentSpec.ModelSpec::of).toList();
        if (ms.isEmpty()) {
            throw new IllegalArgumentException("Pick at least one model.");
        }
        SetupParams.Parsed p = params.parse();
        return new ExperimentSpec(
                text(name),
                "",
                vs,
                ins,
                ms,
                p.repetitions(),
                p.budget(),
                p.responseCache(),
                p.params(),
                true,
                null,
                quality.get());
    }

    Runner runner() {
        return run.runner();
    }

    /** Shows the estimated cost of the whole run with its range, and how many trials a 10 % difference needs. */
    public void estimate() {
        error.set("");
        try {
            ExperimentSpec s = spec();
            EstimateText t = EstimateText.of(
                    runner().estimate(s),
                    s,
                    text(params.maxTokensProperty()).trim(),
                    id -> catalog.get().find(id));
            String b = batch.estimateText(s);
            estimate.set(b.isEmpty() ? t.cost() : t.cost() + "\n" + b);
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
        if (batch.submits()) {
            batch.submit(spec);
        } else {
            run.startNew(spec);
        }
    }

    /** See {@link RunViewModel#rerun}. */
    public void rerun(long experimentId) {
        error.set("");
        run.rerun(experimentId);
    }

    /** "Load CSV / JSONL…": the test inputs from a file. */
    public void loadInputs() {
        ui.dialogs()
                .openFile(
                        "Load test inputs (CSV or JSONL)",
                        new FileKind("CSV or JSONL", List.of("*.csv", "*.jsonl", "*.json", "*.txt")))
                .ifPresent(this::loadInputs);
    }

    /** The tools box's "Open…": a tools JSON file, read as the Prompt view's Tools section reads one. */
    public void openTools() {
        ToolsFile.open(ui.dialogs(), error::set).ifPresent(sweep.toolsProperty()::set);
    }

    void loadInputs(Path f) {
        try {
            inputs.set(Files.readString(f, StandardCharsets.UTF_8));
            error.set("");
        } catch (IOException x) {
            error.set("Cannot read " + f + ": " + x.getMessage() + ". Check that the file exists and is readable.");
        }
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
    public void prefill(
            String experimentName, QualityCheckTarget.Variant baseline, QualityCheckTarget.Variant optimized) {
        name.set(experimentName);
        variants.prefill(baseline, optimized);
        error.set("");
    }

    /** Writes the draft now (the app is closing: a write still waiting would be lost). */
    public void flushDraft() {
        if (draft != null) {
            try {
                draft.writeNow(capture());
            } catch (RuntimeException e) {
                // closing: the draft written a moment ago stays
            }
        }
    }

    @Override
    public void close() {
        run.close();
        flushDraft();
        if (draft != null) {
            draft.close();
        }
    }

    /** Repetitions, max output tokens, temperature, budget cap and answer reuse. */
    public SetupParams params() {
        return params;
    }

    /** The optimized variant's effort sweep and the tools sent with every request. */
    /** The run option "Through the Batch API". */
    public SetupBatch batch() {
        return batch;
    }

    public SetupSweep sweep() {
        return sweep;
    }

    /** Both variants: prompts and media. */
    public SetupVariants variants() {
        return variants;
    }

    public RunViewModel runModel() {
        return run;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty inputsProperty() {
        return inputs;
    }

    /**
     * How a model of {@link #models()} is shown: "GPT-5 · OpenAI (gpt-5)" — its name, its provider's name and, for
     * telling look-alikes apart, the id; an id the catalog does not know is shown as it is.
     */
    public String modelLabel(String id) {
        if (id == null) {
            return "";
        }
        Catalog c = catalog.get();
        ModelEntry m = c == null ? null : c.find(id).orElse(null);
        return m == null ? id : m.name() + " · " + m.providerName() + " (" + m.id() + ")";
    }

    /** Every model of the catalog, sorted. */
    public ObservableList<String> models() {
        return models;
    }

    /** The models checked, in list order. */
    public ObservableList<String> checkedModels() {
        return checkedModels;
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

    /** Clears the judge's estimate (its settings changed); the draft follows. */
    public void judgeChanged() {
        judgeEstimate.set("");
        draftChanged();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
