// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.catalog.PriceStatus;
import dev.costbench.model.catalog.ServiceTier;
import dev.costbench.model.cost.CostRow;
import dev.costbench.model.cost.Money;
import dev.costbench.model.lab.calibration.Calibration;
import dev.costbench.ui.common.HeaderTips;
import dev.costbench.ui.prompt.CostTableView.Item;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.util.Callback;

/** The cost table's columns and their cells: tier rows show their group label, model rows their figures. */
final class CostColumns {

    private CostColumns() {}

    /** Model, provider, tier, input, output, $ / request, $ / 1K, $ / month, price notes. */
    static List<TreeTableColumn<Item, ?>> all() {
        TreeTableColumn<Item, String> model = new TreeTableColumn<>("Model");
        model.setPrefWidth(200);
        model.setMinWidth(130); // the model and the notes give way first in a narrow window; figures stay whole
        model.setCellValueFactory(
                p -> new ReadOnlyObjectWrapper<>(modelLabel(p.getValue().getValue())));
        model.setCellFactory(rowCells((cell, r) -> {
            cell.setText(cell.getItem());
            var m = r.model();
            StringBuilder tip = new StringBuilder(
                    m.id() + " — " + m.providerName() + ", " + m.tier().label() + " tier");
            if (m.contextWindow() != null) {
                tip.append(String.format(Locale.ROOT, "%ncontext %,d tokens", m.contextWindow()));
            }
            if (!m.overridden().isEmpty()) {
                tip.append("\nOverridden by your catalog: ").append(String.join(", ", m.overridden()));
            }
            if (!m.notes().isEmpty()) {
                tip.append('\n').append(m.notes());
            }
            cell.setTooltip(new Tooltip(tip.toString()));
        }));
        TreeTableColumn<Item, String> provider =
                textColumn("Provider", 92, r -> r.model().providerName());
        TreeTableColumn<Item, String> tier =
                textColumn("Tier", 78, r -> r.model().tier().label());
        TreeTableColumn<Item, Long> input = new TreeTableColumn<>("Input tokens");
        input.setPrefWidth(95);
        input.setMinWidth(84);
        input.setCellValueFactory(p -> new ReadOnlyObjectWrapper<>(
                p.getValue().getValue().row() == null
                        ? null
                        : p.getValue().getValue().row().input().tokens()));
        input.setCellFactory(rowCells((cell, r) -> {
            var count = r.input();
            cell.setText(Calibration.label(count));
            String cached = r.cachedTokens() > 0
                    ? String.format(Locale.ROOT, "%n%,d of them read from the prompt cache", r.cachedTokens())
                    : "";
            cell.setTooltip(new Tooltip(countTip(count.exact(), count.method()) + cached));
            if (!count.exact()) {
                cell.getStyleClass().add("estimate");
            }
        }));
        input.setStyle("-fx-alignment: CENTER-RIGHT;");
        TreeTableColumn<Item, Long> output = new TreeTableColumn<>("Output tokens");
        output.setPrefWidth(80);
        output.setMinWidth(78); // "Output" whole on its line; "tokens" wraps under it
        output.setStyle("-fx-alignment: CENTER-RIGHT;");
        output.setCellValueFactory(p -> new ReadOnlyObjectWrapper<>(
                p.getValue().getValue().row() == null
                        ? null
                        : p.getValue().getValue().row().outputTokens()
                                + p.getValue()
                                        .getValue()
                                        .row()
                                        .breakdown()
                                        .usage()
                                        .reasoning()));
        TreeTableColumn<Item, BigDecimal> perReq = moneyColumn("$ / request", CostRow::perRequest);
        perReq.setId("col-per-request");
        TreeTableColumn<Item, BigDecimal> per1k = moneyColumn("$ / 1K requests", CostRow::per1000);
        TreeTableColumn<Item, BigDecimal> perMonth = moneyColumn("$ / month", CostRow::perMonth);
        TreeTableColumn<Item, String> flags = textColumn("Price notes", 110, CostColumns::flags);
        flags.setMinWidth(40);
        HeaderTips.explain(model, "The model's name; hover a name for its id, context window and notes.");
        HeaderTips.explain(tier, "Frontier, high, mid, lightweight, or open / self-hosted models.");
        HeaderTips.explain(
                input,
                "Tokens this prompt sends per request, counted with the model's own tokenizer;"
                        + " \u2248 marks an estimate (hover a count for how it was made).");
        HeaderTips.explain(output, "Expected output tokens per request, reasoning tokens included.");
        HeaderTips.explain(perReq, "What one request costs at list price, with the request options you chose.");
        HeaderTips.explain(per1k, "What 1,000 such requests cost.");
        HeaderTips.explain(perMonth, "What a month costs at the requests per month you set.");
        HeaderTips.explain(flags, "Why a price is missing, estimated, retired or otherwise worth a look.");
        return List.of(model, provider, tier, input, output, perReq, per1k, perMonth, flags);
    }

