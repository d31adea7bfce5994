// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.Price;
import dev.costbench.model.catalog.PriceStatus;
import dev.costbench.model.cost.CostLine;
import dev.costbench.model.cost.CostRow;
import dev.costbench.model.cost.Money;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The breakdown of one model's cost: every line's tokens, unit price, amount, rule, source and as-of date. */
public final class BreakdownPane extends ScrollPane {

    private static final double ITEM_WIDTH = 240;
    private static final double ITEM_MIN_WIDTH = 110;

    private final VBox box = new VBox(6);
    private final ObservableValue<Catalog> catalogs;
    private final BreakdownHistoryViewModel history = new BreakdownHistoryViewModel(Clock.systemUTC());
    private final BreakdownHistoryChart chart = new BreakdownHistoryChart();

    /** @param catalogs the catalog in force (for the sources' descriptions) */
    public BreakdownPane(ObservableValue<Catalog> catalogs) {
        this(catalogs, new SimpleObjectProperty<>());
    }

    /**
     * @param catalogs the catalog in force (for the sources' descriptions)
     * @param tiers    the selected model's request at every service tier, shown under the lines
     */
    public BreakdownPane(ObservableValue<Catalog> catalogs, ObservableValue<TierComparison> tiers) {
        this.catalogs = catalogs;
        setId("breakdown");
        setFitToWidth(true);
        box.setPadding(new Insets(10));
        setContent(new VBox(box, new TiersBox(tiers)));
        history.historyProperty().addListener((o, a, h) -> chart.show(h));
        show(null);
    }

