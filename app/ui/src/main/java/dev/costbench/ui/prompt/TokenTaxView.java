// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import atlantafx.base.theme.Styles;
import dev.costbench.model.cost.Money;
import dev.costbench.model.tokens.OpenTokenizers;
import dev.costbench.model.tuning.TokenTax;
import dev.costbench.ui.common.DisabledReason;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;

/**
 * The token tax: a table (tokens, chars per token and % over the cheapest exact tokenizer, for the whole prompt and
 * per content kind, with the input cost of the text per model family) and a stacked bar chart of tokens by kind.
 * "Count exactly" asks the providers' counting endpoints for the estimated families, only when pressed.
 */
public final class TokenTaxView extends BorderPane {

    private final TokenTaxCounts counts;
    private final TableView<Integer> table = new TableView<>();
    private final StackedBarChart<Number, String> chart;
    private final Label note = new Label();
    private final Label error = new Label();
    private final Button countExactly = new Button("Count exactly");
    private final Button cancel = new Button("Cancel");
    private final ProgressIndicator busy = new ProgressIndicator();

    TokenTaxView(TokensViewModel vm) {
        this.counts = vm.exactCounts();
        setId("token-tax");
        setPadding(new Insets(4, 10, 6, 10));
        table.setId("token-tax-table");
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label("Type a prompt on the left to compare the tokenizers."));
        table.setMinHeight(120);
        table.getStyleClass().add(Styles.DENSE);
        table.setFixedCellSize(24);
        NumberAxis x = new NumberAxis();
        x.setTickLabelFont(Font.font(10));
        CategoryAxis y = new CategoryAxis();
        y.setTickLabelFont(Font.font(10));
        chart = new StackedBarChart<>(x, y);
        chart.setId("token-tax-chart");
        chart.setAnimated(false);
        chart.setLegendSide(Side.RIGHT); // the height goes to the bars and their labels
        chart.setMinSize(220, 160);
        chart.setCategoryGap(3);
        Tooltip.install(
                chart,
                new Tooltip("Tokens of the prompt under each tokenizer, by content kind (≈ estimate, "
                        + "* UNCONFIRMED ratio)"));
        note.setWrapText(true);
        note.setMinWidth(0);
        note.getStyleClass().add("text-muted");
        error.setId("token-tax-error");
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.getStyleClass().add("warning-text");
        countExactly.setId("token-tax-count-exactly");
        countExactly.setMinWidth(Region.USE_PREF_SIZE);
        countExactly.setTooltip(new Tooltip("Ask Anthropic's and Google's token-counting endpoints for the exact "
                + "count of the whole request (system, examples, user message, message framing included). Needs "
                + "their API keys; free, but sends the prompt. Never runs by itself."));
        countExactly.setOnAction(e -> counts.countExactly(vm.taxProperty().get()));
        DisabledReason.bind(countExactly, counts.countBlockedReason());
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setOnAction(e -> counts.cancel());
        cancel.visibleProperty().bind(counts.runningProperty());
        busy.setPrefSize(18, 18);
        busy.setMinSize(18, 18);
        busy.visibleProperty().bind(counts.runningProperty());
        error.textProperty().bind(counts.errorProperty());
        counts.counts().addListener((MapChangeListener<String, String>) c -> table.refresh());
        vm.taxProperty().addListener((o, a, t) -> show(t));
        HBox bar = new HBox(8, note, busy, cancel, countExactly);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 0, 4, 0));
        HBox.setHgrow(note, Priority.ALWAYS);
        note.setMaxWidth(Double.MAX_VALUE);
        SplitPane split = new SplitPane(table, chart);
        split.setDividerPositions(0.64);
        setTop(bar);
        setCenter(split);
        setBottom(error);
    }

    /** Shows a new comparison; null clears it. */
    private void show(TokenTax t) {
        table.getColumns().clear();
        table.getItems().clear();
        chart.getData().clear();
        if (t == null) {
            note.setText("");
            return;
        }
        table.getColumns()
                .add(column(
                        "Tokenizer",
                        300,
                        f -> t.families().get(f).label() + (t.families().get(f).unconfirmed() ? " *" : ""),
                        f -> t.families().get(f).method()));
        table.getColumns().add(column("Whole prompt", 135, f -> count(t, t.whole(), f), f -> tip(t, t.whole(), f)));
        table.getColumns()
                .add(column(
                        "Chars/token",
                        120,
                        f -> String.format(
                                Locale.ROOT, "%.2f", t.whole().cells().get(f).charsPerToken()),
                        f -> tip(t, t.whole(), f)));
        table.getColumns()
                .add(column(
                        "Tax",
                        80,
                        f -> taxText(t.whole(), f),
                        f -> "Tokens over the cheapest exact " + "tokenizer ("
                                + t.families().get(t.whole().cheapest()).tokenizer() + ") for the same text"));
        for (TokenTax.Row r : t.rows().subList(1, t.rows().size())) {
            table.getColumns()
                    .add(column(
                            r.label() + " (" + String.format("%,d", r.chars()) + ")",
                            120,
                            f -> count(t, r, f) + "  " + taxText(r, f),
                            f -> tip(t, r, f)));
        }
        table.getColumns().add(column("Input $ (this text)", 270, f -> costRange(t, f), f -> costList(t, f)));
        table.getColumns()
                .add(column(
                        "Provider count",
                        170,
                        f -> counts.counts()
                                .getOrDefault(
                                        t.families().get(f).tokenizer(),
                                        t.families().get(f).exact() ? "exact locally" : "—"),
                        f -> "Filled by “Count exactly”: " + "the provider's own count of the whole request"));
        for (int f = 0; f < t.families().size(); f++) {
            table.getItems().add(f);
        }
        for (TokenTax.Row r : t.rows().subList(1, t.rows().size())) {
            XYChart.Series<Number, String> s = new XYChart.Series<>();
            s.setName(r.label());
            for (int f = t.families().size() - 1; f >= 0; f--) { // the first family on top
                s.getData()
                        .add(new XYChart.Data<>(
                                r.cells().get(f).tokens(),
                                shortName(t.families().get(f))));
            }
            chart.getData().add(s);
        }
        for (XYChart.Series<Number, String> s : chart.getData()) {
            for (XYChart.Data<Number, String> d : s.getData()) {
                if (d.getNode() != null) {
                    Tooltip.install(
                            d.getNode(),
                            new Tooltip(s.getName() + " · " + d.getYValue() + ": "
                                    + String.format("%,d", d.getXValue().longValue()) + " tokens"));
                }
            }
        }
        boolean anyUnconfirmed = t.families().stream().anyMatch(TokenTax.Family::unconfirmed);
        note.setText("≈ estimate" + (anyUnconfirmed ? " · * ratio UNCONFIRMED" : "") + " · tax vs the cheapest exact "
                + "tokenizer · $: input only");
        note.setTooltip(new Tooltip("Estimates come from the catalog's rules (Claude: cl100k_base count, the 2026 "
                + "tokenizer ×1.35, both ratios UNCONFIRMED; Gemini: characters ÷ 4). Each content kind's spans are "
                + "counted on their own, so the kinds can add up to a few tokens more or less than the whole. Costs "
                + "are the text's input tokens at each model's catalog input price: no chat framing, no cache, no "
                + "output."));
    }

    private static String shortName(TokenTax.Family f) {
        switch (f.tokenizer()) {
            case "claude":
                return "Claude ≈";
            case "claude-2026":
                return "Claude 2026 ≈*";
            case "gemini":
                return "Gemini ≈";
            case "open":
                return "Open ≈";
            default:
                // an open model's own tokenizer: its name without the word "tokenizer" ("Qwen3", "Llama 3")
                return OpenTokenizers.info(f.tokenizer())
                        .map(i -> i.displayName().replace(" tokenizer", ""))
                        .orElse(f.tokenizer() + (f.exact() ? "" : " ≈"));
        }
    }

    private static String count(TokenTax t, TokenTax.Row r, int f) {
        TokenTax.Family fam = t.families().get(f);
        return (fam.exact() ? "" : "≈")
                + String.format("%,d", r.cells().get(f).tokens())
                + (fam.unconfirmed() ? "*" : "");
    }

    private static String taxText(TokenTax.Row r, int f) {
        return f == r.cheapest()
                ? "base"
                : String.format(Locale.ROOT, "%+.0f %%", r.cells().get(f).taxPercent());
    }

    private static String tip(TokenTax t, TokenTax.Row r, int f) {
        TokenTax.Cell c = r.cells().get(f);
        return String.format(
                Locale.ROOT,
                "%s: %,d tokens for %,d characters (%.2f chars per token), %+.1f %% against " + "%s%n%s",
                r.label(),
                c.tokens(),
                r.chars(),
                c.charsPerToken(),
                c.taxPercent(),
                shortName(t.families().get(r.cheapest())),
                t.families().get(f).method());
    }

    private static String costRange(TokenTax t, int f) {
        List<TokenTax.ModelCost> priced = t.priced(t.families().get(f));
        if (priced.isEmpty()) {
            return "unpriced";
        }
        TokenTax.ModelCost lo = priced.get(0);
        TokenTax.ModelCost hi = priced.get(priced.size() - 1);
        return priced.size() == 1
                ? Money.format(lo.usd()) + " " + lo.model().name()
                : Money.format(lo.usd()) + " – " + Money.format(hi.usd()) + " (" + priced.size() + " models)";
    }

    private static String costList(TokenTax t, int f) {
        StringBuilder b = new StringBuilder("Input cost of this text at catalog prices, cheapest first:");
        List<TokenTax.ModelCost> priced = t.priced(t.families().get(f));
        for (int i = 0; i < priced.size() && i < 20; i++) {
            TokenTax.ModelCost c = priced.get(i);
            b.append('\n')
                    .append(c.model().name())
                    .append(": ")
                    .append(Money.format(c.usd()))
                    .append(c.unconfirmed() ? " (price UNCONFIRMED/CONFLICT)" : "");
        }
        if (priced.size() > 20) {
            b.append("\n… and ").append(priced.size() - 20).append(" more");
        }
        return b.toString();
    }

    private TableColumn<Integer, String> column(
            String title, double width, Function<Integer, String> value, Function<Integer, String> tooltip) {
        TableColumn<Integer, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                Integer f =
                        empty || getTableRow() == null ? null : getTableRow().getItem();
                setTooltip(f == null || tooltip == null ? null : new Tooltip(tooltip.apply(f)));
            }
        });
        return c;
    }
}
