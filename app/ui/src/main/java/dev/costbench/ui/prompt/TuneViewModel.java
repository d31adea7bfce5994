// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.Money;
import dev.costbench.model.lab.run.ClientSource;
import dev.costbench.model.tools.ToolSet;
import dev.costbench.model.tools.ToolTokenCounter;
import dev.costbench.model.tuning.ComponentBreakdown;
import dev.costbench.model.tuning.PartKind;
import dev.costbench.model.tuning.RequestPart;
import dev.costbench.model.tuning.RequestTuner;
import dev.costbench.model.tuning.Suggestion;
import dev.costbench.model.tuning.SuggestionKind;
import dev.costbench.ui.common.Reasons;
import dev.costbench.ui.common.UiContext;
import dev.costbench.ui.common.ViewModel;
import dev.costbench.ui.common.Words;
import dev.costbench.ui.common.handoff.QualityCheckTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.Observable;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Tune tab's state: where the selected model's money goes, part by part; the cuts to every part with their
 * savings, accepted one by one with undo; the rewrite by a cheap model ({@link TuneRewrite}); and "Check quality".
 */
public final class TuneViewModel implements ViewModel {

    /** Prompts up to this many characters are re-analysed on every edit while the tab is shown. */
    static final int AUTO_LIMIT = 50_000;

    private final PromptViewModel prompt;
    private final TuneChanges changes;
    private final TuneRewrite rewrite;
    private final QualityCheckTarget quality;
    private final StringProperty expected = new SimpleStringProperty(this, "expected", "");
    private final StringProperty fewShotBudget = new SimpleStringProperty(this, "fewShotBudget", "");
    private final BooleanProperty fewShotSimilar = new SimpleBooleanProperty(this, "fewShotSimilar");
    private final BooleanProperty dropDescriptions = new SimpleBooleanProperty(this, "dropDescriptions");
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active");
    private final ReadOnlyStringWrapper header = new ReadOnlyStringWrapper(this, "header", "");
    private final ReadOnlyObjectWrapper<ComponentBreakdown> breakdown = new ReadOnlyObjectWrapper<>(this, "breakdown");
    private final ObservableList<RequestTuner.Item> items = FXCollections.observableArrayList();
    private final ObservableList<RequestTuner.Item> itemsView = FXCollections.unmodifiableObservableList(items);
    private final ReadOnlyIntegerWrapper applied = new ReadOnlyIntegerWrapper(this, "applied");
    private final StringProperty status;

    /**
     * @param clients where rewrite calls go (null: no provider access in this window)
     * @param calls   receives the rewrite calls (the ledger)
     * @param quality where "Check quality" sends the original and the tuned prompt (the A/B lab)
     */
    public TuneViewModel(
            UiContext ui,
            PromptViewModel prompt,
            ClientSource clients,
            CallListener calls,
            QualityCheckTarget quality) {
        this.prompt = prompt;
        this.changes = new TuneChanges(prompt);
        this.quality = quality;
        this.rewrite = new TuneRewrite(ui, prompt, clients, calls, this::analyse);
        this.status = rewrite.statusProperty();
        for (Observable o : new Observable[] {expected, fewShotBudget, fewShotSimilar, dropDescriptions}) {
            o.addListener(x -> analyse());
        }
        // follow edits while the tab is shown; a very long prompt waits for Analyse (the analysis runs here)
        prompt.generationProperty().addListener((o, a, b) -> {
            if (active.get() && PromptSnapshot.of(prompt).render().length() <= AUTO_LIMIT) {
                analyse();
            }
        });
        prompt.selectedModelProperty().addListener((o, a, b) -> {
            if (active.get()) {
                analyse();
            }
        });
        active.addListener((o, a, on) -> {
            if (on) {
                analyse();
            }
        });
    }

    /** Recomputes the breakdown and the suggestions for the selected model. */
    public void analyse() {
        ModelEntry m = prompt.selectedModelProperty().get();
        rewrite.fillChoices();
        applied.set(changes.size());
        if (m == null) {
            header.set("Select a model in the table to see where its money goes.");
            breakdown.set(null);
            items.clear();
            return;
        }
        long monthly = prompt.monthlyRequestsProperty().get();
        List<RequestTuner.TextPart> textParts = PromptSnapshot.of(prompt).parts();
        List<RequestPart> req = new ArrayList<>();
        for (RequestTuner.TextPart p : textParts) {
            PartKind kind = p.key().equals("system")
                    ? PartKind.SYSTEM
                    : p.key().equals("user") ? PartKind.CONTEXT : PartKind.FEW_SHOT;
            req.add(RequestPart.text(kind, p.label(), p.text()));
        }
        ToolSet tools = prompt.toolsProperty().get();
        if (!tools.isEmpty()) { // sent before the system prompt, so listed first
            long t = ToolTokenCounter.count(
                            m, tools, prompt.toolChoiceProperty().get())
                    .tokens();
            req.add(0, RequestPart.tokens(PartKind.TOOLS, "Tools (" + tools.size() + " definitions)", t));
        }
        if (prompt.reasoningTokensProperty().get() > 0) {
            req.add(RequestPart.tokens(
                    PartKind.REASONING,
                    "Reasoning",
                    prompt.reasoningTokensProperty().get()));
        }
        req.add(RequestPart.tokens(
                PartKind.OUTPUT, "Output", prompt.outputTokensProperty().get()));
        ComponentBreakdown b = ComponentBreakdown.of(m, req, monthly, billing());
        header.set(m.name() + " · " + Money.format(b.perRequest()) + " per request · " + Money.format(b.perMonth())
                + " a month at " + String.format(Locale.ROOT, "%,d", monthly) + " requests");
        breakdown.set(b);
        RequestTuner.Settings settings = new RequestTuner.Settings(
                intOf(fewShotBudget.get()),
                fewShotSimilar.get(),
                dropDescriptions.get(),
                expected.get().isBlank() ? null : (long) intOf(expected.get()),
                2_000);
        List<RequestTuner.Item> list = new ArrayList<>(rewrite.stillApplying(textParts));
        list.addAll(
                RequestTuner.suggest(textParts, prompt.outputTokensProperty().get(), m, monthly, billing(), settings));
        items.setAll(list);
    }

