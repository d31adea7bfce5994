// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.lab.run.ClientSource;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.cost.Money;
import dev.costbench.model.provider.CancelToken;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.ChatResult;
import dev.costbench.model.provider.Part;
import dev.costbench.model.provider.ProviderClient;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.RequestEstimate;
import dev.costbench.model.provider.TokenCountResult;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Sends the Prompt view's request to the model selected in the cost table through the provider's real API, streams
 * the answer, and sets the estimate made before sending beside the usage and cost the provider reported. "Count
 * exactly" asks the provider's counting endpoint for the input tokens.
 */
public final class RunPane extends VBox {

    /** Receives every real call's outcome (the ledger). */
    @FunctionalInterface
    public interface CallListener {
        void called(ModelEntry model, String purpose, ChatResult result, java.math.BigDecimal costUsd);
    }

    private final Supplier<ModelEntry> selected;
    private final Supplier<ChatRequest> request;
    private final ClientSource clients;
    private CallListener listener = (m, p, r, c) -> { };

    private final Label title = new Label("Select a model in the table to send this prompt to it");
    private final Button send = new Button("Send ▶");
    private final Button count = new Button("Count exactly");
    private final Button cancel = new Button("Cancel");
    private final ProgressIndicator busy = new ProgressIndicator();
    private final TextArea answer = new TextArea();
    private final GridPane figures = new GridPane();
    private final Label error = new Label();
    private final Button showBody = new Button("Show response");
    private final Button attach = new Button("Attach image…");
    private final Label attached = new Label();
    private java.nio.file.Path image;
    private int[] imageSize;
    private String imageMime;
    private CancelToken token;
    private String lastBody;
    private long generation;

    public RunPane(Supplier<ModelEntry> selected, Supplier<ChatRequest> request, ClientSource clients) {
        this.selected = selected;
        this.request = request;
        this.clients = clients;
        setId("run-pane");
        setSpacing(6);
        setPadding(new Insets(8, 10, 8, 10));
        send.setId("send");
        send.setDefaultButton(false);
        send.setTooltip(new Tooltip("Send the prompt to the selected model through its provider's API (Ctrl+Enter). "
                + "This is a real, billed call."));
        count.setId("count-exactly");
        count.setTooltip(new Tooltip("Ask the provider's token-counting endpoint for the exact input tokens "
                + "(free, rate-limited; not offered by OpenAI-compatible servers)"));
        cancel.setId("cancel-send");
        cancel.setVisible(false);
        busy.setVisible(false);
        busy.setPrefSize(18, 18);
        send.setOnAction(e -> send());
        count.setOnAction(e -> countExactly());
        cancel.setOnAction(e -> {
            if (token != null) {
                token.cancel();
            }
        });
        title.setId("run-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        attach.setId("attach-image");
        attach.setTooltip(new Tooltip("Send an image with the user message (JPEG, PNG, WebP, GIF); its tokens are "
                + "estimated by the catalog's image rule for the selected model"));
        attach.setOnAction(e -> {
            javafx.stage.FileChooser fc = new javafx.stage.FileChooser();
            fc.setTitle("Attach an image");
            fc.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("Images", "*.jpg", "*.jpeg",
                    "*.png", "*.webp", "*.gif"));
            java.io.File f = fc.showOpenDialog(getScene().getWindow());
            if (f != null) {
                attachImage(f.toPath());
            }
        });
        attached.setId("attached-image");
        HBox bar = new HBox(8, title, spacer, busy, cancel, attached, attach, count, send);
        bar.setAlignment(Pos.CENTER_LEFT);
        answer.setId("answer");
        answer.setEditable(false);
        answer.setWrapText(true);
        answer.setPromptText("The answer appears here as it streams in.");
        answer.setPrefRowCount(6);
        VBox.setVgrow(answer, Priority.ALWAYS);
        figures.setId("run-figures");
        figures.setHgap(14);
        figures.setVgap(3);
        ColumnConstraints first = new ColumnConstraints();
        first.setMinWidth(110);
        figures.getColumnConstraints().add(first);
        error.setId("run-error");
        error.setWrapText(true);
        error.getStyleClass().add("error-text");
        error.setStyle("-fx-text-fill: #c0392b;");
        showBody.setVisible(false);
        showBody.setManaged(false);
        showBody.setOnAction(e -> {
            Alert a = new Alert(Alert.AlertType.INFORMATION);
            a.setTitle("Provider response");
            a.setHeaderText("The body the provider sent (any key redacted)");
            TextArea t = new TextArea(lastBody);
            t.setEditable(false);
            t.setWrapText(true);
            a.getDialogPane().setContent(t);
            a.show();
        });
        getChildren().addAll(bar, answer, new HBox(8, error, showBody), figures);
        refreshTitle();
    }