    /** The "$ / request" column: the default sort. */
    @SuppressWarnings("unchecked")
    static TreeTableColumn<Item, BigDecimal> perRequest(List<TreeTableColumn<Item, ?>> columns) {
        return (TreeTableColumn<Item, BigDecimal>) columns.stream()
                .filter(c -> "col-per-request".equals(c.getId()))
                .findFirst()
                .orElseThrow();
    }

    /**
     * Cells that show the group label (or nothing) on tier rows and let {@code render} fill in model rows; the
     * cell is cleared first because cells are reused while scrolling.
     */
    private static <T> Callback<TreeTableColumn<Item, T>, TreeTableCell<Item, T>> rowCells(
            BiConsumer<TreeTableCell<Item, T>, CostRow> render) {
        return col -> new TreeTableCell<>() {
            @Override
            protected void updateItem(T v, boolean empty) {
                super.updateItem(v, empty);
                getStyleClass().remove("estimate");
                setTooltip(null);
                Item it = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (it == null || it.row() == null) {
                    setText(empty || v == null ? null : v.toString());
                    return;
                }
                render.accept(this, it.row());
            }
        };
    }

    private static String modelLabel(Item it) {
        if (it.group() != null) {
            return it.group() + "  (" + it.count() + ")";
        }
        String name = it.row().model().name();
        return it.row().model().overridden().isEmpty() ? name : name + "  ✎";
    }

    static String flags(CostRow r) {
        List<String> f = new ArrayList<>();
        if (r.breakdown().unpriced()) {
            f.add("unpriced");
        } else if (!r.complete()) {
            f.add("partly unpriced");
        }
        ServiceTier tier = r.breakdown().options().serviceTier();
        if (!r.model().offers(tier)) {
            f.add(tier == ServiceTier.BATCH ? "no batch API: interactive price" : "no " + tier.label() + " tier");
        }
        for (PriceStatus s : r.breakdown().flags()) {
            f.add(s.marker());
        }
        String dep = r.model().deprecation();
        if (dep != null) {
            f.add((dep.compareTo(LocalDate.now().toString()) <= 0 ? "retired " : "retires ") + dep);
        }
        return String.join(", ", f);
    }

    private static TreeTableColumn<Item, String> textColumn(String title, double width, Function<CostRow, String> f) {
        TreeTableColumn<Item, String> c = new TreeTableColumn<>(title);
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 90));
        c.setCellValueFactory(p -> new ReadOnlyObjectWrapper<>(
                p.getValue().getValue().row() == null
                        ? null
                        : f.apply(p.getValue().getValue().row())));
        return c;
    }

    private static TreeTableColumn<Item, BigDecimal> moneyColumn(String title, Function<CostRow, BigDecimal> f) {
        TreeTableColumn<Item, BigDecimal> c = new TreeTableColumn<>(title);
        c.setPrefWidth(98);
        c.setMinWidth(92);
        c.setCellValueFactory(p -> {
            CostRow r = p.getValue().getValue().row();
            return new ReadOnlyObjectWrapper<>(r == null || r.breakdown().unpriced() ? null : f.apply(r));
        });
        c.setComparator(Comparator.nullsLast(Comparator.naturalOrder()));
        c.setCellFactory(rowCells((cell, r) -> {
            BigDecimal v = cell.getItem();
            cell.setText(v == null ? "unpriced" : Money.format(v) + (r.complete() ? "" : " +?"));
            cell.setTooltip(new Tooltip(
                    v == null
                            ? unpricedReason(r)
                            : "Exact: $" + Money.exact(v) + "\n" + explain(r)
                                    + "\nSelect the row for the full breakdown."));
        }));
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        return c;
    }

    /** "Exact count: o200k_base", "Estimate: cl100k_base count × 1.35 …" (the method may already say estimate). */
    static String countTip(boolean exact, String method) {
        String m = method == null ? "" : method.strip();
        String lower = m.toLowerCase(Locale.ROOT);
        if (lower.startsWith("estimate:") || lower.startsWith("exact:")) {
            m = m.substring(m.indexOf(':') + 1).strip();
        }
        return (exact ? "Exact count" : "Estimate") + (m.isEmpty() ? "" : ": " + m);
    }

    /** Why a row has no price: the breakdown's notes (tier not offered, price ended), else no price listed. */
    static String unpricedReason(CostRow r) {
        List<String> notes = r.breakdown().notes();
        return notes.isEmpty()
                ? "No price listed for this model: not $0, unknown."
                : "Unpriced (not $0, unknown): " + String.join("\n", notes);
    }

    private static String explain(CostRow r) {
        return r.breakdown().lines().stream()
                .map(l -> String.format(
                        Locale.ROOT,
                        "%s: %,d × %s/1M = %s",
                        l.item(),
                        l.tokens(),
                        l.price() == null ? "?" : Money.perMTok(l.price().perMTok()),
                        Money.format(l.usd())))
                .collect(Collectors.joining("\n"));
    }
}
