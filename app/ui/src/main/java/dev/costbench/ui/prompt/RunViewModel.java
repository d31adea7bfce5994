// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.ServiceTier;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.lab.NewSentRequest;
import dev.costbench.model.lab.SentRequest;
import dev.costbench.model.lab.calibration.CalibrationSample.Source;
import dev.costbench.model.lab.run.ClientSource;
import dev.costbench.model.prompt.TokenCount;
import dev.costbench.model.provider.CancelToken;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.ChatResult;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.RequestEstimate;
import dev.costbench.model.provider.SendOptions;
import dev.costbench.model.provider.SendTraits;
import dev.costbench.model.provider.TokenCountResult;
import dev.costbench.model.ratecard.RateCard;
import dev.costbench.model.tools.ToolChoice;
import dev.costbench.model.tools.ToolSet;
import dev.costbench.model.tools.ToolTokenCounter;
import dev.costbench.model.tools.ToolsCount;
import dev.costbench.ui.common.DialogService;
import dev.costbench.ui.common.Job;
import dev.costbench.ui.common.Reasons;
import dev.costbench.ui.common.UiContext;
import dev.costbench.ui.common.ViewModel;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Send to the API": sends the Prompt view's request to the model and with the options of its {@link SendControls}
 * through the provider's real API, streams the answer, and sets the estimate made before sending beside the usage
 * and cost the provider reported; every call is kept in the workspace's {@link SendHistory}. "Count exactly" asks the
 * provider's counting endpoint for the input tokens.
 */
public final class RunViewModel implements ViewModel {

    /** One line of the figures under the answer ("Estimate", "Reported", "Billed", "Timing", …). */
    public record Figure(int row, String name, String value, String tooltip) {}

    private final UiContext ui;
    private final Supplier<ChatRequest> request;
    private final Supplier<ToolSet> tools;
    private final ClientSource clients;
    private final SendControls controls;
    private final SendHistory history;
    private CallListener listener = CallListener.NONE;
    private final CalibrationRecorder calibration;
    private Runnable calibrated = () -> {};
    private final CalibrationActions calibrationActions;
    private final ReadOnlyStringWrapper answer = new ReadOnlyStringWrapper(this, "answer", "");
    private final ObservableList<Figure> figures = FXCollections.observableArrayList();
    private final ObservableList<Figure> figuresView = FXCollections.unmodifiableObservableList(figures);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper body = new ReadOnlyStringWrapper(this, "body");
    private final ReadOnlyObjectWrapper<AttachedImage> image = new ReadOnlyObjectWrapper<>(this, "image");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final BooleanBinding canSend;
    private final BooleanBinding canCount;
    private final StringBinding sendReason;
    private final StringBinding countReason;
    private Job<?> job;
    private CancelToken token;

    /**
     * @param request the Prompt view's request (system, turns, user, cache breakpoints), addressed to any model
     * @param tools   the Tools section's definitions, sent with every call (their function tools; a built-in tool is
     *                refused with the reason before anything is sent)
     */
    RunViewModel(
            UiContext ui,
            Supplier<ChatRequest> request,
            Supplier<ToolSet> tools,
            ClientSource clients,
            SendControls controls,
            SendHistory history,
            CalibrationRecorder calibration) {
        this.ui = ui;
        this.calibration = calibration;
        this.calibrationActions =
                new CalibrationActions(ui, calibration, controls.modelProperty(), () -> calibrated.run());
        this.request = request;
        this.tools = tools;
        this.clients = clients;
        this.controls = controls;
        this.history = history;
        var selected = controls.modelProperty();
        title.bind(Bindings.createStringBinding(
                () -> selected.get() == null
                        ? "Select a model in the table to send this prompt to it"
                        : selected.get().name() + " · "
                                + ProviderIds.of(selected.get()).displayName() + " · "
                                + selected.get().id(),
                selected));
        canSend = controls.ready().and(running.not());
        canCount = Bindings.createBooleanBinding(
                () -> controls.problemProperty().get() == null
                        && !running.get()
                        && ProviderIds.of(selected.get()) != ProviderId.COMPATIBLE,
                controls.problemProperty(),
                running);
        StringBinding problem = Bindings.createStringBinding(
                () -> controls.problemProperty().get() == null
                        ? ""
                        : "Cannot send yet: " + controls.problemProperty().get(),
                controls.problemProperty());
        StringBinding busy = Reasons.when(running, "A call is in progress: wait for its answer, or press Cancel.");
        sendReason = Reasons.first(problem, busy);
        countReason = Reasons.first(
                problem,
                busy,
                Reasons.when(
                        Bindings.createBooleanBinding(
                                () -> selected.get() != null && ProviderIds.of(selected.get()) == ProviderId.COMPATIBLE,
                                selected),
                        "OpenAI-compatible servers have no token-counting endpoint; the table's count is the "
                                + "estimate to use."));
    }

    public void setCallListener(CallListener l) {
        this.listener = l == null ? CallListener.NONE : l;
    }

    /** "Reset calibration…" for the selected model's tokenizer family. */
    public CalibrationActions calibrationActions() {
        return calibrationActions;
    }