    public void show(CostRow r) {
        box.getChildren().clear();
        history.catalogProperty().set(catalogs.getValue());
        history.modelProperty().set(r == null ? null : r.model());
        if (r == null) {
            Label hint = new Label("Select a model in the table to see how its cost is computed.");
            hint.getStyleClass().add("text-muted");
            box.getChildren().add(hint);
            return;
        }
        ModelEntry m = r.model();
        Label title = new Label(m.name() + " — "
                + (r.breakdown().unpriced() ? "unpriced" : Money.format(r.perRequest()) + " per request"));
        title.setId("breakdown-title");
        title.getStyleClass().add("title-4");
        Label sub = new Label(BreakdownText.subtitle(m));
        sub.setId("breakdown-subtitle");
        sub.getStyleClass().add("text-muted");
        Label count = new Label(String.format(
                Locale.ROOT,
                "Input: %s%,d tokens — %s",
                r.input().exact() ? "" : "≈ ",
                r.input().tokens(),
                r.input().method()));
        count.setWrapText(true);
        box.getChildren().addAll(title, sub, count);

        GridPane g = new GridPane();
        g.setHgap(14);
        g.setVgap(4);
        g.getStyleClass().add("breakdown-grid");
        String[] head = {"Item", "Tokens", "Price / 1M", "Amount", "Rule", "Source", "As of"};
        for (int i = 0; i < head.length; i++) {
            Label h = new Label(head[i]);
            h.getStyleClass().add("breakdown-head");
            g.add(h, i, 0);
        }
        int row = 1;
        Set<String> sources = new LinkedHashSet<>();
        for (CostLine l : r.breakdown().lines()) {
            Price p = l.price();
            Label item = new Label(l.item());
            item.setWrapText(true); // a long rate-card name wraps rather than squeezing the amounts
            g.add(item, 0, row);
            g.add(right(l.tokens() == 0 ? "" : String.format(Locale.ROOT, "%,d", l.tokens())), 1, row);
            String price = p == null
                    ? "—"
                    : l.item().startsWith("Data residency")
                            ? "×" + p.perMTok().stripTrailingZeros().toPlainString()
                            : Money.perMTok(p.perMTok());
            Label priceLabel = right(price + marker(p));
            if (p != null && p.status() != PriceStatus.LISTED) {
                priceLabel.getStyleClass().add(p.status() == PriceStatus.DERIVED ? "derived" : "warning-text");
                priceLabel.setTooltip(new Tooltip(statusText(p)));
            }
            if (p != null && p.overridden()) {
                priceLabel.setText(priceLabel.getText() + " ✎");
                priceLabel.setTooltip(new Tooltip("Overridden by "
                        + BreakdownText.originName(p.origin())
                        + (p.note().isEmpty() ? "" : ": " + p.note())));
            }
            g.add(priceLabel, 2, row);
            Label amount = right(BreakdownText.exactUsd(l.usd()));
            if (l.usd() == null) {
                amount.getStyleClass().add("warning-text");
            }
            g.add(amount, 3, row);
            Label rule = new Label(l.rule().isEmpty() ? "listed price" : l.rule());
            rule.setWrapText(true);
            g.add(rule, 4, row);
            Label source = new Label(BreakdownText.sourceName(catalogs.getValue(), p));
            if (p != null && !p.source().isEmpty()) {
                source.setTooltip(new Tooltip(BreakdownText.sourceTooltip(catalogs.getValue(), p)));
            }
            g.add(source, 5, row);
            g.add(new Label(p == null ? "" : p.asOf()), 6, row);
            if (p != null && !p.source().isEmpty()) {
                sources.add(p.source());
            }
            row++;
        }
        Label total = new Label("Total");
        total.getStyleClass().add("breakdown-head");
        g.add(total, 0, row);
        Label totalUsd = right(BreakdownText.exactUsd(r.perRequest()) + (r.complete() ? "" : " + unpriced lines"));
        totalUsd.getStyleClass().add("breakdown-head");
        totalUsd.setId("breakdown-total");
        g.add(totalUsd, 3, row);
        ColumnConstraints grow = new ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        grow.setMinWidth(120);
        ColumnConstraints itemColumn = new ColumnConstraints();
        itemColumn.setMinWidth(ITEM_MIN_WIDTH);
        itemColumn.setMaxWidth(ITEM_WIDTH);
        g.getColumnConstraints().addAll(itemColumn, fixed(), fixed(), fixed(), grow, fixed(), fixed());
        box.getChildren().add(g);

        Label formula = new Label("cost = Σ tokens × price per 1M ÷ 1,000,000"
                + (r.breakdown().options().batch() ? " (batch)" : "")
                + "  ·  " + r.breakdown().options().serviceTier().label() + " tier, prices as of "
                + r.breakdown().options().at()
                + "  ·  per 1K requests " + BreakdownText.exactUsd(r.per1000())
                + "  ·  per month " + BreakdownText.exactUsd(r.perMonth()));
        formula.getStyleClass().add("text-muted");
        formula.setWrapText(true);
        box.getChildren().addAll(formula, chart);
        for (String note : r.breakdown().notes()) {
            Label n = new Label("• " + note);
            n.setWrapText(true);
            box.getChildren().add(n);
        }
        if (!m.notes().isEmpty()) {
            Label n = new Label("Catalog note: " + m.notes());
            n.setWrapText(true);
            n.getStyleClass().add("text-muted");
            box.getChildren().add(n);
        }
        Catalog catalog = catalogs.getValue();
        if (!sources.isEmpty() && catalog != null) {
            String text = sources.stream()
                    .map(s -> BreakdownText.sourceLine(catalog, s))
                    .collect(Collectors.joining("\n"));
            Label src = new Label("Sources:\n" + text);
            src.setWrapText(true);
            src.getStyleClass().add("text-muted");
            box.getChildren().add(src);
        }
    }

    private static String marker(Price p) {
        if (p == null || p.status() == PriceStatus.LISTED) {
            return "";
        }
        return " " + p.status().marker();
    }

    private static String statusText(Price p) {
        switch (p.status()) {
            case UNCONFIRMED:
                return "UNCONFIRMED: no source confirms this price." + (p.note().isEmpty() ? "" : "\n" + p.note());
            case CONFLICT:
                return "CONFLICT: sources disagree. Used " + Money.perMTok(p.perMTok()) + "; others say "
                        + p.alternatives().stream().map(Money::perMTok).collect(Collectors.joining(", "))
                        + (p.note().isEmpty() ? "" : "\n" + p.note());
            default:
                return "Derived: " + p.note();
        }
    }

    /** A column as wide as its widest cell: tokens, prices and amounts are never cut. */
    private static ColumnConstraints fixed() {
        ColumnConstraints c = new ColumnConstraints();
        c.setMinWidth(Region.USE_PREF_SIZE);
        return c;
    }

    private static Label right(String s) {
        Label l = new Label(s);
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setAlignment(Pos.CENTER_RIGHT);
        HBox.setHgrow(l, Priority.ALWAYS);
        return l;
    }
}