    /** Attaches {@code file} to the user message (null removes it); a file that is not an image is refused. */
    public void attachImage(java.nio.file.Path file) {
        if (file == null) {
            image = null;
            attached.setText("");
            attach.setText("Attach image…");
            return;
        }
        try {
            var info = dev.costbench.media.Images.probe(file);
            String fmt = info.format().toLowerCase(Locale.ROOT);
            if (!java.util.List.of("jpeg", "jpg", "png", "webp", "gif").contains(fmt)) {
                throw new java.io.IOException(file.getFileName() + " is " + fmt.toUpperCase(Locale.ROOT)
                        + "; the providers take JPEG, PNG, WebP or GIF (convert it in the Media view)");
            }
            image = file;
            imageSize = new int[] {info.width(), info.height()};
            imageMime = "image/" + (fmt.equals("jpg") ? "jpeg" : fmt);
            attached.setText("🖼 " + file.getFileName() + " " + info.width() + "×" + info.height());
            attach.setText("Change image…");
            clearError();
        } catch (java.io.IOException e) {
            error.setText(e.getMessage());
        }
    }

    /** The request with the attached image added to the last user message. */
    private ChatRequest withImage(ChatRequest r) {
        if (image == null) {
            return r;
        }
        byte[] data;
        try {
            data = java.nio.file.Files.readAllBytes(image);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot read " + image + ": " + e.getMessage(), e);
        }
        java.util.List<dev.costbench.model.provider.ChatMessage> msgs = new java.util.ArrayList<>(r.messages());
        var last = msgs.remove(msgs.size() - 1);
        java.util.List<Part> parts = new java.util.ArrayList<>(last.parts());
        parts.add(new Part.Image(data, imageMime, null));
        msgs.add(new dev.costbench.model.provider.ChatMessage(last.role(), parts));
        return new ChatRequest(r.model(), r.system(), r.systemCache(), msgs, r.maxOutputTokens(), r.temperature(),
                r.seed(), r.reasoningBudget(), r.reasoningEffort(), r.mediaResolution(), r.stream(), r.openAiApi());
    }

    /** The Prompt view's request, with the attached image, addressed to {@code m}. */
    private ChatRequest requestFor(ModelEntry m, boolean stream) {
        ChatRequest req = withImage(request.get());
        return new ChatRequest(m.id(), req.system(), req.systemCache(), req.messages(), req.maxOutputTokens(),
                req.temperature(), req.seed(), req.reasoningBudget(), req.reasoningEffort(), req.mediaResolution(),
                stream, req.openAiApi());
    }

    private RequestEstimate.MediaSizer sizer() {
        int[] wh = imageSize;
        return new RequestEstimate.MediaSizer() {
            @Override
            public int[] imageSize(Part.Image img) {
                return wh == null ? new int[] {1024, 1024} : wh;
            }

            @Override
            public double seconds(Part media) {
                return 0;
            }
        };
    }

    public void setCallListener(CallListener l) {
        this.listener = l;
    }

