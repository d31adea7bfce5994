// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

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
import java.util.stream.Collectors;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.controlsfx.control.CheckComboBox;

/**
 * The cost of the prompt on every catalog model: sortable, filterable by provider, tier and text, grouped by tier,
 * the cheapest complete row highlighted. Built in code (a dynamic screen, STYLE.md R3).
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
        List<TreeTableColumn<Item, ?>> columns = CostColumns.all();
        table.getColumns().setAll(columns);
        defaultSort = CostColumns.perRequest(columns);
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
