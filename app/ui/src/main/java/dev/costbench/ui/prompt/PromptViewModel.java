// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.ServiceTier;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.CostRow;
import dev.costbench.model.cost.ExplicitCache;
import dev.costbench.model.cost.PromptOptions;
import dev.costbench.model.lab.calibration.CalibratedRows;
import dev.costbench.model.lab.calibration.Calibration;
import dev.costbench.model.lab.calibration.ContentKinds;
import dev.costbench.model.prompt.IncrementalPromptCounter;
import dev.costbench.model.prompt.Role;
import dev.costbench.model.prompt.TextStats;
import dev.costbench.model.ratecard.RateCard;
import dev.costbench.model.scenario.PromptRequestTypes;
import dev.costbench.model.tools.ToolChoice;
import dev.costbench.model.tools.ToolSet;
import dev.costbench.model.tools.ToolsCostTable;
import dev.costbench.ui.common.DialogService;
import dev.costbench.ui.common.TaskExecutor;
import dev.costbench.ui.common.TextFiles;
import dev.costbench.ui.common.UiContext;
import dev.costbench.ui.common.ViewModel;
import dev.costbench.ui.common.handoff.ScenarioTarget;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the Prompt view: the prompt, the request options, the model selected in the cost table and the resulting
 * cost table. Every change schedules a recount on a task lane (incremental, latest request wins); results arrive on
 * the UI thread. All properties are UI-thread only.
 */
public final class PromptViewModel implements ViewModel {

    private final StringProperty systemText = new SimpleStringProperty(this, "system", "");
    private final ObservableList<Turn> turns =
            FXCollections.observableArrayList(t -> new Observable[] {t.roleProperty(), t.textProperty()});
    private final StringProperty userText = new SimpleStringProperty(this, "user", "");
    private final LongProperty outputTokens = new SimpleLongProperty(this, "outputTokens", 500);
    private final LongProperty reasoningTokens = new SimpleLongProperty(this, "reasoningTokens", 0);
    private final LongProperty monthlyRequests = new SimpleLongProperty(this, "monthlyRequests", 100_000);
    private final BooleanProperty cachedPrefix = new SimpleBooleanProperty(this, "cachedPrefix", false);
    private final BooleanProperty batch = new SimpleBooleanProperty(this, "batch", false);
    private final BooleanProperty residency = new SimpleBooleanProperty(this, "residency", false);
    private final ObjectProperty<ServiceTier> serviceTier =
            new SimpleObjectProperty<>(this, "serviceTier", ServiceTier.STANDARD);
    private final ObjectProperty<LocalDate> pricedAt = new SimpleObjectProperty<>(this, "pricedAt");
    private final BooleanProperty useMyRates = new SimpleBooleanProperty(this, "useMyRates", false);
    private final ObjectProperty<RateCard> rateCard = new SimpleObjectProperty<>(this, "rateCard", RateCard.NONE);
    private final ObjectProperty<ExplicitCache> explicitCache = new SimpleObjectProperty<>(this, "explicitCache");
    private final ReadOnlyObjectWrapper<TierComparison> tiers = new ReadOnlyObjectWrapper<>(this, "tiers");
    private final ObjectProperty<Catalog> catalog = new SimpleObjectProperty<>(this, "catalog");
    private final StringProperty toolsJson = new SimpleStringProperty(this, "toolsJson", "");
    private final ObjectProperty<ToolSet> tools = new SimpleObjectProperty<>(this, "tools", ToolSet.EMPTY);
    private final ObjectProperty<ToolChoice> toolChoice =
            new SimpleObjectProperty<>(this, "toolChoice", ToolChoice.AUTO);

    private final ObservableList<CostRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyLongWrapper promptTokens = new ReadOnlyLongWrapper(this, "promptTokens");
    private final ReadOnlyLongWrapper generation = new ReadOnlyLongWrapper(this, "generation");
    private final ObjectProperty<ModelEntry> selectedModel = new SimpleObjectProperty<>(this, "selectedModel");

