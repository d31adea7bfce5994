// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;

/**
 * The cost table's active filters as chips — "Filters (2): [Provider: OpenAI ×] [Search: mini ×] Clear all" — each
 * removable with a click; hidden when every model is shown.
 */
final class FilterChips extends FlowPane {

    private final CostTableViewModel vm;

    FilterChips(CostTableViewModel vm) {
        super(6, 4);
        this.vm = vm;
        setId("filter-chips");
        setAlignment(Pos.CENTER_LEFT);
        vm.chips().addListener((ListChangeListener<FilterChip>) c -> rebuild());
        rebuild();
    }

    private void rebuild() {
        getChildren().clear();
        int n = vm.chips().size();
        setVisible(n > 0);
        setManaged(n > 0);
        if (n == 0) {
            return;
        }
        getChildren().add(new Label("Filters (" + n + "):"));
        for (FilterChip chip : vm.chips()) {
            Button b = new Button(chip.label() + "  ×");
            b.getStyleClass().addAll("filter-chip", "small");
            b.setTooltip(new Tooltip("Remove this filter"));
            b.setOnAction(e -> chip.remove().run());
            getChildren().add(b);
        }
        Hyperlink clear = new Hyperlink("Clear all");
        clear.setId("clear-filters");
        clear.setOnAction(e -> vm.clearFilters());
        getChildren().add(clear);
    }
}
