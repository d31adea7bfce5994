// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.lab.calibration.CalibrationSample.Source;
import dev.costbench.model.lab.run.ClientSource;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.RequestEstimate;
import dev.costbench.model.tuning.TokenTax;
import dev.costbench.ui.common.Job;
import dev.costbench.ui.common.Reasons;
import dev.costbench.ui.common.UiContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * The token tax's "Count exactly": asks Anthropic's and Google's counting endpoints for the whole request on one
 * model of each estimated tokenizer family, only when pressed. A failure per family ("no key", "failed") is shown in
 * its cell, the reasons below the table.
 */
public final class TokenTaxCounts {

    private final UiContext ui;
    private final Supplier<ModelEntry> selected;
    private final Supplier<ChatRequest> request;
    private final ClientSource clients;
    private final ObservableMap<String, String> counts = FXCollections.observableMap(new LinkedHashMap<>());
    private final ObservableMap<String, String> countsView = FXCollections.unmodifiableObservableMap(counts);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private Job<Map<String, String>> job;
    private CalibrationRecorder calibration = new CalibrationRecorder();
    private Runnable calibrated = () -> {};

    public TokenTaxCounts(
            UiContext ui, Supplier<ModelEntry> selected, Supplier<ChatRequest> request, ClientSource clients) {
        this.ui = ui;
        this.selected = selected;
        this.request = request;
        this.clients = clients;
    }

    /** Keeps every exact count for calibration in {@code r}; {@code changed} runs on the UI thread after a count. */
    void recordInto(CalibrationRecorder r, Runnable changed) {
        this.calibration = r;
        this.calibrated = changed;
    }

    /** The family's model to ask: the selected one when it belongs to the family, else its cheapest priced one. */
    private ModelEntry modelFor(TokenTax tax, TokenTax.Family fam) {
        ModelEntry sel = selected.get();
        if (sel != null && fam.models().contains(sel)) {
            return sel;
        }
        List<TokenTax.ModelCost> priced = tax.priced(fam);
        return priced.isEmpty() ? fam.models().get(0) : priced.get(0).model();
    }

    /** Counts the whole request exactly on one model of each estimated family that has a counting endpoint. */
    public void countExactly(TokenTax tax) {
        if (tax == null || running.get()) {
            return;
        }
        ChatRequest base = request.get();
        List<String> tokenizers = new ArrayList<>();
        List<ModelEntry> models = new ArrayList<>();
        for (TokenTax.Family f : tax.families()) {
            ModelEntry m = f.exact() ? null : modelFor(tax, f);
            if (m != null && ProviderIds.of(m) != ProviderId.COMPATIBLE) {
                tokenizers.add(f.tokenizer());
                models.add(m);
            }
        }
        error.set("");
        running.set(true);
        job = ui.tasks()
                .task("exact token count", p -> {
                    Map<String, String> out = new LinkedHashMap<>();
                    List<String> problems = new ArrayList<>();
                    for (int i = 0; i < models.size() && !p.isCancelled(); i++) {
                        ModelEntry m = models.get(i);
                        ChatRequest req = new ChatRequest(
                                m.id(),
                                base.system(),
                                base.systemCache(),
                                base.messages(),
                                base.maxOutputTokens(),
                                base.temperature(),
                                base.seed(),
                                base.reasoningBudget(),
                                base.reasoningEffort(),
                                base.mediaResolution(),
                                false,
                                base.openAiApi(),
                                null,
                                null);
                        try {
                            long n = clients.client(ProviderIds.of(m))
                                    .countTokens(req)
                                    .inputTokens();
                            calibration.counted(
                                    m,
                                    req,
                                    RequestEstimate.of(
                                            m, req, null, AttachedImage.sizer(null), BillingOptions.INTERACTIVE),
                                    n,
                                    Source.COUNT);
                            out.put(tokenizers.get(i), String.format("%,d (%s, whole request)", n, m.id()));
                        } catch (ProviderException e) {
                            out.put(tokenizers.get(i), e.kind() == ProviderException.Kind.NO_KEY ? "no key" : "failed");
                            if (!problems.contains(e.getMessage())) {
                                problems.add(e.getMessage());
                            }
                        }
                    }
                    if (!problems.isEmpty()) {
                        out.put("", String.join("\n", problems));
                    }
                    return out;
                })
                .onSuccess(r -> {
                    calibrated.run();
                    error.set(r.getOrDefault("", ""));
                    r.remove("");
                    counts.putAll(r);
                })
                .onFailure(e -> error.set("Counting failed: " + UiContext.describe(e) + ". Check the provider's key in "
                        + "the Providers tab and try again."))
                .always(() -> running.set(false))
                .start();
    }

    /** Stops counting (the families counted so far are not shown). */
    public void cancel() {
        if (job != null) {
            job.cancel();
        }
    }

    /** Forgets the counts (they were of another text). */
    void clear() {
        counts.clear();
    }

    /** What "Count exactly" found per tokenizer family ("12,345 (model, whole request)", "no key"…). */
    public ObservableMap<String, String> counts() {
        return countsView;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Why Count exactly can do nothing now ("" when it can). */
    public StringBinding countBlockedReason() {
        return Reasons.when(runningProperty(), "Counting is in progress: wait for it, or press Cancel.");
    }
}
