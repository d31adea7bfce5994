// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.catalog.PriceStatus;
import dev.costbench.model.catalog.Tier;
import dev.costbench.model.cost.CostRow;
import dev.costbench.model.cost.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.Callback;
import org.controlsfx.control.CheckComboBox;

/**
 * The cost of the prompt on every catalog model: sortable, filterable by provider, tier and text, grouped by tier,
 * the cheapest complete row highlighted. Built in code (a dynamic screen).
 */
public final class CostTableView extends BorderPane {

    /** A tree row: a tier group header or one model's cost. */
    public record Item(Tier group, CostRow row, int count) {
    }

    private final TreeTableView<Item> table = new TreeTableView<>();
    private final CheckComboBox<String> providers = new CheckComboBox<>();
    private final CheckComboBox<Tier> tiers = new CheckComboBox<>();
    private final TextField search = new TextField();
    private final CheckBox group = new CheckBox("Group by tier");
    private final Label summary = new Label();
    private final ObservableList<CostRow> rows;
    private CostRow cheapest;
    private boolean rebuilding;
    private TreeTableColumn<Item, BigDecimal> defaultSort;

    public CostTableView(ObservableList<CostRow> rows) {
        this.rows = rows;
        getStyleClass().add("cost-table");
        search.setPromptText("Filter models (Ctrl+F)");
        search.setId("model-filter");
        providers.setTitle("Providers");
        providers.setId("provider-filter");
        tiers.setTitle("Tiers");
        tiers.getItems().setAll(Tier.values());
        tiers.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Tier t) {
                return t == null ? "" : t.label();
            }

