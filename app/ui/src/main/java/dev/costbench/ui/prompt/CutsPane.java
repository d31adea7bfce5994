// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.tuning.ComponentBreakdown;
import dev.costbench.model.tuning.PartCost;
import dev.costbench.model.tuning.PartKind;
import dev.costbench.model.tuning.RequestTuner;
import dev.costbench.ui.common.DisabledReason;
import dev.costbench.ui.common.Words;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
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
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The Tune tab's "Cuts": the tuner's settings, the rewrite by a cheap model, the suggestions with Apply, and where
 * the money goes part by part. Lays out and binds {@link TuneViewModel}.
 */
final class CutsPane extends ScrollPane {

    private final TuneViewModel vm;
    private final GridPane parts = new GridPane();
    private final VBox suggestions = new VBox(6);
    private final Map<LineKey, SuggestionLine> lines = new LinkedHashMap<>();

    CutsPane(TuneViewModel vm, ToolsViewModel tools) {
        this.vm = vm;
        parts.setHgap(10);
        parts.setVgap(3);
        parts.setId("tune-parts");
        suggestions.setId("tune-suggestions");
        Label status = new Label();
        status.setId("tune-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        VBox box = new VBox(
                8,
                DiffPane.title("Cuts to every part — each shows what it saves; accept one by one"),
                settings(),
                rewriteBar(),
                status,
                suggestions,
                new ToolCutsBox(tools),
                DiffPane.title("Where the money goes (per request and per month at the volume set on the left)"),
                parts);
        box.setPadding(new Insets(8, 10, 8, 10));
        setContent(box);
        setFitToWidth(true);
        vm.items().addListener((ListChangeListener<RequestTuner.Item>) c -> showItems());
        vm.breakdownProperty().addListener((o, a, b) -> showParts(b));
    }

