// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.Money;
import dev.costbench.model.tokens.Encoding;
import dev.costbench.model.tuning.ComponentBreakdown;
import dev.costbench.model.tuning.PartCost;
import dev.costbench.model.tuning.PartKind;
import dev.costbench.model.tuning.RequestPart;
import dev.costbench.model.tuning.Suggestion;
import dev.costbench.model.tuning.TuneOptions;
import dev.costbench.model.tuning.TuningSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Where the selected model's money goes, part by part, and concrete cuts to the system prompt, each with its token
 * and dollar saving, applied one by one with undo.
 */
public final class TunePane extends ScrollPane {

    private final PromptViewModel vm;
    private final Supplier<ModelEntry> model;
    private final GridPane parts = new GridPane();
    private final VBox suggestions = new VBox(6);
    private final Label header = new Label();
    private final Button undo = new Button("Undo");
    private final List<String> history = new ArrayList<>();
    private int applied;

    public TunePane(PromptViewModel vm, Supplier<ModelEntry> model) {
        this.vm = vm;
        this.model = model;
        setId("tune-pane");
        setFitToWidth(true);
        parts.setHgap(10);
        parts.setVgap(3);
        parts.setId("tune-parts");
        suggestions.setId("tune-suggestions");
        undo.setId("tune-undo");
        undo.setOnAction(e -> undo());
        undo.setDisable(true);
        Button refresh = new Button("Analyse");
        refresh.setTooltip(new Tooltip("Recompute the breakdown and the suggestions for the selected model"));
        refresh.setOnAction(e -> refresh());
        Region sp = new Region();
        HBox.setHgrow(sp, Priority.ALWAYS);
        HBox bar = new HBox(8, header, sp, undo, refresh);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label s1 = new Label("Where the money goes (per request and per month at the volume set on the left)");
        s1.getStyleClass().add("section-title");
        Label s2 = new Label("Cuts to the system prompt — each shows what it saves; apply one by one");
        s2.getStyleClass().add("section-title");
        VBox box = new VBox(8, bar, s1, parts, s2, suggestions);
        box.setPadding(new Insets(8, 10, 8, 10));
        setContent(box);
    }

    /** Recomputes the breakdown and the suggestions for the selected model and the current prompt. */
    public void refresh() {
        ModelEntry m = model.get();
        parts.getChildren().clear();
        suggestions.getChildren().clear();
        if (m == null) {
            header.setText("Select a model in the table to see where its money goes.");
            return;
        }
        long monthly = vm.monthlyRequestsProperty().get();
        List<RequestPart> req = new ArrayList<>();
        req.add(RequestPart.text(PartKind.SYSTEM, "System prompt", nz(vm.systemTextProperty().get())));
        int n = 1;
        for (Turn t : vm.turns()) {
            req.add(RequestPart.text(PartKind.FEW_SHOT, "Example turn " + n++ + " (" + t.roleProperty().get()
                    .name().toLowerCase(Locale.ROOT) + ")", nz(t.textProperty().get())));
        }
        req.add(RequestPart.text(PartKind.CONTEXT, "User message", nz(vm.userTextProperty().get())));
        if (vm.reasoningTokensProperty().get() > 0) {
            req.add(RequestPart.tokens(PartKind.REASONING, "Reasoning", vm.reasoningTokensProperty().get()));
        }
        req.add(RequestPart.tokens(PartKind.OUTPUT, "Output", vm.outputTokensProperty().get()));
        BillingOptions billing = new BillingOptions(vm.batchProperty().get(), vm.residencyProperty().get());
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
        TuningSession session = new TuningSession(nz(vm.systemTextProperty().get()), TuneOptions.of(m, monthly));
        List<Suggestion> list = session.suggestions();
        if (list.isEmpty()) {
            suggestions.getChildren().add(new Label("No cuts found in the system prompt."));
        }
        for (Suggestion s : list) {
            Label t = new Label(s.title());
            t.setWrapText(true);
            t.setTooltip(new Tooltip(s.detail()));
            Label save = new Label(String.format(Locale.ROOT, "−%d tokens (o200k) · saves %s / month",
                    s.tokensSaved(Encoding.O200K_BASE), money(s.usdPerMonth())));
            save.getStyleClass().add("muted");
            Button apply = new Button("Apply");
            apply.getStyleClass().add("tune-apply");
            apply.setOnAction(e -> apply(s));
            Region sp = new Region();
            HBox.setHgrow(sp, Priority.ALWAYS);
            HBox line = new HBox(8, t, sp, save, apply);
            line.setAlignment(Pos.CENTER_LEFT);
            suggestions.getChildren().add(line);
        }
        undo.setDisable(history.isEmpty());
    }

    /** Applies {@code s} to the system prompt (undoable). */
    public void apply(Suggestion s) {
        String before = nz(vm.systemTextProperty().get());
        String after = s.apply(before);
        history.add(before);
        applied++;
        vm.systemTextProperty().set(after);
        refresh();
    }

    public void undo() {
        if (!history.isEmpty()) {
            vm.systemTextProperty().set(history.remove(history.size() - 1));
            applied--;
            refresh();
        }
    }

    public int suggestionCount() {
        return (int) suggestions.getChildren().stream().filter(n -> n instanceof HBox).count();
    }

    /** Applies the first suggestion shown (tests). */
    public void applyFirst() {
        ModelEntry m = model.get();
        List<Suggestion> list = new TuningSession(nz(vm.systemTextProperty().get()),
                TuneOptions.of(m, vm.monthlyRequestsProperty().get())).suggestions();
        if (!list.isEmpty()) {
            apply(list.get(0));
        }
    }

    private static String money(java.math.BigDecimal d) {
        return d == null ? "unpriced" : Money.format(d);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
