// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.lab.stats.WordDiff;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.InvalidationListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Before and after: a word-level diff of the prompt before the first accepted cut and the prompt now, the token
 * change under each tokenizer (o200k_base and cl100k_base exact; Claude and Gemini estimated, and labelled so),
 * and the cost change per request and per month on one model of each tier. State: {@link DiffViewModel}.
 */
public final class DiffPane extends ScrollPane {

    private final DiffViewModel vm;
    private final TextFlow flow = new TextFlow();
    private final GridPane tokens = new GridPane();
    private final GridPane tiers = new GridPane();

    public DiffPane(DiffViewModel vm) {
        this.vm = vm;
        setId("diff-pane");
        setFitToWidth(true);
        flow.setId("diff-flow");
        flow.setLineSpacing(2);
        tokens.setId("diff-tokens");
        tokens.setHgap(14);
        tokens.setVgap(3);
        tiers.setId("diff-tiers");
        tiers.setHgap(14);
        tiers.setVgap(3);
        Label summary = new Label();
        summary.setId("diff-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());
        VBox box = new VBox(
                8,
                summary,
                title("Tokens, whole prompt"),
                tokens,
                title("Input cost per model tier (the tier's cheapest current model unless it is the selected one)"),
                tiers,
                title("Word-level diff: removed struck through in red, added underlined in green"),
                flow);
        box.setPadding(new Insets(8, 10, 8, 10));
        setContent(box);
        vm.tokens().addListener((InvalidationListener) o -> showTokens());
        vm.tiers().addListener((InvalidationListener) o -> showTiers());
        vm.segments().addListener((InvalidationListener) o -> showDiff());
        vm.hiddenSegmentsProperty().addListener(o -> showDiff());
        showTokens();
        showTiers();
        showDiff();
    }

    private void showTokens() {
        tokens.getChildren().clear();
        header(tokens, "Tokenizer", "Before", "After", "Change");
        int r = 1;
        for (DiffViewModel.TokenLine t : vm.tokens()) {
            Label name = new Label(t.name());
            if (t.method() != null) {
                name.setTooltip(new Tooltip(t.method()));
            }
            String prefix = t.approx() ? "≈" : "";
            tokens.addRow(r++, name, num(prefix, t.before()), num(prefix, t.after()), delta(t.delta()));
        }
    }

    private void showTiers() {
        tiers.getChildren().clear();
        header(tiers, "Tier", "Model", "Tokens", "$ / request", "$ / month");
        int r = 1;
        for (DiffViewModel.TierLine t : vm.tiers()) {
            Label month = new Label(t.perMonth());
            month.setId("diff-month-" + t.tier().id());
            tiers.addRow(
                    r++,
                    new Label(t.tier().label()),
                    new Label(t.model()),
                    delta(t.deltaTokens()),
                    new Label(t.perRequest()),
                    month);
        }
    }

    private void showDiff() {
        List<Node> texts = new ArrayList<>();
        for (WordDiff.Segment s : vm.segments()) {
            Text t = new Text(s.op() == WordDiff.Op.EQUAL ? s.right() : s.text());
            t.getStyleClass()
                    .add(
                            s.op() == WordDiff.Op.DELETE
                                    ? "diff-del"
                                    : s.op() == WordDiff.Op.INSERT ? "diff-ins" : "diff-eq");
            if (s.op() == WordDiff.Op.EQUAL) {
                t.setStyle("-fx-fill: -color-fg-default;");
            }
            texts.add(t);
        }
        if (vm.hiddenSegmentsProperty().get() > 0) {
            Text more = new Text("\n… (" + vm.hiddenSegmentsProperty().get() + " more segments not drawn)");
            more.getStyleClass().add("text-muted");
            texts.add(more);
        }
        flow.getChildren().setAll(texts);
    }

    private static void header(GridPane g, String... names) {
        for (int c = 0; c < names.length; c++) {
            g.add(title(names[c]), c, 0);
        }
    }

    /** A label styled as a section title. */
    static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    private static Label num(String prefix, long n) {
        return new Label(prefix + String.format(Locale.ROOT, "%,d", n));
    }

    private static Label delta(long d) {
        Label l = new Label(String.format(Locale.ROOT, "%+,d", d).replace('-', '−'));
        if (d < 0) {
            l.setStyle("-fx-text-fill: #1e8449;");
        } else if (d > 0) {
            l.setStyle("-fx-text-fill: #c0392b;");
        }
        return l;
    }
}
