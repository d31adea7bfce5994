// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.ui.common.DisabledReason;
import dev.costbench.ui.common.View;
import java.util.List;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The "Send to the API" tab: the selected model, Send, Count exactly, an attached image, the streamed answer and the
 * estimate beside what the provider reported. State and actions: {@link RunViewModel}.
 */
public final class RunPane extends VBox implements View<RunViewModel> {

    private final RunViewModel vm;
    private final GridPane figures = new GridPane();

    public RunPane(RunViewModel vm) {
        this.vm = vm;
        setId("run-pane");
        setSpacing(6);
        setPadding(new Insets(8, 10, 8, 10));
        Button send = new Button("Send ▶");
        send.setId("send");
        send.disableProperty().bind(vm.canSendProperty().not());
        DisabledReason.explain(send, vm.sendBlockedReason());
        Tooltip sendTip = new Tooltip();
        sendTip.textProperty()
                .bind(vm.controls()
                        .problemProperty()
                        .map(p -> "Cannot send yet: " + p)
                        .orElse("Send the prompt to the chosen model through its provider's API (Ctrl+Enter). "
                                + "This is a real, billed call."));
        send.setTooltip(sendTip);
        send.setOnAction(e -> vm.send());
        Button count = new Button("Count exactly");
        count.setId("count-exactly");
        count.setTooltip(new Tooltip("Ask the provider's token-counting endpoint for the exact input tokens "
                + "(free, rate-limited; not offered by OpenAI-compatible servers)"));
        count.disableProperty().bind(vm.canCountProperty().not());
        DisabledReason.explain(count, vm.countBlockedReason());
        count.setOnAction(e -> vm.countExactly());
        Button reset = new Button("Reset calibration…");
        reset.setId("reset-calibration");
        reset.setTooltip(new Tooltip("Forget the exact counts kept for the selected model's tokenizer family (Claude, "
                + "Gemini, …): its estimates in the table are uncalibrated again"));
        reset.disableProperty().bind(vm.calibrationActions().canResetProperty().not());
        DisabledReason.explain(reset, vm.calibrationActions().resetBlockedReason());
        reset.setOnAction(e -> vm.calibrationActions().reset());
        Button cancel = new Button("Cancel");
        cancel.setId("cancel-send");
        cancel.visibleProperty().bind(vm.runningProperty());
        cancel.setOnAction(e -> vm.cancel());
        ProgressIndicator busy = new ProgressIndicator();
        busy.visibleProperty().bind(vm.runningProperty());
        busy.setPrefSize(18, 18);
        Button attach = new Button();
        attach.setId("attach-image");
        attach.setTooltip(new Tooltip("Send an image with the user message (JPEG, PNG, WebP, GIF); its tokens are "
                + "estimated by the catalog's image rule for the selected model"));
        attach.textProperty().bind(vm.imageProperty().map(i -> "Change image…").orElse("Attach image…"));
        attach.setOnAction(e -> vm.chooseImage());
        Label attached = new Label();
        attached.setId("attached-image");
        attached.textProperty()
                .bind(vm.imageProperty().map(AttachedImage::label).orElse(""));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        SendControlsPane controls = new SendControlsPane(vm.controls());
        Tooltip titleTip = new Tooltip();
        titleTip.textProperty().bind(vm.titleProperty());
        Tooltip.install(controls.picker(), titleTip);
        for (Region r : List.of(busy, cancel, attach, reset, count, send)) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(8, controls.picker(), spacer, busy, cancel, attached, attach, reset, count, send);
        bar.setAlignment(Pos.CENTER_LEFT);

        TextArea answer = new TextArea();
        answer.setId("answer");
        answer.setAccessibleText("The model's answer");
        answer.setEditable(false);
        answer.setWrapText(true);
        answer.setPromptText("The answer appears here as it streams in.");
        answer.setPrefRowCount(6);
        answer.textProperty().bind(vm.answerProperty());
        VBox.setVgrow(answer, Priority.ALWAYS);
        answer.setMinHeight(70);
        figures.setId("run-figures");
        figures.setHgap(14);
        figures.setVgap(3);
        ColumnConstraints first = new ColumnConstraints();
        first.setMinWidth(110);
        figures.getColumnConstraints().add(first);
        vm.figures().addListener((ListChangeListener<RunViewModel.Figure>) c -> showFigures());
        Label error = new Label();
        error.setId("run-error");
        error.setWrapText(true);
        error.getStyleClass().add("error-text");
        error.setStyle("-fx-text-fill: #c0392b;");
        error.textProperty().bind(vm.errorProperty());
        Button showBody = new Button("Show response");
        showBody.visibleProperty().bind(vm.bodyProperty().isNotNull());
        showBody.managedProperty().bind(showBody.visibleProperty());
        showBody.setOnAction(e -> vm.showResponse());
        Label problem = new Label();
        problem.setId("send-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add("text-muted");
        problem.textProperty().bind(vm.controls().problemProperty());
        problem.visibleProperty().bind(vm.controls().problemProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());
        VBox result = new VBox(6, answer, new HBox(8, error, showBody), figures);
        SplitPane split = new SplitPane(result, new SendHistoryPane(vm));
        split.setId("send-split");
        split.setDividerPositions(0.68);
        VBox.setVgrow(split, Priority.ALWAYS);
        split.setMinHeight(150);
        getChildren().addAll(bar, controls.options(), problem, split);
    }

    private void showFigures() {
        figures.getChildren().clear();
        for (RunViewModel.Figure f : vm.figures()) {
            Label k = new Label(f.name());
            k.getStyleClass().add("muted");
            Label v = new Label(f.value());
            v.setId("run-" + f.name().toLowerCase(Locale.ROOT).replace(' ', '-'));
            v.setWrapText(true);
            if (f.tooltip() != null) {
                Tooltip.install(v, new Tooltip(f.tooltip()));
            }
            figures.add(k, 0, f.row());
            figures.add(v, 1, f.row());
        }
    }

    @Override
    public Parent root() {
        return this;
    }

    @Override
    public RunViewModel viewModel() {
        return vm;
    }
}
