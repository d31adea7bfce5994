// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.workload.conversation;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.prompt.PromptWorkspace;
import dev.costbench.model.tuning.CacheTtl;
import dev.costbench.model.workload.conversation.Conversation;
import dev.costbench.model.workload.conversation.ConversationFiles;
import dev.costbench.model.workload.conversation.ConversationOptions;
import dev.costbench.model.workload.conversation.ConversationPricer;
import dev.costbench.model.workload.conversation.PromptConversations;
import dev.costbench.model.workload.conversation.Sized;
import dev.costbench.model.workload.conversation.Strategy;
import dev.costbench.model.workload.conversation.StrategyCost;
import dev.costbench.model.workload.conversation.Turn;
import dev.costbench.ui.common.DialogService.FileKind;
import dev.costbench.ui.common.TaskExecutor;
import dev.costbench.ui.common.UiContext;
import dev.costbench.ui.common.ViewModel;
import dev.costbench.ui.common.handoff.PromptSource;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Workloads ▸ Conversation: a conversation (a sample, a file, or the prompt being edited) whose shape the user edits
 * with spinners, priced turn by turn under full history and the strategies switched on, on one model. The table rows
 * and chart lines are ready to show ({@link ConversationResults}); every edit reprices in the background.
 */
public final class ConversationViewModel implements ViewModel {

    /** The sample shown first. */
    public static final String FIRST_SAMPLE = "support-chat-30-turns";

    private static final Map<String, String> SAMPLE_NAMES = new ConcurrentHashMap<>();

    private final UiContext ui;
    private final Supplier<Catalog> catalog;
    private final PromptSource prompt;
    private final Clock clock;
    private final TaskExecutor.Lane lane;

    private Conversation base;
    private boolean loading;
    private boolean systemEdited;
    private boolean toolsEdited;

    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper(this, "source", "");
    private final ReadOnlyStringWrapper sample = new ReadOnlyStringWrapper(this, "sample");
    private final ObservableList<ModelEntry> models = FXCollections.observableArrayList();
    private final ObjectProperty<ModelEntry> model = new SimpleObjectProperty<>(this, "model");
    private final ObjectProperty<ModelEntry> summarizer = new SimpleObjectProperty<>(this, "summarizer");
    private final IntegerProperty turns = new SimpleIntegerProperty(this, "turns", 20);
    private final IntegerProperty systemTokens = new SimpleIntegerProperty(this, "systemTokens");
    private final IntegerProperty toolsTokens = new SimpleIntegerProperty(this, "toolsTokens");
    private final IntegerProperty userTokens = new SimpleIntegerProperty(this, "userTokens");
    private final IntegerProperty assistantTokens = new SimpleIntegerProperty(this, "assistantTokens");
    private final ReadOnlyBooleanWrapper sizesFromFile = new ReadOnlyBooleanWrapper(this, "sizesFromFile");
    private final IntegerProperty turnGap = new SimpleIntegerProperty(this, "turnGap", 60);
    private final BooleanProperty cache = new SimpleBooleanProperty(this, "cache", true);
    private final ObjectProperty<CacheTtl> ttl = new SimpleObjectProperty<>(this, "ttl", CacheTtl.FIVE_MINUTES);
    private final BooleanProperty summarize = new SimpleBooleanProperty(this, "summarize", true);
    private final IntegerProperty summarizeEvery = new SimpleIntegerProperty(this, "summarizeEvery", 5);
    private final IntegerProperty summaryTokens = new SimpleIntegerProperty(this, "summaryTokens", 200);
    private final BooleanProperty window = new SimpleBooleanProperty(this, "window", true);
    private final IntegerProperty windowTurns = new SimpleIntegerProperty(this, "windowTurns", 5);

    private final ObservableList<ConversationResults.Row> rows = FXCollections.observableArrayList();
    private final ObservableList<ConversationResults.Line> lines = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper notes = new ReadOnlyStringWrapper(this, "notes", "");

    /**
     * @param catalog the catalog in force (the model choices and prices)
     * @param prompt  the prompt being edited, for "From the prompt"
     * @param clock   "today", the day whose prices apply
     */
    public ConversationViewModel(UiContext ui, Supplier<Catalog> catalog, PromptSource prompt, Clock clock) {
        this.ui = ui;
        this.catalog = catalog;
        this.prompt = prompt;
        this.clock = clock;
        this.lane = ui.tasks().lane("conversation costs");
        models.setAll(catalog.get().models());
        // change listeners (not invalidation listeners): each edit counts, whether or not anyone read the last value
        model.addListener((o, a, b) -> {
            if (!loading) {
                showSizes();
            }
        });
        systemTokens.addListener((o, a, b) -> systemEdited |= !loading);
        toolsTokens.addListener((o, a, b) -> toolsEdited |= !loading);
        userTokens.addListener((o, a, b) -> sizesFromFile.set(sizesFromFile.get() && loading));
        assistantTokens.addListener((o, a, b) -> sizesFromFile.set(sizesFromFile.get() && loading));
        for (ObservableValue<?> p : new ObservableValue<?>[] {
            model,
            summarizer,
            turns,
            systemTokens,
            toolsTokens,
            userTokens,
            assistantTokens,
            turnGap,
            cache,
            ttl,
            summarize,
            summarizeEvery,
            summaryTokens,
            window,
            windowTurns
        }) {
            p.addListener((o, a, b) -> {
                if (!loading) {
                    recompute();
                }
            });
        }
    }