    /** A five-column field for a number, bound both ways to {@code value}. */
    private static TextField numberField(String id, String prompt, String tip, StringProperty value) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(5);
        f.setTooltip(new Tooltip(tip));
        f.textProperty().bindBidirectional(value);
        return f;
    }

    private FlowPane settings() {
        TextField expected = numberField(
                "tune-expected",
                "e.g. 150",
                "Expected answer length in tokens: suggests an output cap with 25 % headroom "
                        + "(against the expected output tokens on the left) and sizes a structured answer",
                vm.expectedProperty());
        TextField budget = numberField(
                "tune-fewshot-budget",
                "off",
                "Token budget (o200k_base) for the few-shot examples: suggests which user/assistant pairs to keep",
                vm.fewShotBudgetProperty());
        ChoiceBox<String> mode = new ChoiceBox<>();
        mode.getItems().setAll("most diverse", "most similar to the user message");
        mode.getSelectionModel().select(vm.fewShotSimilarProperty().get() ? 1 : 0);
        mode.getSelectionModel()
                .selectedIndexProperty()
                .addListener((o, a, i) -> vm.fewShotSimilarProperty().set(i.intValue() == 1));
        CheckBox drop = new CheckBox("Drop JSON-schema descriptions");
        drop.setTooltip(new Tooltip("Also suggest removing \"description\" strings from JSON schemas "
                + "(they can carry meaning the model needs: check)"));
        drop.selectedProperty().bindBidirectional(vm.dropDescriptionsProperty());
        expected.setAccessibleText("Expected answer, tokens");
        budget.setAccessibleText("Few-shot budget, tokens");
        HBox a = new HBox(6, new Label("Expected answer"), expected);
        HBox b = new HBox(6, new Label("Few-shot budget"), budget, mode);
        a.setAlignment(Pos.CENTER_LEFT);
        b.setAlignment(Pos.CENTER_LEFT);
        return new FlowPane(8, 6, a, b, drop);
    }

    private FlowPane rewriteBar() {
        TuneRewrite rw = vm.rewrite();
        ComboBox<String> model = new ComboBox<>(rw.models());
        model.setId("tune-rewrite-model");
        model.setAccessibleText("Model that rewrites");
        model.setEditable(true);
        model.setPrefWidth(190);
        model.setTooltip(new Tooltip("The cheap model that rewrites (any catalog model; a lightweight one "
                + "keeps the rewrite's own cost low)"));
        model.valueProperty().bindBidirectional(rw.modelProperty());
        ChoiceBox<String> part = new ChoiceBox<>(rw.parts());
        part.setId("tune-rewrite-part");
        part.getSelectionModel().select(rw.partProperty().get());
        part.getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> {
            if (i.intValue() >= 0) {
                rw.partProperty().set(i.intValue());
            }
        });
        rw.partProperty().addListener((o, a, i) -> part.getSelectionModel().select(i.intValue()));
        rw.parts().addListener((ListChangeListener<String>)
                c -> part.getSelectionModel().select(rw.partProperty().get()));
        Button rewrite = new Button("Rewrite with a cheap model (~50%)");
        rewrite.setId("tune-rewrite");
        rewrite.setTooltip(new Tooltip("Sends the chosen part to the cheap model (a real, billed call, recorded in "
                + "the ledger) and shows its rewrite as a suggestion with its saving and the call's cost"));
        rewrite.setOnAction(e -> rw.start());
        DisabledReason.bind(rewrite, rw.rewriteBlockedReason());
        Button cancel = new Button("Cancel");
        cancel.visibleProperty().bind(rw.runningProperty());
        cancel.setOnAction(e -> rw.cancel());
        ProgressIndicator busy = new ProgressIndicator();
        busy.visibleProperty().bind(rw.runningProperty());
        busy.setPrefSize(16, 16);
        HBox withModel = new HBox(6, new Label("with"), model, new Label("on"), part, busy, cancel);
        withModel.setAlignment(Pos.CENTER_LEFT);
        return new FlowPane(8, 6, rewrite, withModel);
    }

    private void showItems() {
        ModelEntry m = vm.prompt().selectedModelProperty().get();
        if (m == null) {
            lines.clear();
            suggestions.getChildren().clear();
            return;
        }
        if (vm.items().isEmpty()) {
            lines.clear();
            suggestions.getChildren().setAll(new Label("No cuts found in this prompt."));
            return;
        }
        // an analysis mostly finds the same cuts again: keep their lines (building and styling nodes is the slow part)
        List<SuggestionLine> shown = new ArrayList<>();
        Map<LineKey, SuggestionLine> next = new LinkedHashMap<>();
        for (RequestTuner.Item it : vm.items()) {
            LineKey k = new LineKey(it, m.id());
            SuggestionLine line = lines.remove(k);
            line = line != null ? line : new SuggestionLine(it, m, vm);
            next.put(k, line);
            shown.add(line);
        }
        lines.clear();
        lines.putAll(next);
        suggestions.getChildren().setAll(shown);
    }

    private record LineKey(RequestTuner.Item item, String modelId) {}

    private void showParts(ComponentBreakdown b) {
        parts.getChildren().clear();
        if (b == null) {
            return;
        }
        for (int i = 0; i < b.parts().size(); i++) {
            PartCost p = b.parts().get(i);
            ProgressBar share = new ProgressBar(p.share());
            share.setPrefWidth(160);
            Label v = new Label(String.format(
                    Locale.ROOT,
                    "%s%,d tokens · %s / request · %s / month (%.0f %%)",
                    p.exact() ? "" : "≈",
                    p.tokens(),
                    SuggestionLine.money(p.perRequest()),
                    SuggestionLine.money(p.perMonth()),
                    p.share() * 100));
            v.setId("tune-part-" + i);
            parts.addRow(i, new Label(p.part().label()), share, v);
            if (p.part().kind() == PartKind.FEW_SHOT) {
                var save = b.dropSaving(i);
                v.setTooltip(new Tooltip("Dropping it saves " + SuggestionLine.money(save.perMonth()) + " a month ("
                        + Words.count(save.tokens(), "token") + " per request)"));
            }
        }
    }
}