    /** Updates the title and buttons for the currently selected model. */
    public void refreshTitle() {
        ModelEntry m = selected.get();
        send.setDisable(m == null || (token != null && !token.isCancelled() && cancel.isVisible()));
        count.setDisable(m == null || providerOf(m) == ProviderId.COMPATIBLE);
        title.setText(m == null ? "Select a model in the table to send this prompt to it"
                : m.name() + " · " + providerOf(m).displayName() + " · " + m.id());
    }

    /** Which API serves a catalog model: the big three natively, every other host as OpenAI-compatible. */
    public static ProviderId providerOf(ModelEntry m) {
        switch (m.provider()) {
            case "openai": return ProviderId.OPENAI;
            case "anthropic": return ProviderId.ANTHROPIC;
            case "google": return ProviderId.GEMINI;
            default: return ProviderId.COMPATIBLE;
        }
    }

    public TextArea answer() {
        return answer;
    }

    public GridPane figures() {
        return figures;
    }

    public Label error() {
        return error;
    }

    /** Increases each time a call finishes (tests wait on it). */
    public long generation() {
        return generation;
    }

    public void send() {
        ModelEntry m = selected.get();
        if (m == null) {
            return;
        }
        ChatRequest forModel = requestFor(m, true);
        RequestEstimate est = RequestEstimate.of(m, forModel, null, sizer(), BillingOptions.INTERACTIVE);
        answer.clear();
        figures.getChildren().clear();
        clearError();
        row(0, "Estimate", String.format(Locale.ROOT, "%s input tokens, up to %d output → %s", (est.exact() ? "" : "≈")
                + est.inputTokens(), est.outputTokens(), Money.format(est.breakdown().total())));
        CancelToken t = new CancelToken();
        token = t;
        ProviderId pid = providerOf(m);
        Consumer<String> delta = d -> Platform.runLater(() -> {
            if (token == t) {
                answer.appendText(d);
            }
        });
        Task<ChatResult> task = new Task<>() {
            @Override
            protected ChatResult call() throws Exception {
                return clients.client(pid).complete(forModel, delta, t);
            }
        };
        task.setOnSucceeded(e -> {
            done(t);
            ChatResult r = task.getValue();
            if (answer.getText().isEmpty()) {
                answer.setText(r.text());
            }
            if (r.usage() == null) {
                row(1, "Reported", "the server reported no usage, so the billed cost is unknown");
                row(3, "Timing", r.latency().toMillis() + " ms · finish: " + r.finishReason());
                generation++;
                return;
            }
            var rec = est.reconcile(m, r.usage(), BillingOptions.INTERACTIVE);
            CanonicalUsage u = r.usage();
            row(1, "Reported", String.format(Locale.ROOT, "%d input (uncached %d, cache read %d, cache write %d), "
                            + "%d output%s", u.totalInput(), u.uncachedInput(), u.cacheRead(),
                    u.cacheWrite5m() + u.cacheWrite1h(), u.output(),
                    u.reasoning() > 0 ? " + " + u.reasoning() + " reasoning" : ""));
            row(2, "Billed", Money.format(rec.billed().total()) + "   (difference from the estimate: "
                    + signed(rec.differenceUsd()) + "; input " + (rec.inputDelta() >= 0 ? "+" : "")
                    + rec.inputDelta() + " tokens)");
            row(3, "Timing", r.latency().toMillis() + " ms" + (r.timeToFirstToken() == null ? ""
                    : ", first token after " + r.timeToFirstToken().toMillis() + " ms") + " · finish: "
                    + r.finishReason() + (r.truncated() ? " (cut by the output cap)" : ""));
            if (!r.inputByModality().isEmpty()) {
                row(4, "By modality", r.inputByModality().toString());
            }
            figures.getChildren().stream().filter(n -> GridPane.getRowIndex(n) == 2).forEach(n ->
                    Tooltip.install(n, new Tooltip(describeLines(rec.billed()))));
            listener.called(m, "send", r, rec.billed().total());
            generation++;
        });
        task.setOnFailed(e -> {
            done(t);
            showError(task.getException());
            generation++;
        });
        start(task, t);
    }