    /** The built-in samples' keys, in order. */
    public List<String> samples() {
        return ConversationFiles.SAMPLES;
    }

    /** A sample's name as people read it ("Support chat: 30 turns with tools"), read once per sample. */
    public static String sampleName(String key) {
        return SAMPLE_NAMES.computeIfAbsent(key, k -> {
            try {
                return ConversationFiles.sample(k).name();
            } catch (Exception e) {
                return k;
            }
        });
    }

    /** Shows the built-in sample {@code key}. */
    public void openSample(String key) {
        ui.tasks()
                .task("open a sample conversation", p -> ConversationFiles.sample(key))
                .onSuccess(c -> {
                    load(c, c.name() + " (sample)");
                    sample.set(key);
                })
                .onFailure(e -> failed(e))
                .start();
    }

    /** Open…: a conversation file chosen by the user. */
    public void open() {
        ui.dialogs()
                .openFile("Open a conversation", FileKind.JSON, FileKind.ANY)
                .ifPresent(f -> ui.tasks()
                        .task("open a conversation", p -> ConversationFiles.read(f))
                        .onSuccess(c -> load(c, String.valueOf(f.getFileName())))
                        .onFailure(this::failed)
                        .start());
    }

    /** From the prompt: the prompt being edited, its turns and its user message, as a conversation. */
    public void fromPrompt() {
        Optional<PromptWorkspace> w = prompt.currentPrompt();
        if (w.isEmpty()) {
            ui.dialogs()
                    .error(
                            "The prompt cannot be priced as a conversation",
                            "One of its request options is out of range. Fix it in the Prompt view's Request "
                                    + "options, then choose From the prompt again.");
            return;
        }
        load(PromptConversations.of(w.get(), "The prompt being edited"), "From the prompt");
    }

    private void failed(Throwable e) {
        ui.dialogs()
                .error(
                        "The conversation could not be opened",
                        UiContext.describe(e) + "\n\nThe conversation shown is unchanged. Open another file, or pick a"
                                + " sample; the file format is in the guide (Workloads ▸ Conversation).");
    }

    /** Shows {@code c}; its model (when the catalog has it) becomes the model priced. */
    void load(Conversation c, String label) {
        loading = true;
        try {
            base = c;
            sample.set(null);
            systemEdited = false;
            toolsEdited = false;
            source.set(label);
            Catalog cat = catalog.get();
            if (c.modelId() != null) {
                cat.find(c.modelId()).ifPresent(model::set);
            }
            if (model.get() == null && !models.isEmpty()) {
                model.set(cat.find("gpt-5-mini").orElse(models.get(0)));
            }
            summarizer.set(
                    c.summarizerId() == null
                            ? model.get()
                            : cat.find(c.summarizerId()).orElse(model.get()));
            turns.set(c.turns().size());
            turnGap.set((int) Math.min(Integer.MAX_VALUE, c.turnGapSeconds()));
            summaryTokens.set((int) Math.min(Integer.MAX_VALUE, c.summaryTokens()));
            sizesFromFile.set(true);
            showSizes();
        } finally {
            loading = false;
        }
        recompute();
    }

    /** The spinners' token sizes: the file's, counted on the model (turns as their average). */
    private void showSizes() {
        ModelEntry m = model.get();
        if (base == null || m == null) {
            return;
        }
        boolean was = loading;
        loading = true;
        try {
            if (!systemEdited) {
                systemTokens.set(clamp(base.system().on(m)));
            }
            if (!toolsEdited) {
                toolsTokens.set(clamp(base.tools().on(m)));
            }
            if (sizesFromFile.get()) {
                long u = 0;
                long a = 0;
                for (Turn t : base.turns()) {
                    u += t.user().on(m);
                    a += t.assistant().on(m);
                }
                userTokens.set(clamp(Math.round((double) u / base.turns().size())));
                assistantTokens.set(clamp(Math.round((double) a / base.turns().size())));
            }
        } finally {
            loading = was;
        }
    }