    private final UiContext ui;
    private final Clock clock;
    private volatile Supplier<Calibration> calibration = () -> Calibration.NONE;
    private final TaskExecutor.Lane lane;
    /** Confined to the lane. */
    private final IncrementalPromptCounter counter = new IncrementalPromptCounter();
    /** The per-message counts of the last table (system, each turn, user) and the texts they are of. */
    private List<TextStats> counted = List.of();

    private List<String> countedTexts = List.of();

    public PromptViewModel(UiContext ui, Catalog initial) {
        this(ui, initial, Clock.systemUTC());
    }

    /** @param clock what "today" is: the default and the "Today" reset of the prices' date */
    public PromptViewModel(UiContext ui, Catalog initial, Clock clock) {
        this.ui = ui;
        this.clock = clock;
        pricedAt.set(LocalDate.now(clock));
        // The batch check box and the service tier are one setting seen two ways.
        batch.addListener((o, a, on) -> {
            if (on) {
                serviceTier.set(ServiceTier.BATCH);
            } else if (serviceTier.get() == ServiceTier.BATCH) {
                serviceTier.set(ServiceTier.STANDARD);
            }
        });
        serviceTier.addListener((o, a, t) -> {
            if (t == null) {
                serviceTier.set(ServiceTier.STANDARD);
                return;
            }
            batch.set(t == ServiceTier.BATCH);
        });
        this.lane = ui.tasks().lane("prompt counter");
        catalog.set(initial);
        Observable[] inputs = {
            systemText,
            turns,
            userText,
            outputTokens,
            reasoningTokens,
            monthlyRequests,
            cachedPrefix,
            batch,
            residency,
            serviceTier,
            pricedAt,
            useMyRates,
            rateCard,
            explicitCache,
            catalog,
            tools,
            toolChoice
        };
        for (Observable o : inputs) {
            o.addListener(x -> recompute());
        }
        selectedModel.addListener(x -> compareTiers());
        recompute();
    }

    /** The texts in request order: system, each turn, user. */
    private List<String> currentTexts() {
        List<String> texts = new ArrayList<>();
        texts.add(systemText.get());
        turns.forEach(t -> texts.add(t.textProperty().get()));
        texts.add(userText.get());
        return texts;
    }

    /** The calibration the table's estimates get (none by default). */
    void useCalibration(Supplier<Calibration> c) {
        calibration = c;
    }

    /** Schedules a recount of the current prompt; called on every change. */
    public void recompute() {
        List<String> keys = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        keys.add("system");
        texts.add(systemText.get());
        for (Turn t : turns) {
            keys.add(t.key());
            texts.add(t.textProperty().get());
        }
        keys.add("user");
        texts.add(userText.get());
        int prefix = 1 + turns.size();
        PromptOptions options;
        try {
            options = new PromptOptions(
                    outputTokens.get(),
                    reasoningTokens.get(),
                    cachedPrefix.get(),
                    batch.get(),
                    residency.get(),
                    monthlyRequests.get());
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return;
        }
        BillingOptions billing = billing();
        List<ModelEntry> models =
                catalog.get() == null ? List.of() : catalog.get().models();
        ToolSet toolSet = tools.get() == null ? ToolSet.EMPTY : tools.get();
        ToolChoice choice = toolChoice.get() == null ? ToolChoice.AUTO : toolChoice.get();
        long started = System.nanoTime();
        lane.task(p -> {
                    List<TextStats> stats = counter.update(keys, texts);
                    // Empty messages are not sent, so they add no chat-format overhead.
                    List<TextStats> sent = new ArrayList<>();
                    int sentPrefix = 0;
                    for (int i = 0; i < stats.size(); i++) {
                        if (!texts.get(i).isEmpty()) {
                            sent.add(stats.get(i));
                            if (i < prefix) {
                                sentPrefix++;
                            }
                        }
                    }
                    long o200k = stats.stream().mapToLong(TextStats::o200k).sum();
                    List<CostRow> table =
                            ToolsCostTable.compute(models, sent, sentPrefix, options, billing, toolSet, choice);
                    if (toolSet.tools().isEmpty()
                            && toolSet.builtIns().isEmpty()) { // the tools' counts are calibrated apart (kind "tools")
                        String kind = ContentKinds.of(String.join("\n", texts), false);
                        table = CalibratedRows.apply(table, calibration.get(), kind, sent, options, billing);
                    }
                    return new Result(
                            table,
                            o200k,
                            texts.stream().mapToLong(String::length).sum(),
                            List.copyOf(stats),
                            texts);
                })
                .onSuccess(r -> {
                    counted = r.stats;
                    countedTexts = r.texts;
                    rows.setAll(r.rows);
                    promptTokens.set(r.o200k);
                    long ms = (System.nanoTime() - started) / 1_000_000;
                    status.set(String.format(
                            "%,d characters · %,d tokens (o200k_base) · %d models · updated in %d ms",
                            r.chars, r.o200k, r.rows.size(), ms));
                    compareTiers();
                    generation.set(generation.get() + 1);
                })
                .onFailure(e -> status.set("Counting failed: " + UiContext.describe(e)
                        + " — your text is unchanged; edit again to retry."))
                .start();
    }