    public void countExactly() {
        ModelEntry m = selected.get();
        if (m == null) {
            return;
        }
        ChatRequest forModel = requestFor(m, false);
        RequestEstimate est = RequestEstimate.of(m, forModel, null, sizer(), BillingOptions.INTERACTIVE);
        clearError();
        CancelToken t = new CancelToken();
        token = t;
        ProviderId pid = providerOf(m);
        Task<TokenCountResult> task = new Task<>() {
            @Override
            protected TokenCountResult call() throws Exception {
                return clients.client(pid).countTokens(forModel);
            }
        };
        task.setOnSucceeded(e -> {
            done(t);
            long exact = task.getValue().inputTokens();
            row(5, "Counted", String.format(Locale.ROOT, "%d input tokens, exact from %s (CostBench's %s: %s%d, %s)",
                    exact, pid.displayName(), est.exact() ? "count" : "estimate", est.exact() ? "" : "≈",
                    est.inputTokens(), percent(exact, est.inputTokens())));
            generation++;
        });
        task.setOnFailed(e -> {
            done(t);
            showError(task.getException());
            generation++;
        });
        start(task, t);
    }

    private void start(Task<?> task, CancelToken t) {
        busy.setVisible(true);
        cancel.setVisible(true);
        send.setDisable(true);
        count.setDisable(true);
        Thread th = new Thread(task, "CostBench provider call");
        th.setDaemon(true);
        th.start();
    }

    private void done(CancelToken t) {
        if (token == t) {
            busy.setVisible(false);
            cancel.setVisible(false);
        }
        refreshTitle();
    }

    private void showError(Throwable x) {
        if (x instanceof ProviderException) {
            ProviderException p = (ProviderException) x;
            error.setText(p.kind() == ProviderException.Kind.CANCELLED ? "Cancelled." : p.getMessage());
            lastBody = p.body();
        } else {
            error.setText(x.getMessage() == null ? x.toString() : x.getMessage());
            lastBody = null;
        }
        boolean body = lastBody != null && !lastBody.isBlank();
        showBody.setVisible(body);
        showBody.setManaged(body);
    }

    private void clearError() {
        error.setText("");
        showBody.setVisible(false);
        showBody.setManaged(false);
    }

    private void row(int r, String name, String value) {
        figures.getChildren().removeIf(n -> GridPane.getRowIndex(n) != null && GridPane.getRowIndex(n) == r);
        Label k = new Label(name);
        k.getStyleClass().add("muted");
        Label v = new Label(value);
        v.setId("run-" + name.toLowerCase(Locale.ROOT).replace(' ', '-'));
        v.setWrapText(true);
        figures.add(k, 0, r);
        figures.add(v, 1, r);
    }

    private static String signed(java.math.BigDecimal d) {
        return (d.signum() > 0 ? "+" : d.signum() < 0 ? "−" : "") + Money.format(d.abs());
    }

    private static String percent(long exact, long est) {
        if (exact == 0) {
            return "exact is 0";
        }
        double p = 100.0 * (est - exact) / exact;
        return String.format(Locale.ROOT, "%+.1f %%", p);
    }

    private static String describeLines(dev.costbench.model.cost.CostBreakdown b) {
        StringBuilder s = new StringBuilder();
        for (var l : b.lines()) {
            s.append(l.item()).append(": ").append(l.tokens()).append(" tokens × ")
                    .append(l.price() == null ? "unpriced" : "$" + l.price().perMTok().toPlainString() + "/1M")
                    .append(" = ").append(l.usd() == null ? "—" : Money.format(l.usd())).append('\n');
        }
        return s.toString().strip();
    }
}
