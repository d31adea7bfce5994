// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.lab.run.ClientSource;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.PriceKind;
import dev.costbench.model.catalog.Tier;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.CostEngine;
import dev.costbench.model.cost.Money;
import dev.costbench.model.provider.CancelToken;
import dev.costbench.model.provider.ChatMessage;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.ChatResult;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.tokens.Encoding;
import dev.costbench.model.tokens.Tokenizers;
import dev.costbench.model.tuning.ComponentBreakdown;
import dev.costbench.model.tuning.PartCost;
import dev.costbench.model.tuning.PartKind;
import dev.costbench.model.tuning.RequestPart;
import dev.costbench.model.tuning.RequestTuner;
import dev.costbench.model.tuning.Suggestion;
import dev.costbench.model.tuning.SuggestionKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Tune tab: where the selected model's money goes, part by part; cuts to every part of the request (system
 * prompt, few-shot turns, user message, output cap, structured output, few-shot selection, history) each with its
 * token and dollar saving, accepted one by one with Undo (Ctrl+Z) and Undo all; an optional rewrite by a cheap
 * model; the before/after diff; the cache planner for the breakpoints marked in the editors; and "Check quality",
 * which hands the original and the tuned prompt to the A/B lab.
 */
public final class TunePane extends BorderPane {

    /** What the rewrite model is asked to do. */
    static final String REWRITE_INSTRUCTIONS = "Rewrite the prompt the user sends to about half its length for "
            + "another language model. Keep every instruction, constraint, number, name, {{placeholder}}, code "
            + "block and JSON exactly, and keep the language it is written in. Remove filler, politeness and "
            + "repetition. Reply with the rewritten prompt only, no preface.";

    /** The original (before the first accepted cut) and the tuned prompt, for the A/B lab. */
    public record QualityCheck(PromptSnapshot baseline, PromptSnapshot optimized, List<String> cuts) {

        /**
         * Fills the A/B lab's setup with both prompts. The lab's variants have a system prompt and a user message
         * only, so few-shot turns go at the end of each variant's system prompt as "Examples" (the same way for both).
         *
         * @return a note for the user about what was carried over
         */
        public String fill(dev.costbench.ui.lab.SetupPane setup) {
            String name = cuts.isEmpty() ? "Prompt check (no cut applied yet)"
                    : "Tuned prompt: " + cuts.size() + " cut(s)";
            setup.prefill(name, withTurns(baseline), baseline.user(), withTurns(optimized), optimized.user());
            boolean turns = baseline.hasTurns() || optimized.hasTurns();
            return "Sent to the A/B lab: the original prompt as the baseline, the tuned one as the optimized variant"
                    + (turns ? " (few-shot turns are folded into each system prompt as examples, since the lab's "
                    + "variants have a system prompt and a user message only)" : "") + ". Check the inputs, models "
                    + "and budget, then Run." + (optimized.user().contains("{{") ? "" : " The user message has no "
                    + "{{placeholder}}, so every test input sends the same message: put one where the input goes.");
        }

        private static String withTurns(PromptSnapshot s) {
            if (!s.hasTurns()) {
                return s.system();
            }
            StringBuilder b = new StringBuilder(s.system());
            b.append(s.system().isEmpty() ? "" : "\n\n").append("Examples:");
            for (PromptSnapshot.TurnText t : s.turns()) {
                if (!t.text().isBlank()) {
                    b.append("\n").append(t.role() == dev.costbench.model.prompt.Role.ASSISTANT ? "Assistant: "
                            : "User: ").append(t.text());
                }
            }
            return b.toString();
        }
    }