    /** Accepts {@code it} (undoable). */
    public void apply(RequestTuner.Item it) {
        Suggestion s = it.suggestion();
        String label = it.partLabel() + ": " + s.title();
        try {
            TuneChanges.Change c;
            if (!it.dropParts().isEmpty()) {
                c = changes.dropTurns(
                        label, it.dropParts().stream().map(i -> i - 1).toList());
            } else if (s.kind() == SuggestionKind.OUTPUT_CAP) {
                c = changes.outputCap(label, s.maxTokens());
            } else if (it.part() >= 0 && !s.edits().isEmpty()) {
                String key = PromptSnapshot.of(prompt).parts().get(it.part()).key();
                c = changes.textEdit(label, key, s.edits());
            } else {
                return;
            }
            changes.accept(c);
            rewrite.forget(it);
            status.set("Applied: " + label + ". Undo with Ctrl+Z.");
        } catch (RuntimeException e) {
            status.set("Could not apply “" + s.title() + "”: " + UiContext.describe(e) + " Press Analyse and try "
                    + "again.");
        }
        analyse();
    }

    /** Undoes the last accepted cut. */
    public void undo() {
        try {
            if (changes.undo()) {
                status.set("Undone.");
            }
        } catch (IllegalStateException e) {
            status.set(e.getMessage());
        }
        analyse();
    }

    /** Undoes every accepted cut. */
    public void undoAll() {
        try {
            int n = changes.undoAll();
            status.set(n == 0 ? "" : "Undid " + Words.count(n, "cut") + ": the prompt is as it was.");
        } catch (IllegalStateException e) {
            status.set(e.getMessage());
        }
        analyse();
    }

    /** Hands the original and the tuned prompt to the A/B lab; the status says what was carried over. */
    public void checkQuality() {
        status.set(new QualityCheck(baseline(), PromptSnapshot.of(prompt), changes.labels()).send(quality));
    }

    /** The prompt before the first accepted cut (the prompt now when none is). */
    public PromptSnapshot baseline() {
        return changes.baseline() == null ? PromptSnapshot.of(prompt) : changes.baseline();
    }

    /** Drops a rewrite suggestion (Reject). */
    public void reject(RequestTuner.Item it) {
        rewrite.forget(it);
        analyse();
    }

    public BillingOptions billing() {
        return prompt.billing();
    }

    public PromptViewModel prompt() {
        return prompt;
    }

    public TuneRewrite rewrite() {
        return rewrite;
    }

    /** Expected answer length in tokens ("" off): suggests an output cap and sizes a structured answer. */
    public StringProperty expectedProperty() {
        return expected;
    }

    /** Token budget for the few-shot examples ("" off). */
    public StringProperty fewShotBudgetProperty() {
        return fewShotBudget;
    }

    /** Keep the examples most similar to the user message (else the most diverse). */
    public BooleanProperty fewShotSimilarProperty() {
        return fewShotSimilar;
    }

    public BooleanProperty dropDescriptionsProperty() {
        return dropDescriptions;
    }

    /** True while the Tune tab shows: edits are then re-analysed as they happen. */
    public BooleanProperty activeProperty() {
        return active;
    }

    public ReadOnlyStringProperty headerProperty() {
        return header.getReadOnlyProperty();
    }

    /** The last analysis's breakdown; null without a selected model. */
    public ReadOnlyObjectProperty<ComponentBreakdown> breakdownProperty() {
        return breakdown.getReadOnlyProperty();
    }

    /** The suggestions shown now: rewrites first, then the tuner's. */
    public ObservableList<RequestTuner.Item> items() {
        return itemsView;
    }

    /** How many cuts are accepted (undo depth). */
    public ReadOnlyIntegerProperty appliedProperty() {
        return applied.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    @Override
    public void close() {
        rewrite.close();
    }

    static int intOf(String text) {
        String d = text == null ? "" : text.replaceAll("[^0-9]", "");
        try {
            return d.isEmpty() ? 0 : Integer.parseInt(d);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    /** Why Undo and Undo all can do nothing now ("" when they can). */
    public StringBinding undoBlockedReason() {
        return Reasons.when(
                appliedProperty().isEqualTo(0), "Nothing to undo: no cut or rewrite has been applied to the prompt.");
    }
}
