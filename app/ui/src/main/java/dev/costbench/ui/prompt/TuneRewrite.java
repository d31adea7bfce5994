// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.PriceKind;
import dev.costbench.model.catalog.Tier;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.CostEngine;
import dev.costbench.model.cost.Money;
import dev.costbench.model.lab.run.ClientSource;
import dev.costbench.model.provider.CancelToken;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.ChatResult;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.tokens.Encoding;
import dev.costbench.model.tokens.Tokenizers;
import dev.costbench.model.tuning.RequestTuner;
import dev.costbench.ui.common.Job;
import dev.costbench.ui.common.Reasons;
import dev.costbench.ui.common.UiContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Tune tab's rewrite by a cheap model: sends one part of the prompt to a lightweight catalog model (a real,
 * billed call, recorded in the ledger) and keeps its answer as a suggestion with its saving and the call's cost.
 */
public final class TuneRewrite {

    /** What the rewrite model is asked to do. */
    static final String INSTRUCTIONS = "Rewrite the prompt the user sends to about half its length for "
            + "another language model. Keep every instruction, constraint, number, name, {{placeholder}}, code "
            + "block and JSON exactly, and keep the language it is written in. Remove filler, politeness and "
            + "repetition. Reply with the rewritten prompt only, no preface.";

    private final UiContext ui;
    private final PromptViewModel prompt;
    private final ClientSource clients;
    private CallListener calls;
    private final Runnable changed;
    private final ObservableList<String> models = FXCollections.observableArrayList();
    private final StringProperty model = new SimpleStringProperty(this, "model", "");
    private final ObservableList<String> parts = FXCollections.observableArrayList();
    private final IntegerProperty part = new SimpleIntegerProperty(this, "part", 0);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final List<RequestTuner.Item> rewrites = new ArrayList<>();
    private Job<ChatResult> job;
    private CancelToken token;

    TuneRewrite(UiContext ui, PromptViewModel prompt, ClientSource clients, CallListener calls, Runnable changed) {
        this.ui = ui;
        this.prompt = prompt;
        this.clients = clients;
        this.calls = calls;
        this.changed = changed;
    }

    /** Fills the part labels and (once) the cheap models: lightweight, priced, of the three big providers. */
    void fillChoices() {
        List<String> labels = PromptSnapshot.of(prompt).parts().stream()
                .map(RequestTuner.TextPart::label)
                .toList();
        int was = part.get();
        if (!labels.equals(parts)) {
            parts.setAll(labels);
        }
        part.set(was >= 0 && was < labels.size() ? was : 0);
        if (models.isEmpty() && prompt.catalogProperty().get() != null) {
            List<String> cheap = prompt.catalogProperty().get().models().stream()
                    .filter(m -> m.tier() == Tier.LIGHT
                            && m.price(PriceKind.INPUT).isPresent()
                            && List.of("openai", "anthropic", "google").contains(m.provider()))
                    .map(ModelEntry::id)
                    .sorted()
                    .toList();
            models.setAll(cheap);
            model.set(cheap.contains("gpt-4o-mini") ? "gpt-4o-mini" : cheap.isEmpty() ? "" : cheap.get(0));
        }
    }

    /** The rewrites whose part still has the text they were made of (the others are dropped). */
    List<RequestTuner.Item> stillApplying(List<RequestTuner.TextPart> ps) {
        rewrites.removeIf(r -> r.part() >= ps.size()
                || !r.suggestion()
                        .edits()
                        .get(0)
                        .original()
                        .equals(ps.get(r.part()).text()));
        return List.copyOf(rewrites);
    }

    void forget(RequestTuner.Item it) {
        rewrites.remove(it);
    }

    /** Receives the rewrite calls (the ledger). */
    public void setCallListener(CallListener l) {
        this.calls = l == null ? CallListener.NONE : l;
    }