    private final PromptViewModel vm;
    private final Supplier<ModelEntry> model;
    private final TuneChanges changes;
    private final CachePane cache;
    private final DiffPane diff = new DiffPane();
    private final TabPane inner = new TabPane();
    private final GridPane parts = new GridPane();
    private final VBox suggestions = new VBox(6);
    private final Label header = new Label();
    private final Label status = new Label();
    private final Button undo = new Button("Undo");
    private final Button undoAll = new Button("Undo all");
    private final TextField expected = new TextField();
    private final TextField fewShotBudget = new TextField();
    private final ChoiceBox<String> fewShotMode = new ChoiceBox<>();
    private final CheckBox dropDescriptions = new CheckBox("Drop JSON-schema descriptions");
    private final ComboBox<String> rewriteModel = new ComboBox<>();
    private final ChoiceBox<String> rewritePart = new ChoiceBox<>();
    private final Button rewrite = new Button("Rewrite with a cheap model (~50%)");
    private final Button cancelRewrite = new Button("Cancel");
    private final ProgressIndicator rewriting = new ProgressIndicator();
    private final List<RequestTuner.Item> rewrites = new ArrayList<>();
    private List<RequestTuner.Item> current = List.of();
    private ClientSource clients;
    private RunPane.CallListener listener = (m, p, r, c) -> { };
    private Consumer<QualityCheck> onCheckQuality = q -> { };
    private CancelToken rewriteToken;
    private long rewriteGeneration;

    public TunePane(PromptViewModel vm, Supplier<ModelEntry> model, CacheMarks marks) {
        this.vm = vm;
        this.model = model;
        this.changes = new TuneChanges(vm);
        this.cache = new CachePane(vm, marks, model);
        setId("tune-pane");
        parts.setHgap(10);
        parts.setVgap(3);
        parts.setId("tune-parts");
        suggestions.setId("tune-suggestions");
        undo.setId("tune-undo");
        undo.setTooltip(new Tooltip("Undo the last accepted cut (Ctrl+Z in this tab)"));
        undo.setOnAction(e -> undo());
        undoAll.setId("tune-undo-all");
        undoAll.setTooltip(new Tooltip("Undo every accepted cut: the prompt is restored exactly (Ctrl+Shift+Z)"));
        undoAll.setOnAction(e -> undoAll());
        Button refresh = new Button("Analyse");
        refresh.setTooltip(new Tooltip("Recompute the breakdown, the suggestions, the diff and the cache plan for "
                + "the selected model"));
        refresh.setOnAction(e -> refresh());
        Button quality = new Button("Check quality ▶");
        quality.setId("tune-check-quality");
        quality.setTooltip(new Tooltip("Open the A/B lab with the original prompt as the baseline and the tuned one "
                + "as the optimized variant, to verify the cuts on test inputs (Ctrl+Shift+L)"));
        quality.setOnAction(e -> checkQuality());
        Region sp = new Region();
        HBox.setHgrow(sp, Priority.ALWAYS);
        header.setId("tune-header");
        header.setMinWidth(0);
        Tooltip headerTip = new Tooltip();
        headerTip.textProperty().bind(header.textProperty());
        header.setTooltip(headerTip);
        for (Button b : List.of(undo, undoAll, refresh, quality)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(8, header, sp, undo, undoAll, refresh, quality);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 4, 10));
        status.setId("tune-status");
        status.setWrapText(true);