            @Override
            public Tier fromString(String s) {
                return null;
            }
        });
        group.setSelected(true);
        HBox filters = new HBox(8, search, providers, tiers, group);
        filters.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(search, Priority.SOMETIMES);
        summary.setId("table-summary");
        summary.getStyleClass().add("text-muted");
        javafx.scene.layout.VBox top = new javafx.scene.layout.VBox(4, filters, summary);
        top.setPadding(new Insets(0, 0, 6, 0));
        setTop(top);
        setCenter(table);
        buildColumns();
        table.setShowRoot(false);
        table.setId("cost-table");
        table.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No model matches the filters."));
        table.setRowFactory(t -> new TreeTableRow<>() {
            @Override
            protected void updateItem(Item item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("tier-group", "cheapest", "unpriced-row");
                if (empty || item == null) {
                    return;
                }
                if (item.group() != null) {
                    getStyleClass().add("tier-group");
                } else if (item.row() == cheapest) {
                    getStyleClass().add("cheapest");
                } else if (!item.row().complete()) {
                    getStyleClass().add("unpriced-row");
                }
            }
        });
        table.setSortPolicy(t -> {
            sortChildren(table.getRoot());
            return true;
        });
        rows.addListener((ListChangeListener<CostRow>) c -> rebuild());
        providers.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) c -> rebuild());
        tiers.getCheckModel().getCheckedItems().addListener((ListChangeListener<Tier>) c -> rebuild());
        search.textProperty().addListener(o -> rebuild());
        group.selectedProperty().addListener(o -> rebuild());
        rebuild();
        table.getSortOrder().setAll(List.of(defaultSort)); // cheapest first until the user sorts otherwise
        table.sort();
    }

    public TreeTableView<Item> table() {
        return table;
    }

    public TextField searchField() {
        return search;
    }

    private void sortChildren(TreeItem<Item> parent) {
        if (parent == null) {
            return;
        }
        Comparator<TreeItem<Item>> cmp = table.getComparator();
        for (TreeItem<Item> child : parent.getChildren()) {
            if (!child.getChildren().isEmpty() && cmp != null) {
                child.getChildren().sort(cmp);
            }
        }
        if (cmp != null && !group.isSelected()) {
            parent.getChildren().sort(cmp);
        }
    }

    private void buildColumns() {
        TreeTableColumn<Item, String> model = new TreeTableColumn<>("Model");
        model.setPrefWidth(200);
        model.setCellValueFactory(p -> new ReadOnlyObjectWrapper<>(modelLabel(p.getValue().getValue())));
        model.setCellFactory(rowCells((cell, r) -> {
            cell.setText(cell.getItem());
            var m = r.model();
            StringBuilder tip = new StringBuilder(m.id() + " — " + m.provider() + ", " + m.tier().label());
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
        TreeTableColumn<Item, String> provider = textColumn("Provider", 88, r -> r.model().provider());
        TreeTableColumn<Item, String> tier = textColumn("Tier", 78, r -> r.model().tier().label());
        TreeTableColumn<Item, Long> input = new TreeTableColumn<>("Input tokens");
        input.setPrefWidth(95);
        input.setCellValueFactory(p -> new ReadOnlyObjectWrapper<>(p.getValue().getValue().row() == null ? null
                : p.getValue().getValue().row().input().tokens()));
        input.setCellFactory(rowCells((cell, r) -> {
            var count = r.input();
            cell.setText((count.exact() ? "" : "≈ ") + String.format(Locale.ROOT, "%,d", count.tokens()));
            String cached = r.cachedTokens() > 0
                    ? String.format(Locale.ROOT, "%n%,d of them read from the prompt cache", r.cachedTokens()) : "";
            cell.setTooltip(new Tooltip((count.exact() ? "Exact count. " : "Estimate. ") + count.method() + cached));
            if (!count.exact()) {
                cell.getStyleClass().add("estimate");
            }
        }));
        input.setStyle("-fx-alignment: CENTER-RIGHT;");
        TreeTableColumn<Item, Long> output = new TreeTableColumn<>("Output");
        output.setPrefWidth(62);
        output.setStyle("-fx-alignment: CENTER-RIGHT;");
        output.setCellValueFactory(p -> new ReadOnlyObjectWrapper<>(p.getValue().getValue().row() == null ? null
                : p.getValue().getValue().row().outputTokens() + p.getValue().getValue().row().breakdown().usage()
                .reasoning()));
        TreeTableColumn<Item, BigDecimal> perReq = moneyColumn("$ / request", CostRow::perRequest);
        perReq.setId("col-per-request");
        TreeTableColumn<Item, BigDecimal> per1k = moneyColumn("$ / 1K requests", CostRow::per1000);
        TreeTableColumn<Item, BigDecimal> perMonth = moneyColumn("$ / month", CostRow::perMonth);
        TreeTableColumn<Item, String> flags = textColumn("Price notes", 110, CostTableView::flags);
        table.getColumns().setAll(List.of(model, provider, tier, input, output, perReq, per1k, perMonth, flags));
        defaultSort = perReq;
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
            return it.group().label() + "  (" + it.count() + ")";
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
        for (PriceStatus s : r.breakdown().flags()) {
            f.add(s.marker());
        }
        String dep = r.model().deprecation();
        if (dep != null) {
            f.add((dep.compareTo(java.time.LocalDate.now().toString()) <= 0 ? "retired " : "retires ") + dep);
        }
        return String.join(", ", f);
    }

    private TreeTableColumn<Item, String> textColumn(String title, double width, Function<CostRow, String> f) {
        TreeTableColumn<Item, String> c = new TreeTableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(p -> new ReadOnlyObjectWrapper<>(p.getValue().getValue().row() == null ? null
                : f.apply(p.getValue().getValue().row())));
        return c;
    }

    private TreeTableColumn<Item, BigDecimal> moneyColumn(String title, Function<CostRow, BigDecimal> f) {
        TreeTableColumn<Item, BigDecimal> c = new TreeTableColumn<>(title);
        c.setPrefWidth(98);
        c.setCellValueFactory(p -> {
            CostRow r = p.getValue().getValue().row();
            return new ReadOnlyObjectWrapper<>(r == null || r.breakdown().unpriced() ? null : f.apply(r));
        });
        c.setComparator(Comparator.nullsLast(Comparator.naturalOrder()));
        c.setCellFactory(rowCells((cell, r) -> {
            BigDecimal v = cell.getItem();
            cell.setText(v == null ? "unpriced" : Money.format(v) + (r.complete() ? "" : " +?"));
            cell.setTooltip(new Tooltip(v == null ? "No price listed for this model: not $0, unknown."
                    : "Exact: $" + Money.exact(v) + "\n" + explain(r) + "\nSelect the row for the full breakdown."));
        }));
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        return c;
    }

    private static String explain(CostRow r) {
        return r.breakdown().lines().stream()
                .map(l -> String.format(Locale.ROOT, "%s: %,d × %s/1M = %s", l.item(), l.tokens(),
                        l.price() == null ? "?" : Money.perMTok(l.price().perMTok()), Money.format(l.usd())))
                .collect(Collectors.joining("\n"));
    }

    private void rebuild() {
        if (rebuilding) {
            return;
        }
        rebuilding = true;
        try {
            rebuildNow();
        } finally {
            rebuilding = false;
        }
    }

    private void rebuildNow() {
        TreeSet<String> known = rows.stream().map(r -> r.model().provider()).collect(Collectors.toCollection(TreeSet::new));
        if (!known.equals(new TreeSet<>(providers.getItems()))) {
            List<String> checked = dev.costbench.ui.common.Checked.items(providers);
            providers.getItems().setAll(known);
            checked.stream().filter(known::contains).forEach(p -> providers.getCheckModel().check(p));
        }
        List<String> provSel = dev.costbench.ui.common.Checked.items(providers);
        List<Tier> tierSel = dev.costbench.ui.common.Checked.items(tiers);
        String q = search.getText() == null ? "" : search.getText().trim().toLowerCase(Locale.ROOT);
        List<CostRow> shown = rows.stream()
                .filter(r -> provSel.isEmpty() || provSel.contains(r.model().provider()))
                .filter(r -> tierSel.isEmpty() || tierSel.contains(r.model().tier()))
                .filter(r -> q.isEmpty() || r.model().id().toLowerCase(Locale.ROOT).contains(q)
                        || r.model().name().toLowerCase(Locale.ROOT).contains(q))
                .collect(Collectors.toList());
        cheapest = shown.stream().filter(r -> r.complete() && r.perRequest().signum() > 0)
                .min(Comparator.comparing(CostRow::perRequest)).orElse(null);
        String selectedId = selectedRow() == null ? null : selectedRow().model().id();
        TreeItem<Item> root = new TreeItem<>(new Item(null, null, 0));
        if (group.isSelected()) {
            Map<Tier, TreeItem<Item>> groups = new EnumMap<>(Tier.class);
            Map<Tier, List<CostRow>> byTier = shown.stream().collect(Collectors.groupingBy(r -> r.model().tier(),
                    () -> new EnumMap<>(Tier.class), Collectors.toList()));
            byTier.forEach((t, list) -> {
                TreeItem<Item> g = new TreeItem<>(new Item(t, null, list.size()));
                g.setExpanded(true);
                list.forEach(r -> g.getChildren().add(new TreeItem<>(new Item(null, r, 0))));
                groups.put(t, g);
            });
            root.getChildren().setAll(groups.values());
        } else {
            shown.forEach(r -> root.getChildren().add(new TreeItem<>(new Item(null, r, 0))));
        }
        List<TreeTableColumn<Item, ?>> order = new ArrayList<>(table.getSortOrder());
        table.setRoot(root);
        if (table.getSortOrder().isEmpty() && !order.isEmpty()) {
            table.getSortOrder().setAll(order);
        }
        table.sort();
        summary.setText(shown.size() + " of " + rows.size() + " models"
                + (cheapest == null ? "" : " · cheapest: " + cheapest.model().name() + " " + Money.format(cheapest.perRequest())));
        if (selectedId != null) {
            select(selectedId);
        }
        if (selectedRow() == null && cheapest != null) {
            select(cheapest.model().id()); // keep the breakdown useful when a filter hides the selection
        }
    }

    /** Selects the row of model {@code id}, if shown. */
    public void select(String id) {
        for (TreeItem<Item> g : table.getRoot().getChildren()) {
            List<TreeItem<Item>> items = g.getChildren().isEmpty() ? List.of(g) : g.getChildren();
            for (TreeItem<Item> it : items) {
                if (it.getValue().row() != null && it.getValue().row().model().id().equals(id)) {
                    table.getSelectionModel().select(it);
                    return;
                }
            }
        }
    }

    /** The cheapest fully priced model among the rows shown, or null. */
    public CostRow cheapest() {
        return cheapest;
    }

    public CostRow selectedRow() {
        TreeItem<Item> it = table.getSelectionModel().getSelectedItem();
        return it == null || it.getValue() == null ? null : it.getValue().row();
    }
}