    /** Runs on the UI thread after an exact count was kept for calibration (the cost table recounts). */
    void onCalibrated(Runnable r) {
        this.calibrated = r;
    }

    /** Asks for an image and attaches it. */
    public void chooseImage() {
        ui.dialogs().openFile("Attach an image", DialogService.FileKind.IMAGES).ifPresent(this::attachImage);
    }

    /** Attaches {@code file} to the user message (null removes it); a file that is not an image is refused. */
    public void attachImage(Path file) {
        if (file == null) {
            image.set(null);
            return;
        }
        try {
            image.set(AttachedImage.probe(file));
            clearError();
        } catch (IOException e) {
            error.set(UiContext.describe(e));
        }
    }

    /**
     * The Prompt view's request with the attached image and the Tools section's function tools, addressed to {@code m}
     * with the controls' options.
     *
     * @throws dev.costbench.model.tools.ToolsFormatException when the tools hold a built-in tool (it says which)
     */
    private ChatRequest requestFor(ModelEntry m, SendOptions o) {
        ChatRequest req = request.get();
        if (image.get() != null) {
            req = image.get().addTo(req);
        }
        ToolSet set = toolSet();
        if (!set.isEmpty() || !set.builtIns().isEmpty()) {
            req = req.withTools(set.specs());
        }
        return SendTraits.apply(req, ProviderIds.of(m), m.id(), o);
    }

    private ToolSet toolSet() {
        ToolSet set = tools.get();
        return set == null ? ToolSet.EMPTY : set;
    }

    /**
     * CostBench's estimate of {@code forModel} on {@code m}, the tools' tokens included (as sent: the API's default
     * tool choice, auto).
     */
    private RequestEstimate estimate(ModelEntry m, ChatRequest forModel, BillingOptions billing) {
        ToolSet set = toolSet();
        if (set.isEmpty()) {
            return RequestEstimate.of(m, forModel, null, AttachedImage.sizer(image.get()), billing);
        }
        ToolsCount t = ToolTokenCounter.count(m, set, ToolChoice.AUTO);
        TokenCount toolTokens = new TokenCount(t.tokens(), t.exact(), t.method());
        return RequestEstimate.of(m, forModel, null, AttachedImage.sizer(image.get()), billing, toolTokens);
    }

    /**
     * Sends the prompt to the chosen model with the controls' options (a real, billed call); the answer streams
     * into {@link #answer}. Success and failure are kept in the workspace's history.
     */
    public void send() {
        ModelEntry m = controls.modelProperty().get();
        if (!canSend.get()) {
            return; // the pane says why (SendControls.problemProperty)
        }
        clearError();
        ChatRequest forModel;
        SendOptions options = controls.options();
        ServiceTier tier = controls.tierProperty().get();
        try {
            forModel = requestFor(m, options).withServiceTier(controls.tierWord());
        } catch (RuntimeException e) {
            error.set(UiContext.describe(e));
            return;
        }
        RateCard card = controls.rates();
        RequestEstimate est =
                estimate(m, forModel, BillingOptions.INTERACTIVE.withTier(tier).withRateCard(card));
        answer.set("");
        figures.clear();
        figure(
                0,
                "Estimate",
                String.format(
                        Locale.ROOT,
                        "%s input tokens, up to %,d output → %s",
                        (est.exact() ? "" : "≈") + est.inputTokens(),
                        est.outputTokens(),
                        RunFigures.priced(est.breakdown(), card)),
                null);
        CancelToken t = begin();
        ProviderId pid = ProviderIds.of(m);
        Instant sentAt = Instant.now();
        String workspace = history.workspace();
        job = ui.tasks()
                .<ChatResult>task("provider call", p -> {
                    ChatResult r =
                            clients.client(pid).complete(forModel, d -> p.onUi(() -> answer.set(answer.get() + d)), t);
                    calibration.used(m, forModel, est, r.usage());
                    return r;
                })
                .onSuccess(r -> {
                    calibrated.run();
                    BigDecimal cost = RunFigures.show(this, m, est, r, card);
                    keep(workspace, sentAt, m, options, r.usage(), cost, null, tier, r.servedTier());
                })
                .onFailure(x -> {
                    showError(x);
                    keep(workspace, sentAt, m, options, null, null, error.get(), tier, null);
                })
                .onCancelled(() -> {
                    error.set("Cancelled.");
                    keep(workspace, sentAt, m, options, null, null, "Cancelled.", tier, null);
                })
                .always(() -> running.set(false))
                .start();
    }

    private void keep(
            String workspace,
            Instant at,
            ModelEntry m,
            SendOptions o,
            CanonicalUsage usage,
            BigDecimal cost,
            String failure,
            ServiceTier tier,
            String served) {
        history.add(new NewSentRequest(
                workspace, at, m.provider(), m.id(), o, answer.get(), usage, cost, failure, tier, served));
    }