        expected.setId("tune-expected");
        expected.setPromptText("e.g. 150");
        expected.setPrefColumnCount(5);
        expected.setTooltip(new Tooltip("Expected answer length in tokens: suggests an output cap with 25 % headroom "
                + "(against the expected output tokens on the left) and sizes a structured answer"));
        fewShotBudget.setId("tune-fewshot-budget");
        fewShotBudget.setPromptText("off");
        fewShotBudget.setPrefColumnCount(5);
        fewShotBudget.setTooltip(new Tooltip("Token budget (o200k_base) for the few-shot examples: suggests which "
                + "user/assistant pairs to keep"));
        fewShotMode.getItems().setAll("most diverse", "most similar to the user message");
        fewShotMode.setValue("most diverse");
        dropDescriptions.setTooltip(new Tooltip("Also suggest removing \"description\" strings from JSON schemas "
                + "(they can carry meaning the model needs: check)"));
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {expected.textProperty(),
            fewShotBudget.textProperty(), fewShotMode.valueProperty(), dropDescriptions.selectedProperty()}) {
            o.addListener(x -> refreshCuts());
        }
        FlowPane settings = new FlowPane(8, 6, new HBox(6, new Label("Expected answer"), expected),
                new HBox(6, new Label("Few-shot budget"), fewShotBudget, fewShotMode), dropDescriptions);
        settings.getChildren().forEach(n -> {
            if (n instanceof HBox) {
                ((HBox) n).setAlignment(Pos.CENTER_LEFT);
            }
        });

        rewriteModel.setId("tune-rewrite-model");
        rewriteModel.setEditable(true);
        rewriteModel.setPrefWidth(190);
        rewriteModel.setTooltip(new Tooltip("The cheap model that rewrites (any catalog model; a lightweight one "
                + "keeps the rewrite's own cost low)"));
        rewritePart.setId("tune-rewrite-part");
        rewrite.setId("tune-rewrite");
        rewrite.setTooltip(new Tooltip("Sends the chosen part to the cheap model (a real, billed call, recorded in "
                + "the ledger) and shows its rewrite as a suggestion with its saving and the call's cost"));
        rewrite.setOnAction(e -> rewrite());
        cancelRewrite.setVisible(false);
        cancelRewrite.setOnAction(e -> {
            if (rewriteToken != null) {
                rewriteToken.cancel();
            }
        });
        rewriting.setVisible(false);
        rewriting.setPrefSize(16, 16);
        HBox withModel = new HBox(6, new Label("with"), rewriteModel, new Label("on"), rewritePart, rewriting,
                cancelRewrite);
        withModel.setAlignment(Pos.CENTER_LEFT);
        FlowPane rewriteBar = new FlowPane(8, 6, rewrite, withModel);

        VBox box = new VBox(8, DiffPane.title("Cuts to every part — each shows what it saves; accept one by one"),
                settings, rewriteBar, status, suggestions,
                DiffPane.title("Where the money goes (per request and per month at the volume set on the left)"),
                parts);
        box.setPadding(new Insets(8, 10, 8, 10));
        ScrollPane cutsScroll = new ScrollPane(box);
        cutsScroll.setFitToWidth(true);
        Tab cuts = new Tab("Cuts", cutsScroll);
        Tab before = new Tab("Before / after", diff);
        Tab cacheTab = new Tab("Cache", cache);
        cacheTab.setTooltip(new Tooltip("Cache breakpoints marked in the editors, planned per provider"));
        for (Tab t : List.of(cuts, before, cacheTab)) {
            t.setClosable(false);
        }
        before.selectedProperty().addListener((o, a, on) -> {
            if (on) {
                refreshDiff();
            }
        });
        cacheTab.selectedProperty().addListener((o, a, on) -> {
            if (on) {
                cache.refresh();
            }
        });
        inner.getTabs().setAll(cuts, before, cacheTab);
        inner.setId("tune-tabs");
        setTop(bar);
        setCenter(inner);
        KeyCombination z = KeyCombination.keyCombination("Shortcut+Z");
        KeyCombination shiftZ = KeyCombination.keyCombination("Shortcut+Shift+Z");
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (shiftZ.match(e)) {
                undoAll();
                e.consume();
            } else if (z.match(e)) {
                undo();
                e.consume();
            }
        });
        updateButtons();
        // follow edits while the tab is shown; a very long prompt waits for Analyse (the analysis runs here)
        vm.generationProperty().addListener((o, a, b) -> {
            if (shown(this) && PromptSnapshot.of(vm).render().length() <= AUTO_LIMIT) {
                refresh();
            }
        });
    }

    /** True when {@code node} and every ancestor is visible (an unselected tab's content is hidden). */
    static boolean shown(javafx.scene.Node node) {
        if (node.getScene() == null) {
            return false;
        }
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Prompts up to this many characters are re-analysed on every edit while the tab is shown. */
    static final int AUTO_LIMIT = 50_000;

    /** Where rewrite calls go; without it the rewrite button says that no provider is set up. */
    public void setClients(ClientSource c) {
        this.clients = c;
    }

    /** Receives the rewrite calls (the ledger). */
    public void setCallListener(RunPane.CallListener l) {
        this.listener = l;
    }

    /** Receives "Check quality" (the app opens the A/B lab setup with it). */
    public void setOnCheckQuality(Consumer<QualityCheck> c) {
        this.onCheckQuality = c;
    }

    public CachePane cachePane() {
        return cache;
    }

    public DiffPane diffPane() {
        return diff;
    }

    /** Shows the inner tab {@code i}: 0 cuts, 1 before/after, 2 cache. */
    public void showInner(int i) {
        inner.getSelectionModel().select(i);
    }

    /** Recomputes the breakdown, the suggestions and, when shown, the diff and the cache plan. */
    public void refresh() {
        refreshCuts();
        if (inner.getSelectionModel().getSelectedIndex() == 1) {
            refreshDiff();
        }
        if (inner.getSelectionModel().getSelectedIndex() == 2) {
            cache.refresh();
        }
    }

    private void refreshCuts() {
        ModelEntry m = model.get();
        parts.getChildren().clear();
        suggestions.getChildren().clear();
        fillRewriteChoices();
        updateButtons();
        if (m == null) {
            header.setText("Select a model in the table to see where its money goes.");
            current = List.of();
            return;
        }
        long monthly = vm.monthlyRequestsProperty().get();
        PromptSnapshot snap = PromptSnapshot.of(vm);
        List<RequestPart> req = new ArrayList<>();
        List<RequestTuner.TextPart> textParts = snap.parts();
        for (RequestTuner.TextPart p : textParts) {
            PartKind kind = p.key().equals("system") ? PartKind.SYSTEM : p.key().equals("user") ? PartKind.CONTEXT
                    : PartKind.FEW_SHOT;
            req.add(RequestPart.text(kind, p.label(), p.text()));
        }
        if (vm.reasoningTokensProperty().get() > 0) {
            req.add(RequestPart.tokens(PartKind.REASONING, "Reasoning", vm.reasoningTokensProperty().get()));
        }
        req.add(RequestPart.tokens(PartKind.OUTPUT, "Output", vm.outputTokensProperty().get()));
        BillingOptions billing = billing();
        ComponentBreakdown b = ComponentBreakdown.of(m, req, monthly, billing);
        header.setText(m.name() + " · " + Money.format(b.perRequest()) + " per request · " + Money.format(b.perMonth())
                + " a month at " + String.format(Locale.ROOT, "%,d", monthly) + " requests");
        int row = 0;
        for (int i = 0; i < b.parts().size(); i++) {
            PartCost p = b.parts().get(i);
            Label name = new Label(p.part().label());
            ProgressBar share = new ProgressBar(p.share());
            share.setPrefWidth(160);
            Label v = new Label(String.format(Locale.ROOT, "%s%,d tokens · %s / request · %s / month (%.0f %%)",
                    p.exact() ? "" : "≈", p.tokens(), money(p.perRequest()), money(p.perMonth()), p.share() * 100));
            v.setId("tune-part-" + i);
            parts.addRow(row++, name, share, v);
            if (p.part().kind() == PartKind.FEW_SHOT) {
                var save = b.dropSaving(i);
                v.setTooltip(new Tooltip("Dropping it saves " + money(save.perMonth()) + " a month (" + save.tokens()
                        + " tokens per request)"));
            }
        }
        RequestTuner.Settings settings = new RequestTuner.Settings(intOf(fewShotBudget),
                fewShotMode.getSelectionModel().getSelectedIndex() == 1, dropDescriptions.isSelected(),
                expected.getText().isBlank() ? null : (long) intOf(expected), 2_000);
        List<RequestTuner.Item> list = new ArrayList<>();
        rewrites.removeIf(r -> !stillApplies(r, textParts));
        list.addAll(rewrites);
        list.addAll(RequestTuner.suggest(textParts, vm.outputTokensProperty().get(), m, monthly, billing, settings));
        current = list;
        if (list.isEmpty()) {
            suggestions.getChildren().add(new Label("No cuts found in this prompt."));
        }
        for (RequestTuner.Item it : list) {
            suggestions.getChildren().add(line(it, m));
        }
    }

    private HBox line(RequestTuner.Item it, ModelEntry m) {
        Suggestion s = it.suggestion();
        Label tag = new Label(it.partLabel());
        tag.getStyleClass().add("tune-part-tag");
        Label t = new Label(s.title());
        t.setWrapText(true);
        Tooltip tip = new Tooltip(s.kind().label() + ": " + s.detail());
        tip.setWrapText(true);
        tip.setMaxWidth(520);
        t.setTooltip(tip);
        Label save = new Label(savingText(it, m));
        save.getStyleClass().add("muted");
        save.setTooltip(new Tooltip("o200k_base / cl100k_base: " + s.tokensSaved(Encoding.O200K_BASE) + " / "
                + s.tokensSaved(Encoding.CL100K_BASE) + " tokens; on " + m.id() + ": " + s.modelTokensSaved()
                + (s.modelTokensExact() ? "" : " (estimate)") + ". Monthly at the requests per month set on the left."));
        tag.setMinWidth(Region.USE_PREF_SIZE);
        save.setWrapText(true);
        VBox text = new VBox(1, t, save);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox line = new HBox(8, tag, text);
        if (it.hint()) {
            Label h = new Label("hint");
            h.getStyleClass().add("text-muted");
            h.setTooltip(tip);
            line.getChildren().add(h);
        } else {
            Button apply = new Button("Apply");
            apply.setMinWidth(Region.USE_PREF_SIZE);
            apply.getStyleClass().add("tune-apply");
            apply.setId("tune-apply-" + s.id().replaceAll("[^A-Za-z0-9-]", "-"));
            apply.setOnAction(e -> apply(it));
            line.getChildren().add(apply);
        }
        if (s.kind() == SuggestionKind.REWRITE) {
            Button reject = new Button("Reject");
            reject.setMinWidth(Region.USE_PREF_SIZE);
            reject.setId("tune-reject-rewrite");
            reject.setOnAction(e -> {
                rewrites.remove(it);
                refreshCuts();
            });
            line.getChildren().add(reject);
        }
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    private static String savingText(RequestTuner.Item it, ModelEntry m) {
        Suggestion s = it.suggestion();
        String tokens;
        if (s.kind() == SuggestionKind.OUTPUT_CAP || s.kind() == SuggestionKind.STRUCTURED_OUTPUT) {
            tokens = (s.modelTokensExact() ? "−" : "≈ −") + s.modelTokensSaved() + " output tokens";
        } else if (s.kind() == SuggestionKind.HISTORY_SUMMARY) {
            tokens = "≈ −" + s.modelTokensSaved() + " tokens";
        } else {
            tokens = String.format(Locale.ROOT, "−%d tokens (o200k)", s.tokensSaved(Encoding.O200K_BASE));
        }
        String usd = s.usdPerRequest() == null ? "unpriced" : money(s.usdPerRequest()) + " / request · "
                + money(s.usdPerMonth()) + " / month";
        String cost = it.costUsd() == null ? "" : " · rewrite call cost " + money(it.costUsd());
        return tokens + " · saves " + usd + cost;
    }

    /** Accepts {@code it} (undoable). */
    public void apply(RequestTuner.Item it) {
        Suggestion s = it.suggestion();
        String label = it.partLabel() + ": " + s.title();
        try {
            TuneChanges.Change c;
            if (!it.dropParts().isEmpty()) {
                c = changes.dropTurns(label, it.dropParts().stream().map(i -> i - 1).toList());
            } else if (s.kind() == SuggestionKind.OUTPUT_CAP) {
                c = changes.outputCap(label, s.maxTokens());
            } else if (it.part() >= 0 && !s.edits().isEmpty()) {
                String key = PromptSnapshot.of(vm).parts().get(it.part()).key();
                c = changes.textEdit(label, key, s.edits());
            } else {
                return;
            }
            changes.accept(c);
            rewrites.remove(it);
            requestFocus(); // the Apply button goes with the refresh: keep Ctrl+Z here
            status.setText("Applied: " + label + ". Undo with Ctrl+Z.");
        } catch (RuntimeException e) {
            status.setText("Could not apply “" + s.title() + "”: " + e.getMessage() + " Press Analyse and try again.");
        }
        refresh();
    }

    /** Undoes the last accepted cut. */
    public void undo() {
        requestFocus();
        try {
            if (changes.undo()) {
                status.setText("Undone.");
            }
        } catch (IllegalStateException e) {
            status.setText(e.getMessage());
        }
        refresh();
    }

    /** Undoes every accepted cut. */
    public void undoAll() {
        try {
            int n = changes.undoAll();
            status.setText(n == 0 ? "" : "Undid " + n + " cut(s): the prompt is as it was.");
        } catch (IllegalStateException e) {
            status.setText(e.getMessage());
        }
        refresh();
    }

    /** Hands the original and the tuned prompt to the A/B lab. */
    public void checkQuality() {
        PromptSnapshot now = PromptSnapshot.of(vm);
        PromptSnapshot base = changes.baseline() == null ? now : changes.baseline();
        onCheckQuality.accept(new QualityCheck(base, now, changes.labels()));
    }

    public int suggestionCount() {
        return (int) suggestions.getChildren().stream().filter(n -> n instanceof HBox).count();
    }

    /** The suggestions shown now. */
    public List<RequestTuner.Item> items() {
        return current;
    }

    /** Applies the first suggestion shown for the part with {@code key} ("system", "user", a turn key) (tests). */
    public void applyFirst(String key) {
        refreshCuts();
        List<RequestTuner.TextPart> ps = PromptSnapshot.of(vm).parts();
        current.stream().filter(i -> i.part() >= 0 && ps.get(i.part()).key().equals(key)
                && !i.suggestion().edits().isEmpty()).findFirst().ifPresent(this::apply);
    }

    /** Applies the first suggestion for the system prompt (tests). */
    public void applyFirst() {
        applyFirst("system");
    }

    /** Applies the first suggestion of {@code kind} (tests). */
    public void applyFirst(SuggestionKind kind) {
        refreshCuts();
        current.stream().filter(i -> i.suggestion().kind() == kind).findFirst().ifPresent(this::apply);
    }

    public int appliedCount() {
        return changes.size();
    }

    public Label status() {
        return status;
    }

    /** Sets the Cuts tab's expected answer length and few-shot budget (tests; empty strings switch them off). */
    public void setTuning(String expectedAnswer, String budget) {
        expected.setText(expectedAnswer);
        fewShotBudget.setText(budget);
    }

    private void refreshDiff() {
        PromptSnapshot now = PromptSnapshot.of(vm);
        PromptSnapshot base = changes.baseline() == null ? now : changes.baseline();
        diff.show(base.render(), now.render(), vm.catalogProperty().get(), model.get(),
                vm.monthlyRequestsProperty().get(), billing());
    }

    // ---- LLM rewrite ----

    private void fillRewriteChoices() {
        List<String> labels = PromptSnapshot.of(vm).parts().stream().map(RequestTuner.TextPart::label).toList();
        String was = rewritePart.getValue();
        if (!labels.equals(rewritePart.getItems())) {
            rewritePart.getItems().setAll(labels);
        }
        rewritePart.setValue(was != null && labels.contains(was) ? was : labels.get(0));
        if (rewriteModel.getItems().isEmpty() && vm.catalogProperty().get() != null) {
            List<String> cheap = vm.catalogProperty().get().models().stream()
                    .filter(m -> m.tier() == Tier.LIGHT && m.price(PriceKind.INPUT).isPresent()
                            && List.of("openai", "anthropic", "google").contains(m.provider()))
                    .map(ModelEntry::id).sorted().toList();
            rewriteModel.getItems().setAll(cheap);
            rewriteModel.setValue(cheap.contains("gpt-4o-mini") ? "gpt-4o-mini" : cheap.isEmpty() ? "" : cheap.get(0));
        }
    }

    /** Asks the chosen cheap model to rewrite the chosen part; the result arrives as a suggestion. */
    public void rewrite() {
        ModelEntry target = model.get();
        String id = rewriteModel.getValue() == null ? "" : rewriteModel.getValue().trim();
        var found = vm.catalogProperty().get() == null ? java.util.Optional.<ModelEntry>empty()
                : vm.catalogProperty().get().find(id);
        if (target == null) {
            status.setText("Select a model in the table first: the saving is priced on it.");
            return;
        }
        if (found.isEmpty()) {
            status.setText("“" + id + "” is not in the catalog: pick a model from the list.");
            return;
        }
        if (clients == null) {
            status.setText("No provider access in this window: set up keys in the Providers tab.");
            return;
        }
        ModelEntry by = found.get();
        PromptSnapshot snap = PromptSnapshot.of(vm);
        List<RequestTuner.TextPart> ps = snap.parts();
        int idx = Math.max(0, rewritePart.getSelectionModel().getSelectedIndex());
        String text = ps.get(idx).text();
        if (text.isBlank()) {
            status.setText("The " + ps.get(idx).label().toLowerCase(Locale.ROOT) + " is empty: nothing to rewrite.");
            return;
        }
        int maxOut = (int) Math.min(16_000, Math.max(256, Tokenizers.count(Encoding.O200K_BASE, text) + 64));
        ChatRequest req = new ChatRequest(by.id(), REWRITE_INSTRUCTIONS, null, List.of(ChatMessage.user(text)),
                maxOut, null, null, null, null, null, false, null);
        CancelToken t = new CancelToken();
        rewriteToken = t;
        var pid = RunPane.providerOf(by);
        ClientSource cs = clients;
        Task<ChatResult> task = new Task<>() {
            @Override
            protected ChatResult call() throws Exception {
                return cs.client(pid).complete(req, d -> { }, t);
            }
        };
        task.setOnSucceeded(e -> {
            rewriteDone();
            ChatResult r = task.getValue();
            BigDecimal cost = r.usage() == null ? null
                    : CostEngine.price(by, r.usage(), BillingOptions.INTERACTIVE).total();
            listener.called(by, "rewrite", r, cost);
            String out = r.text() == null ? "" : r.text().strip();
            List<RequestTuner.TextPart> nowParts = PromptSnapshot.of(vm).parts();
            if (out.isEmpty()) {
                status.setText(by.id() + " returned no text (finish: " + r.finishReason() + ").");
            } else if (idx >= nowParts.size() || !nowParts.get(idx).text().equals(text)) {
                status.setText("The text changed while " + by.id() + " was rewriting it: rewrite again.");
            } else {
                rewrites.add(0, RequestTuner.rewrite(nowParts, idx, out, by.id(), target,
                        vm.monthlyRequestsProperty().get(), billing(), cost));
                status.setText("Rewrite by " + by.id() + " ready" + (cost == null ? " (the server reported no usage, "
                        + "so its cost is unknown)" : ", the call cost " + money(cost)) + ": accept or reject it.");
            }
            rewriteGeneration++;
            refreshCuts();
        });
        task.setOnFailed(e -> {
            rewriteDone();
            Throwable x = task.getException();
            status.setText(x instanceof ProviderException && ((ProviderException) x).kind()
                    == ProviderException.Kind.CANCELLED ? "Rewrite cancelled." : "Rewrite failed: " + x.getMessage());
            rewriteGeneration++;
        });
        rewrite.setDisable(true);
        rewriting.setVisible(true);
        cancelRewrite.setVisible(true);
        status.setText("Asking " + by.id() + " to rewrite the " + ps.get(idx).label().toLowerCase(Locale.ROOT) + "…");
        Thread th = new Thread(task, "CostBench rewrite call");
        th.setDaemon(true);
        th.start();
    }

    /** Increases each time a rewrite call ends (tests wait on it). */
    public long rewriteGeneration() {
        return rewriteGeneration;
    }

    /** Chooses the rewrite model and part (tests). */
    public void setRewrite(String modelId, int part) {
        fillRewriteChoices();
        rewriteModel.setValue(modelId);
        rewritePart.getSelectionModel().select(part);
    }

    private void rewriteDone() {
        rewrite.setDisable(false);
        rewriting.setVisible(false);
        cancelRewrite.setVisible(false);
    }

    private static boolean stillApplies(RequestTuner.Item r, List<RequestTuner.TextPart> ps) {
        return r.part() < ps.size() && r.suggestion().edits().get(0).original().equals(ps.get(r.part()).text());
    }

    private void updateButtons() {
        undo.setDisable(changes.size() == 0);
        undoAll.setDisable(changes.size() == 0);
        undoAll.setText(changes.size() == 0 ? "Undo all" : "Undo all (" + changes.size() + ")");
    }

    private BillingOptions billing() {
        return new BillingOptions(vm.batchProperty().get(), vm.residencyProperty().get());
    }

    private static int intOf(TextField f) {
        String d = f.getText().replaceAll("[^0-9]", "");
        try {
            return d.isEmpty() ? 0 : Integer.parseInt(d);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static String money(BigDecimal d) {
        return d == null ? "unpriced" : Money.format(d);
    }
}
