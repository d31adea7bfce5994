// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.catalog.Tier;
import dev.costbench.model.cost.CostRow;
import dev.costbench.ui.common.Checked;
import dev.costbench.ui.common.HeaderTips;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;

/**
 * The cost of the prompt on every catalog model: sortable, filterable by provider, tier and text, grouped by tier,
 * the cheapest complete row highlighted. Built in code (a dynamic screen).
 */
public final class CostTableView extends BorderPane {

    /** A tree row: a tier group header or one model's cost. */
    /** A row of the table: a group's title row ({@code group} set: "Frontier", "My models") or a model's row. */
    public record Item(String group, CostRow row, int count) {}

    private Supplier<String> wanted = () -> null;
    private final TreeTableView<Item> table = new TreeTableView<>();
    private final CheckComboBox<String> providers = new CheckComboBox<>();
    private final CheckComboBox<Tier> tiers = new CheckComboBox<>();
    private final TextField search = new TextField();
    private final CheckBox group = new CheckBox("Group by tier");
    private final CheckBox onlyMine = new CheckBox("Only my models");
    private final CostTableViewModel vm;
    private boolean syncing;
    private TreeTableColumn<Item, BigDecimal> defaultSort;

    public CostTableView(CostTableViewModel vm) {
        this.vm = vm;
        getStyleClass().add("cost-table");
        search.setPromptText("Filter models (Ctrl+F)");
        search.setId("model-filter");
        providers.setTitle("Providers");
        providers.setId("provider-filter");
        tiers.setTitle("Tiers");
        tiers.getItems().setAll(Tier.values());
        tiers.setConverter(new StringConverter<>() {
            @Override
            public String toString(Tier t) {
                return t == null ? "" : t.label();
            }

            @Override
            public Tier fromString(String s) {
                return null;
            }
        });
        group.selectedProperty().bindBidirectional(vm.groupedProperty());
        search.textProperty().bindBidirectional(vm.searchProperty());
        onlyMine.selectedProperty().bindBidirectional(vm.onlyMineProperty());
        onlyMine.setId("only-my-models");
        onlyMine.setTooltip(new Tooltip("Show only the models you marked as yours (right-click a row, or Ctrl+D)"));
        HBox filters = new HBox(8, search, providers, tiers, group, onlyMine);
        filters.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(search, Priority.SOMETIMES);
        Label summary = new Label();
        summary.textProperty().bind(vm.summaryProperty());
        summary.setId("table-summary");
        summary.getStyleClass().add("text-muted");
        VBox top = new VBox(4, filters, new FilterChips(vm), summary);
        top.setPadding(new Insets(0, 0, 6, 0));
        setTop(top);
        setCenter(table);
        List<TreeTableColumn<Item, ?>> columns = CostColumns.all();
        table.getColumns().setAll(columns);
        defaultSort = CostColumns.perRequest(columns);
        table.setShowRoot(false);
        HeaderTips.install(table);
        table.setId("cost-table");
        table.setAccessibleText("Cost of this prompt on every model");
        table.setAccessibleHelp("Ctrl+D adds the selected model to My models; Ctrl+F filters the models");
        search.setAccessibleText("Filter models by name or id");
        table.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No model matches the filters."));
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (TOGGLE_MINE.match(e) && selectedRow() != null) {
                vm.toggleMine(selectedRow());
                e.consume();
            }
        });
        table.setRowFactory(t -> new TreeTableRow<>() {
            @Override
            protected void updateItem(Item item, boolean empty) {
                super.updateItem(item, empty);
                setContextMenu(empty || item == null || item.row() == null ? null : mineMenu(item.row()));
                getStyleClass().removeAll("tier-group", "cheapest", "unpriced-row", "mine");
                if (empty || item == null) {
                    return;
                }
                if (item.group() != null) {
                    getStyleClass().add("tier-group");
                    return;
                }
                if (vm.isMine(item.row())) {
                    getStyleClass().add("mine");
                }
                if (item.row() == vm.cheapestProperty().get()) {
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
        providers.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) c -> {
            if (!syncing) {
                vm.checkedProviders().setAll(Checked.items(providers));
            }
        });
        tiers.getCheckModel().getCheckedItems().addListener((ListChangeListener<Tier>) c -> {
            if (!syncing) {
                vm.checkedTiers().setAll(Checked.items(tiers));
            }
        });
        // A chip removed (or "Clear all") unchecks the filter's box too.
        vm.checkedProviders()
                .addListener((ListChangeListener<String>) c -> syncChecks(providers, vm.checkedProviders()));
        vm.checkedTiers().addListener((ListChangeListener<Tier>) c -> syncChecks(tiers, vm.checkedTiers()));
        vm.providers().addListener((ListChangeListener<String>) c -> syncProviders());
        vm.shown().addListener((ListChangeListener<CostRow>) c -> rebuild());
        syncProviders();
        rebuild();
        table.getSortOrder().setAll(List.of(defaultSort)); // cheapest first until the user sorts otherwise
        table.sort();
    }

    private static final KeyCombination TOGGLE_MINE = KeyCombination.keyCombination("Shortcut+D");

    /** Right-click on a model's row: add it to "My models" or take it out. */
    private ContextMenu mineMenu(CostRow r) {
        MenuItem toggle = new MenuItem(vm.isMine(r) ? "Remove from My models" : "Add to My models");
        toggle.setAccelerator(TOGGLE_MINE);
        toggle.setOnAction(e -> vm.toggleMine(r));
        return new ContextMenu(toggle);
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
        if (cmp != null && !vm.groupedProperty().get()) {
            parent.getChildren().sort(cmp);
        }
    }

    private <T> void syncChecks(CheckComboBox<T> box, List<T> checked) {
        if (syncing || Checked.items(box).equals(checked)) {
            return;
        }
        syncing = true;
        try {
            box.getCheckModel().clearChecks();
            checked.forEach(v -> box.getCheckModel().check(v));
        } finally {
            syncing = false;
        }
    }

    /** The provider filter's choices follow the rows; the checks the view model kept stay checked. */
    private void syncProviders() {
        syncing = true;
        try {
            providers.getItems().setAll(vm.providers());
            vm.checkedProviders().forEach(p -> providers.getCheckModel().check(p));
        } finally {
            syncing = false;
        }
    }

    /**
     * The model to select when no row is (the one the Prompt view holds: a restored workspace's model arrives before
     * the first rows do, and must not give way to the cheapest row).
     */
    public void wantSelection(Supplier<String> modelId) {
        wanted = modelId;
    }

    private void rebuild() {
        String selectedId =
                selectedRow() == null ? wanted.get() : selectedRow().model().id();
        TreeItem<Item> root = new TreeItem<>(new Item(null, null, 0));
        if (vm.groupedProperty().get()) {
            // "My models" first (when any is shown), then each tier with the other models.
            List<CostRow> mine = vm.shown().stream().filter(vm::isMine).toList();
            if (!mine.isEmpty()) {
                root.getChildren().add(group("My models", mine));
            }
            Map<Tier, List<CostRow>> byTier = vm.shown().stream()
                    .filter(r -> !vm.isMine(r))
                    .collect(Collectors.groupingBy(
                            r -> r.model().tier(), () -> new EnumMap<>(Tier.class), Collectors.toList()));
            byTier.forEach((t, list) -> root.getChildren().add(group(t.label(), list)));
        } else {
            vm.shown().forEach(r -> root.getChildren().add(new TreeItem<>(new Item(null, r, 0))));
        }
        List<TreeTableColumn<Item, ?>> order = new ArrayList<>(table.getSortOrder());
        table.setRoot(root);
        if (table.getSortOrder().isEmpty() && !order.isEmpty()) {
            table.getSortOrder().setAll(order);
        }
        table.sort();
        if (selectedId != null) {
            select(selectedId);
        }
        CostRow cheapest = vm.cheapestProperty().get();
        if (selectedRow() == null && cheapest != null) {
            select(cheapest.model().id()); // keep the breakdown useful when a filter hides the selection
        }
    }

    private static TreeItem<Item> group(String title, List<CostRow> rows) {
        TreeItem<Item> g = new TreeItem<>(new Item(title, null, rows.size()));
        g.setExpanded(true);
        rows.forEach(r -> g.getChildren().add(new TreeItem<>(new Item(null, r, 0))));
        return g;
    }

    /** Selects the row of model {@code id}, if shown. */
    public void select(String id) {
        for (TreeItem<Item> g : table.getRoot().getChildren()) {
            List<TreeItem<Item>> items = g.getChildren().isEmpty() ? List.of(g) : g.getChildren();
            for (TreeItem<Item> it : items) {
                if (it.getValue().row() != null
                        && it.getValue().row().model().id().equals(id)) {
                    table.getSelectionModel().select(it);
                    return;
                }
            }
        }
    }

    public CostRow selectedRow() {
        TreeItem<Item> it = table.getSelectionModel().getSelectedItem();
        return it == null || it.getValue() == null ? null : it.getValue().row();
    }
}
