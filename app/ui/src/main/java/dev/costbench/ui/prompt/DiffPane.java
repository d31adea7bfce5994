// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.PriceKind;
import dev.costbench.model.catalog.Tier;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.Money;
import dev.costbench.model.lab.stats.WordDiff;
import dev.costbench.model.tokens.Encoding;
import dev.costbench.model.tokens.Tokenizers;
import dev.costbench.model.tuning.PromptDiff;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Insets;
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
 * and the cost change per request and per month on one model of each tier.
 */
public final class DiffPane extends ScrollPane {

    /** Most diff segments drawn (a diff of a huge prompt is cut, with a note). */
    static final int MAX_SEGMENTS = 4_000;

    private final TextFlow flow = new TextFlow();
    private final GridPane tokens = new GridPane();
    private final GridPane tiers = new GridPane();
    private final Label summary = new Label();

    public DiffPane() {
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
        summary.setId("diff-summary");
        summary.setWrapText(true);
        VBox box = new VBox(8, summary, title("Tokens, whole prompt"), tokens,
                title("Input cost per model tier (the tier's cheapest current model unless it is the selected one)"),
                tiers, title("Word-level diff: removed struck through in red, added underlined in green"), flow);
        box.setPadding(new Insets(8, 10, 8, 10));
        setContent(box);
    }

    /** Shows the change from {@code before} to {@code after}. */
    public void show(String before, String after, Catalog catalog, ModelEntry selected, long monthly,
                     BillingOptions billing) {
        summary.setText(before.equals(after) ? "No cut applied yet: the prompt is unchanged. Apply suggestions on "
                + "the Cuts tab; this view compares the prompt before the first with the prompt now."
                : String.format(Locale.ROOT, "%,d → %,d characters.", before.length(), after.length()));
        drawDiff(before, after);
        tokens.getChildren().clear();
        header(tokens, "Tokenizer", "Before", "After", "Change");
        int r = 1;
        for (Encoding e : List.of(Encoding.O200K_BASE, Encoding.CL100K_BASE)) {
            long a = Tokenizers.count(e, before);
            long b = Tokenizers.count(e, after);
            tokens.addRow(r++, new Label(e.name().toLowerCase(Locale.ROOT) + " (exact)"), num(a), num(b), delta(b - a));
        }
        if (catalog != null) {
            for (String[] est : new String[][] {{"claude", "Claude (estimate)"}, {"gemini", "Gemini (estimate)"}}) {
                Optional<ModelEntry> m = catalog.models().stream().filter(x -> x.id().startsWith(est[0])).findFirst();
                if (m.isPresent()) {
                    PromptDiff.Row row = PromptDiff.compare(List.of(m.get()), before, after, monthly, billing).get(0);
                    Label name = new Label(est[1]);
                    name.setTooltip(new Tooltip(row.baselineTokens().method()));
                    tokens.addRow(r++, name, num("≈", row.baselineTokens().tokens()),
                            num("≈", row.optimizedTokens().tokens()), delta(row.deltaTokens()));
                }
            }
        }
        tiers.getChildren().clear();
        header(tiers, "Tier", "Model", "Tokens", "$ / request", "$ / month");
        r = 1;
        List<ModelEntry> reps = representatives(catalog, selected);
        List<PromptDiff.Row> rows = PromptDiff.compare(reps, before, after, monthly, billing);
        for (PromptDiff.Row row : rows) {
            ModelEntry m = row.model();
            Label tier = new Label(m.tier().label());
            Label id = new Label(m.id() + (m == selected ? " (selected)" : ""));
            Label usd = new Label(row.priced() ? Money.format(row.baselineUsd()) + " → " + Money.format(row.optimizedUsd())
                    : "unpriced");
            Label month = new Label(row.monthlyDelta() == null ? "—" : signed(row.monthlyDelta()) + " a month");
            month.setId("diff-month-" + m.tier().id());
            tiers.addRow(r++, tier, id, delta(row.deltaTokens()), usd, month);
        }
    }

    private void drawDiff(String before, String after) {
        flow.getChildren().clear();
        List<WordDiff.Segment> segs = WordDiff.diff(before, after);
        int n = 0;
        for (WordDiff.Segment s : segs) {
            if (n++ >= MAX_SEGMENTS) {
                Text more = new Text("\n… (" + (segs.size() - MAX_SEGMENTS) + " more segments not drawn)");
                more.getStyleClass().add("text-muted");
                flow.getChildren().add(more);
                break;
            }
            Text t = new Text(s.op() == WordDiff.Op.EQUAL ? s.right() : s.text());
            t.getStyleClass().add(s.op() == WordDiff.Op.DELETE ? "diff-del" : s.op() == WordDiff.Op.INSERT
                    ? "diff-ins" : "diff-eq");
            if (s.op() == WordDiff.Op.EQUAL) {
                t.setStyle("-fx-fill: -color-fg-default;");
            }
            flow.getChildren().add(t);
        }
    }

    /** One model per tier: the selected model in its own tier, else the tier's cheapest current model by input price. */
    static List<ModelEntry> representatives(Catalog catalog, ModelEntry selected) {
        List<ModelEntry> out = new ArrayList<>();
        if (catalog == null) {
            return out;
        }
        for (Tier t : Tier.values()) {
            if (selected != null && selected.tier() == t) {
                out.add(selected);
                continue;
            }
            catalog.models().stream().filter(m -> m.tier() == t && m.price(PriceKind.INPUT).isPresent()
                            && (m.deprecation() == null || m.deprecation().isBlank()))
                    .min(Comparator.comparing((ModelEntry m) -> m.price(PriceKind.INPUT).get().perMTok())
                            .thenComparing(ModelEntry::id))
                    .ifPresent(out::add);
        }
        return out;
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

    private static Label num(long n) {
        return num("", n);
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

    private static String signed(BigDecimal d) {
        return (d.signum() > 0 ? "+" : d.signum() < 0 ? "−" : "") + Money.format(d.abs());
    }
}