    /** Asks the chosen cheap model to rewrite the chosen part; the result arrives as a suggestion. */
    public void start() {
        ModelEntry target = prompt.selectedModelProperty().get();
        String id = model.get() == null ? "" : model.get().trim();
        Optional<ModelEntry> found = prompt.catalogProperty().get() == null
                ? Optional.empty()
                : prompt.catalogProperty().get().find(id);
        if (target == null) {
            status.set("Select a model in the table first: the saving is priced on it.");
            return;
        }
        if (found.isEmpty()) {
            status.set("“" + id + "” is not in the catalog: pick a model from the list.");
            return;
        }
        if (clients == null) {
            status.set("No provider access in this window: set up keys in the Providers tab.");
            return;
        }
        if (running.get()) {
            return;
        }
        ModelEntry by = found.get();
        List<RequestTuner.TextPart> ps = PromptSnapshot.of(prompt).parts();
        int idx = Math.max(0, Math.min(part.get(), ps.size() - 1));
        String text = ps.get(idx).text();
        String what = ps.get(idx).label().toLowerCase(Locale.ROOT);
        if (text.isBlank()) {
            status.set("The " + what + " is empty: nothing to rewrite.");
            return;
        }
        int maxOut = (int) Math.min(16_000, Math.max(256, Tokenizers.count(Encoding.O200K_BASE, text) + 64));
        ChatRequest req = ChatRequest.of(by.id(), INSTRUCTIONS, text)
                .withMaxOutputTokens(maxOut)
                .withStream(false);
        CancelToken t = new CancelToken();
        token = t;
        running.set(true);
        status.set("Asking " + by.name() + " to rewrite the " + what + "…");
        job = ui.tasks()
                .task("rewrite call", p -> clients.client(ProviderIds.of(by)).complete(req, d -> {}, t))
                .onSuccess(r -> done(r, by, target, idx, text))
                .onFailure(x -> status.set(
                        x instanceof ProviderException pe && pe.kind() == ProviderException.Kind.CANCELLED
                                ? "Rewrite cancelled."
                                : "Rewrite failed: " + UiContext.describe(x)))
                .onCancelled(() -> status.set("Rewrite cancelled."))
                .always(() -> running.set(false))
                .start();
    }

    private void done(ChatResult r, ModelEntry by, ModelEntry target, int idx, String text) {
        BigDecimal cost = r.usage() == null
                ? null
                : CostEngine.price(by, r.usage(), BillingOptions.INTERACTIVE).total();
        calls.called(by, "rewrite", r, cost);
        String out = r.text() == null ? "" : r.text().strip();
        List<RequestTuner.TextPart> now = PromptSnapshot.of(prompt).parts();
        if (out.isEmpty()) {
            status.set(by.name() + " returned no text (finish: " + r.finishReason() + ").");
        } else if (idx >= now.size() || !now.get(idx).text().equals(text)) {
            status.set("The text changed while " + by.name() + " was rewriting it: rewrite again.");
        } else {
            rewrites.add(
                    0,
                    RequestTuner.rewrite(
                            now,
                            idx,
                            out,
                            by.id(),
                            target,
                            prompt.monthlyRequestsProperty().get(),
                            prompt.billing(),
                            cost));
            status.set("Rewrite by " + by.name() + " ready"
                    + (cost == null
                            ? " (the server reported no usage, so its " + "cost is unknown)"
                            : ", the call cost " + Money.format(cost))
                    + ": accept or reject it.");
        }
        changed.run();
    }

    /** Stops the rewrite call in flight. */
    public void cancel() {
        if (token != null) {
            token.cancel();
        }
        if (job != null) {
            job.cancel();
        }
    }

    /** The cheap models offered. */
    public ObservableList<String> models() {
        return models;
    }

    /** The rewrite model's id (editable: any catalog model). */
    public StringProperty modelProperty() {
        return model;
    }

    /** The prompt's parts by label, in request order. */
    public ObservableList<String> parts() {
        return parts;
    }

    /** The index of the part to rewrite. */
    public IntegerProperty partProperty() {
        return part;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The Tune tab's status line (shared with the cuts). */
    StringProperty statusProperty() {
        return status;
    }

    void close() {
        cancel();
    }

    /** Why Rewrite can do nothing now ("" when it can). */
    public StringBinding rewriteBlockedReason() {
        return Reasons.when(runningProperty(), "A rewrite is in progress: wait for it, or press Cancel.");
    }
}