    /**
     * How the table is billed: the service tier, residency, the prices' date (today when none is chosen), the rate
     * card when "Use my rates" is on and Gemini explicit caching when the cache planner chose it.
     */
    public BillingOptions billing() {
        LocalDate at = pricedAt.get() == null ? LocalDate.now(clock) : pricedAt.get();
        return new BillingOptions(batch.get(), residency.get(), serviceTier.get(), at)
                .withRateCard(useMyRates.get() ? rateCard.get() : RateCard.NONE)
                .withExplicitCache(explicitCache.get());
    }

    /** "Use my rates": apply {@link #rateCardProperty()} after list price. */
    public BooleanProperty useMyRatesProperty() {
        return useMyRates;
    }

    /** The user's rate card (kept in step with the rate-card editor by the composition root); never null. */
    public ObjectProperty<RateCard> rateCardProperty() {
        return rateCard;
    }

    /** Gemini explicit caching chosen in the cache planner (storage is billed); null: implicit caching. */
    public ObjectProperty<ExplicitCache> explicitCacheProperty() {
        return explicitCache;
    }

    /** Sets the prices' date back to today. */
    public void pricesAsOfToday() {
        pricedAt.set(LocalDate.now(clock));
    }

    private void compareTiers() {
        ModelEntry m = selectedModel.get();
        CostRow row = m == null
                ? null
                : rows.stream()
                        .filter(r -> r.model().id().equals(m.id()))
                        .findFirst()
                        .orElse(null);
        tiers.set(row == null ? null : TierComparison.of(row, row.breakdown().options()));
    }

    private record Result(List<CostRow> rows, long o200k, long chars, List<TextStats> stats, List<String> texts) {}

    /**
     * "Use this prompt in the scenario planner": hands {@code target} a request type with the last counted prompt
     * on the selected model (its own tokenizer's counts), named after that model.
     */
    public void useInScenario(ScenarioTarget target) {
        ModelEntry m = selectedModel.get();
        if (m == null) {
            ui.dialogs()
                    .warning(
                            "No model selected",
                            "Select a model in the cost table first: the scenario's "
                                    + "request type uses its tokenizer and prices.");
            return;
        }
        if (!countedTexts.equals(currentTexts())) {
            ui.dialogs()
                    .warning(
                            "The prompt is still being counted",
                            "Wait until the cost table shows the new " + "counts, then try again.");
            return;
        }
        PromptRequestTypes.Prompt prompt;
        try {
            prompt = new PromptRequestTypes.Prompt(
                    counted.get(0),
                    counted.subList(1, counted.size() - 1),
                    counted.get(counted.size() - 1),
                    outputTokens.get(),
                    reasoningTokens.get(),
                    monthlyRequests.get());
        } catch (IllegalArgumentException e) {
            ui.dialogs().error("The prompt cannot become a request type", e.getMessage());
            return;
        }
        target.addRequestType(PromptRequestTypes.of("From the Prompt view · " + m.name(), m, prompt));
    }