    /** The conversation as edited. */
    Conversation shape() {
        List<Turn> t = sizesFromFile.get()
                ? base.withTurns(turns.get()).turns()
                : Conversation.generate(turns.get(), userTokens.get(), assistantTokens.get());
        ModelEntry s = summarizer.get();
        return new Conversation(
                base.name(),
                systemEdited ? Sized.tokens(systemTokens.get()) : base.system(),
                toolsEdited ? Sized.tokens(toolsTokens.get()) : base.tools(),
                t,
                model.get() == null ? null : model.get().id(),
                turnGap.get(),
                summaryTokens.get(),
                s == null ? null : s.id());
    }

    /** Full history, then each strategy switched on. */
    List<Strategy> strategies() {
        LinkedHashSet<Strategy> s = new LinkedHashSet<>();
        s.add(Strategy.FULL);
        if (cache.get()) {
            s.add(Strategy.CACHE);
        }
        if (summarize.get()) {
            s.add(Strategy.summarize(Math.max(1, summarizeEvery.get())));
        }
        if (window.get()) {
            s.add(Strategy.window(Math.max(1, windowTurns.get())));
        }
        return new ArrayList<>(s);
    }

    /** Reprices the conversation as edited (in the background; the newest edit wins). */
    public void recompute() {
        ModelEntry m = model.get();
        if (base == null || m == null) {
            return;
        }
        Conversation c = shape();
        List<Strategy> st = strategies();
        ModelEntry sm = summarizer.get();
        LocalDate today = LocalDate.now(clock);
        ConversationOptions o = new ConversationOptions(
                ttl.get(), ConversationOptions.DEFAULT_SUMMARIZER_PROMPT_TOKENS, BillingOptions.INTERACTIVE.at(today));
        lane.task(p -> ConversationPricer.price(c, m, sm, st, o))
                .onSuccess(r -> show(c, m, today, r))
                .onFailure(e -> status.set("Could not price this conversation: " + UiContext.describe(e)))
                .start();
    }

    private void show(Conversation c, ModelEntry m, LocalDate today, List<StrategyCost> results) {
        rows.setAll(results.stream().map(ConversationResults::row).toList());
        lines.setAll(results.stream().map(ConversationResults::line).toList());
        status.set(String.format(
                Locale.ROOT,
                "%,d turns on %s · %s, %s s apart; prices of %s",
                c.turns().size(),
                m.name(),
                m.providerName(),
                String.format(Locale.ROOT, "%,d", c.turnGapSeconds()),
                today));
        LinkedHashSet<String> n = new LinkedHashSet<>();
        results.forEach(r -> n.addAll(r.notes()));
        notes.set(String.join("\n", n));
    }

    private static int clamp(long v) {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, v));
    }

    /** A model as people read it: "Claude Sonnet 4.5 · Anthropic". */
    public static String modelName(ModelEntry m) {
        return m == null ? "" : m.name() + " · " + m.providerName();
    }

    @Override
    public void close() {
        lane.close();
    }

    // ---- properties

    /** Where the conversation came from: a sample's name, a file's name, "From the prompt". */
    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    /** The key of the built-in sample shown, or null when the conversation came from a file or the prompt. */
    public ReadOnlyStringProperty sampleProperty() {
        return sample.getReadOnlyProperty();
    }

    public ObservableList<ModelEntry> models() {
        return models;
    }

    public ObjectProperty<ModelEntry> modelProperty() {
        return model;
    }

    public ObjectProperty<ModelEntry> summarizerProperty() {
        return summarizer;
    }

    public IntegerProperty turnsProperty() {
        return turns;
    }

    public IntegerProperty systemTokensProperty() {
        return systemTokens;
    }

    public IntegerProperty toolsTokensProperty() {
        return toolsTokens;
    }

    public IntegerProperty userTokensProperty() {
        return userTokens;
    }

    public IntegerProperty assistantTokensProperty() {
        return assistantTokens;
    }

    /** True while the turns keep the sizes the file gives each one (the spinners show their average). */
    public ReadOnlyBooleanProperty sizesFromFileProperty() {
        return sizesFromFile.getReadOnlyProperty();
    }

    public IntegerProperty turnGapProperty() {
        return turnGap;
    }

    public BooleanProperty cacheProperty() {
        return cache;
    }

    public ObjectProperty<CacheTtl> ttlProperty() {
        return ttl;
    }

    public BooleanProperty summarizeProperty() {
        return summarize;
    }

    public IntegerProperty summarizeEveryProperty() {
        return summarizeEvery;
    }

    public IntegerProperty summaryTokensProperty() {
        return summaryTokens;
    }

    public BooleanProperty windowProperty() {
        return window;
    }

    public IntegerProperty windowTurnsProperty() {
        return windowTurns;
    }

    public ObservableList<ConversationResults.Row> rows() {
        return rows;
    }

    public ObservableList<ConversationResults.Line> lines() {
        return lines;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** What the figures rest on (cache rules, summaries), one line each. */
    public ReadOnlyStringProperty notesProperty() {
        return notes.getReadOnlyProperty();
    }
}