    /** Re-opens a kept call: its answer, usage, cost and failure in place of the current ones. */
    public void reopen(SendHistory.Entry e) {
        if (e == null || running.get()) {
            return;
        }
        SentRequest s = e.sent();
        answer.set(s.call().answer());
        figures.clear();
        clearError();
        SendOptions o = s.call().options();
        figure(0, "Sent", e.when() + " to " + e.model() + " · " + RunFigures.options(o) + " · " + e.tier(), null);
        if (s.call().usage() != null) {
            figure(1, "Reported", usage(s.call().usage()), null);
        }
        figure(2, "Billed", s.call().costUsd() == null ? "unknown (no usage was reported)" : e.cost(), null);
        if (s.failed()) {
            error.set(s.call().error());
        }
    }

    /** "Use these settings": the kept call's model and options back in the controls. */
    public void useSettings(SendHistory.Entry e) {
        if (e != null) {
            controls.use(e.sent());
        }
    }

    /** Asks the provider's counting endpoint for the exact input tokens (free, rate-limited). */
    public void countExactly() {
        ModelEntry m = controls.modelProperty().get();
        if (!canCount.get()) {
            return;
        }
        clearError();
        ChatRequest forModel;
        try {
            SendOptions o = controls.options();
            forModel = requestFor(m, new SendOptions(o.temperature(), o.maxOutputTokens(), o.effort(), false));
        } catch (RuntimeException e) {
            error.set(UiContext.describe(e));
            return;
        }
        RequestEstimate est = estimate(m, forModel, BillingOptions.INTERACTIVE);
        begin();
        ProviderId pid = ProviderIds.of(m);
        job = ui.tasks()
                .task("token count", p -> {
                    TokenCountResult r = clients.client(pid).countTokens(forModel);
                    calibration.counted(m, forModel, est, r.inputTokens(), Source.COUNT);
                    return r;
                })
                .onSuccess(r -> {
                    calibrated.run();
                    long exact = r.inputTokens();
                    figure(
                            5,
                            "Counted",
                            String.format(
                                    Locale.ROOT,
                                    "%d input tokens, exact from %s (CostBench's " + "%s: %s%d, %s)",
                                    exact,
                                    pid.displayName(),
                                    est.exact() ? "count" : "estimate",
                                    est.exact() ? "" : "≈",
                                    est.inputTokens(),
                                    RunFigures.percent(exact, est.inputTokens())),
                            null);
                })
                .onFailure(this::showError)
                .onCancelled(() -> error.set("Cancelled."))
                .always(() -> running.set(false))
                .start();
    }

    private CancelToken begin() {
        CancelToken t = new CancelToken();
        token = t;
        running.set(true);
        return t;
    }

    /** Stops the call in flight. */
    public void cancel() {
        if (token != null) {
            token.cancel();
        }
        if (job != null) {
            job.cancel();
        }
    }

    /** Shows the body the provider sent with the last error (any key redacted by the client). */
    public void showResponse() {
        if (body.get() != null) {
            ui.dialogs().showText("Provider response", "The body the provider sent (any key redacted)", body.get());
        }
    }

    void figure(int row, String name, String value, String tooltip) {
        figures.removeIf(f -> f.row() == row);
        figures.add(new Figure(row, name, value, tooltip));
    }

    void called(ModelEntry m, ChatResult r, BigDecimal cost) {
        listener.called(m, "send", r, cost);
    }

    public SendControls controls() {
        return controls;
    }

    public SendHistory history() {
        return history;
    }

    void answerIfEmpty(String text) {
        if (answer.get().isEmpty() && text != null) {
            answer.set(text);
        }
    }

    private void showError(Throwable x) {
        if (x instanceof ProviderException p) {
            error.set(p.kind() == ProviderException.Kind.CANCELLED ? "Cancelled." : p.getMessage());
            body.set(p.body() == null || p.body().isBlank() ? null : p.body());
        } else {
            error.set(UiContext.describe(x));
            body.set(null);
        }
    }

    private void clearError() {
        error.set("");
        body.set(null);
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty answerProperty() {
        return answer.getReadOnlyProperty();
    }

    public ObservableList<Figure> figures() {
        return figuresView;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The last error's response body, or null: "Show response" shows while there is one. */
    public ReadOnlyStringProperty bodyProperty() {
        return body.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<AttachedImage> imageProperty() {
        return image.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public BooleanBinding canSendProperty() {
        return canSend;
    }

    /** Why Send ▶ can do nothing now ("" when it can): the missing key or setting and its fix, or a call running. */
    public StringBinding sendBlockedReason() {
        return sendReason;
    }

    /** Why Count exactly can do nothing now ("" when it can). */
    public StringBinding countBlockedReason() {
        return countReason;
    }

    public BooleanBinding canCountProperty() {
        return canCount;
    }

    @Override
    public void close() {
        cancel();
        controls.close();
        history.close();
    }

    static String usage(CanonicalUsage u) {
        return String.format(
                Locale.ROOT,
                "%d input (uncached %d, cache read %d, cache write %d), %d output%s",
                u.totalInput(),
                u.uncachedInput(),
                u.cacheRead(),
                u.cacheWrite5m() + u.cacheWrite1h(),
                u.output(),
                u.reasoning() > 0 ? " + " + u.reasoning() + " reasoning" : "");
    }
}
