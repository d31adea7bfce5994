// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.ui.common.DisabledReason;
import dev.costbench.ui.common.View;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The Tune tab: where the selected model's money goes, part by part; cuts to every part of the request (system
 * prompt, few-shot turns, user message, output cap, structured output, few-shot selection, history) each with its
 * token and dollar saving, accepted one by one with Undo (Ctrl+Z) and Undo all; an optional rewrite by a cheap
 * model; the before/after diff; the cache planner for the breakpoints marked in the editors; and "Check quality",
 * which hands the original and the tuned prompt to the A/B lab. State and actions: {@link TuneViewModel}.
 */
public final class TunePane extends BorderPane implements View<TuneViewModel> {

    private final TuneViewModel vm;
    private final CutsPane cuts;
    private final CachePane cache;
    private final DiffViewModel diff;
    private final TabPane inner = new TabPane();

    public TunePane(TuneViewModel vm, CacheViewModel cacheVm, DiffViewModel diffVm, ToolsViewModel toolsVm) {
        this.vm = vm;
        this.diff = diffVm;
        this.cuts = new CutsPane(vm, toolsVm);
        this.cache = new CachePane(cacheVm);
        setId("tune-pane");
        Button undo = new Button("Undo");
        undo.setId("tune-undo");
        undo.setTooltip(new Tooltip("Undo the last accepted cut (Ctrl+Z in this tab)"));
        undo.setOnAction(e -> undo());
        Button undoAll = new Button("Undo all");
        undoAll.setId("tune-undo-all");
        undoAll.setTooltip(new Tooltip("Undo every accepted cut: the prompt is restored exactly (Ctrl+Shift+Z)"));
        undoAll.setOnAction(e -> undoAll());
        DisabledReason.bind(undo, vm.undoBlockedReason());
        DisabledReason.bind(undoAll, vm.undoBlockedReason());
        undoAll.textProperty()
                .bind(vm.appliedProperty().asString().map(n -> n.equals("0") ? "Undo all" : "Undo all (" + n + ")"));
        Button refresh = new Button("Analyse");
        refresh.setTooltip(new Tooltip(
                "Recompute the breakdown, the suggestions, the diff and the cache plan for " + "the selected model"));
        refresh.setOnAction(e -> refresh());
        Button quality = new Button("Check quality ▶");
        quality.setId("tune-check-quality");
        quality.setTooltip(new Tooltip("Open the A/B lab with the original prompt as the baseline and the tuned one "
                + "as the optimized variant, to verify the cuts on test inputs (Ctrl+Shift+L)"));
        quality.setOnAction(e -> vm.checkQuality());
        Region sp = new Region();
        HBox.setHgrow(sp, Priority.ALWAYS);
        Label header = new Label();
        header.setId("tune-header");
        header.setMinWidth(0);
        header.textProperty().bind(vm.headerProperty());
        Tooltip headerTip = new Tooltip();
        headerTip.textProperty().bind(header.textProperty());
        header.setTooltip(headerTip);
        for (Button b : List.of(undo, undoAll, refresh, quality)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(8, header, sp, undo, undoAll, refresh, quality);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 4, 10));

        Tab cutsTab = new Tab("Cuts", cuts);
        Tab before = new Tab("Before / after", new DiffPane(diffVm));
        Tab cacheTab = new Tab("Cache", cache);
        cacheTab.setTooltip(new Tooltip("Cache breakpoints marked in the editors, planned per provider"));
        for (Tab t : List.of(cutsTab, before, cacheTab)) {
            t.setClosable(false);
        }
        before.selectedProperty().addListener((o, a, on) -> {
            if (on) {
                refreshDiff();
            }
        });
        cacheTab.selectedProperty().addListener((o, a, on) -> {
            if (on) {
                cache.refresh();
            }
        });
        inner.getTabs().setAll(cutsTab, before, cacheTab);
        inner.setId("tune-tabs");
        setTop(bar);
        setCenter(inner);
        KeyCombination z = KeyCombination.keyCombination("Shortcut+Z");
        KeyCombination shiftZ = KeyCombination.keyCombination("Shortcut+Shift+Z");
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (shiftZ.match(e)) {
                undoAll();
                e.consume();
            } else if (z.match(e)) {
                undo();
                e.consume();
            }
        });
        // after an apply the Apply button goes with the refresh: keep the focus (and Ctrl+Z) in this tab
        vm.appliedProperty().addListener((o, a, b) -> requestFocus());
        vm.breakdownProperty().addListener((o, a, b) -> refreshShownInner());
    }

    /** True when {@code node} and every ancestor is visible (an unselected tab's content is hidden). */
    static boolean shown(Node node) {
        if (node.getScene() == null) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Parent root() {
        return this;
    }

    @Override
    public TuneViewModel viewModel() {
        return vm;
    }

    /** Recomputes the breakdown, the suggestions and, when shown, the diff and the cache plan. */
    public void refresh() {
        vm.analyse();
        refreshShownInner();
    }

    private void refreshShownInner() {
        if (inner.getSelectionModel().getSelectedIndex() == 1) {
            refreshDiff();
        }
        if (inner.getSelectionModel().getSelectedIndex() == 2) {
            cache.refresh();
        }
    }

    private void undo() {
        requestFocus();
        vm.undo();
    }

    private void undoAll() {
        vm.undoAll();
    }

    private void refreshDiff() {
        diff.refresh();
    }
}