    /** The model selected in the cost table (its breakdown, Send, Tune and the scenario hand-off use it); or null. */
    public ObjectProperty<ModelEntry> selectedModelProperty() {
        return selectedModel;
    }

    /** The files "Open…" offers first. */
    static final DialogService.FileKind PROMPT_TEXT = new DialogService.FileKind(
            "Text",
            List.of(
                    "*.txt", "*.md", "*.json", "*.jsonl", "*.csv", "*.xml", "*.html", "*.py", "*.java", "*.js",
                    "*.ts"));

    /** Asks for a UTF-8 text file and puts its text into {@code target} (a prompt part's text). */
    public void openInto(StringProperty target) {
        ui.dialogs()
                .openFile("Open prompt text", PROMPT_TEXT, DialogService.FileKind.ANY)
                .ifPresent(p -> load(p, target));
    }

    /** Puts the text of {@code file} into {@code target}; says what went wrong when it cannot be read. */
    public void load(Path file, StringProperty target) {
        try {
            target.set(TextFiles.read(file));
        } catch (IOException e) {
            ui.dialogs().error("Could not open " + file.getFileName(), e.getMessage());
        }
    }

    public Turn addTurn(Role role, String text) {
        Turn t = new Turn(role, text);
        turns.add(t);
        return t;
    }

    public void removeTurn(Turn t) {
        turns.remove(t);
    }

    public void moveTurn(Turn t, int delta) {
        int i = turns.indexOf(t);
        int j = i + delta;
        if (i < 0 || j < 0 || j >= turns.size()) {
            return;
        }
        turns.remove(i);
        turns.add(j, t);
    }

    public StringProperty systemTextProperty() {
        return systemText;
    }

    public ObservableList<Turn> turns() {
        return turns;
    }

    public StringProperty userTextProperty() {
        return userText;
    }

    public LongProperty outputTokensProperty() {
        return outputTokens;
    }

    public LongProperty reasoningTokensProperty() {
        return reasoningTokens;
    }

    public LongProperty monthlyRequestsProperty() {
        return monthlyRequests;
    }

    public BooleanProperty cachedPrefixProperty() {
        return cachedPrefix;
    }

    public BooleanProperty batchProperty() {
        return batch;
    }

    public BooleanProperty residencyProperty() {
        return residency;
    }

    /** The service tier every model is priced at (Standard by default); Batch is the same as the batch box. */
    public ObjectProperty<ServiceTier> serviceTierProperty() {
        return serviceTier;
    }

    /** The day whose prices apply (today by default); null: today. */
    public ObjectProperty<LocalDate> pricedAtProperty() {
        return pricedAt;
    }

    /** The selected model's request at every service tier, and its prices that end soon; null when none. */
    public ReadOnlyObjectProperty<TierComparison> tiersProperty() {
        return tiers.getReadOnlyProperty();
    }

    /** The tools JSON as the user gave it (pasted, opened, or written back by a tool cut); "" for none. */
    public StringProperty toolsJsonProperty() {
        return toolsJson;
    }

    /** The tools read from {@link #toolsJsonProperty()} (set by the Tools section); their tokens join every row. */
    public ObjectProperty<ToolSet> toolsProperty() {
        return tools;
    }

    /** The request's tool choice (Anthropic's tool-use system prompt depends on it). */
    public ObjectProperty<ToolChoice> toolChoiceProperty() {
        return toolChoice;
    }

    public ObjectProperty<Catalog> catalogProperty() {
        return catalog;
    }

    public ObservableList<CostRow> rows() {
        return rows;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty promptTokensProperty() {
        return promptTokens.getReadOnlyProperty();
    }

    /** Increments each time a new table arrives (the view then selects the cheapest row if none is). */
    public ReadOnlyLongProperty generationProperty() {
        return generation.getReadOnlyProperty();
    }

    @Override
    public void close() {
        lane.close();
    }
}
