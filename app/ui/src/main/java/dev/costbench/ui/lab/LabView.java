// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import dev.costbench.model.lab.ExperimentOverview;
import dev.costbench.ui.common.ContentDialog;
import dev.costbench.ui.common.View;
import java.io.File;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The A/B lab: the history of experiments (search, reopen, delete, compare two runs, re-price one at today's prices,
 * import an export; {@link HistoryTools}) and, in the center, the setup of a new experiment, the selected one's
 * results or the comparison of two. The state is the {@link LabViewModel}'s.
 */
public final class LabView extends BorderPane implements View<LabViewModel> {

    static final KeyCombination COMPARE_KEY = KeyCombination.keyCombination("Shortcut+Shift+C");
    static final KeyCombination REPRICE_KEY = KeyCombination.keyCombination("Shortcut+Shift+P");
    static final KeyCombination IMPORT_KEY = KeyCombination.keyCombination("Shortcut+I");

    private final LabViewModel vm;
    private final ListView<ExperimentOverview> history = new ListView<>();
    private final BorderPane center = new BorderPane();
    private final Label empty = new Label();
    private final SetupPane setup;
    private final ResultsPane results;
    private final CompareView compare;
    private boolean syncing;

    public LabView(LabViewModel vm) {
        this.vm = vm;
        HistoryViewModel h = vm.history();
        this.setup = vm.setup() == null
                ? null
                : new SetupPane(vm.setup(), vm.catalog().get());
        this.results = new ResultsPane(vm.results(), vm.catalog());
        if (vm.batchRuns() != null) {
            results.getChildren().add(1, new BatchesPane(vm.batchRuns()));
        }
        this.compare = new CompareView(vm.compare());
        setId("lab-view");
        TextField search = new TextField();
        search.setPromptText("Search experiments");
        search.setId("lab-search");
        search.setAccessibleText("Search experiments");
        search.textProperty().bindBidirectional(h.searchProperty());
        history.setId("lab-history");
        Label none = new Label("No experiments yet.\n\nNew experiment… compares a baseline and an optimized prompt "
                + "on real APIs; Import… reads one exported as JSON (or drop the file here).\n\nFrom a terminal, "
                + "the built-in sample “Support ticket: a verbose vs an optimized prompt” runs with ./costbench ab "
                + "run (the A/B lab guide gives its name).");
        none.setWrapText(true);
        none.setStyle("-fx-padding: 12; -fx-text-fill: -color-fg-muted;");
        history.setPlaceholder(none);
        history.setItems(h.shown());
        history.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        history.setCellFactory(l -> new HistoryCell());
        history.getSelectionModel().getSelectedItems().addListener((ListChangeListener<ExperimentOverview>) c -> {
            if (!syncing) {
                syncing = true;
                h.selection().setAll(List.copyOf(history.getSelectionModel().getSelectedItems()));
                syncing = false;
            }
        });
        h.selection().addListener((ListChangeListener<ExperimentOverview>) c -> mirrorSelection());
        history.setContextMenu(HistoryTools.contextMenu(vm));
        history.setOnKeyPressed(e -> {
            if (COMPARE_KEY.match(e)) {
                vm.compareSelected();
            } else if (REPRICE_KEY.match(e)) {
                vm.repriceSelected();
            } else if (IMPORT_KEY.match(e)) {
                h.importChosen();
            } else if (e.getCode() == KeyCode.DELETE) {
                h.deleteSelected();
            } else {
                return;
            }
            e.consume();
        });
        history.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()
                    && e.getDragboard().getFiles().stream().anyMatch(LabView::json)) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        history.setOnDragDropped(e -> {
            List<File> files =
                    e.getDragboard().getFiles().stream().filter(LabView::json).toList();
            files.forEach(f -> h.importFrom(f.toPath()));
            e.setDropCompleted(!files.isEmpty());
            e.consume();
        });
        VBox left = new VBox(6, search, history, HistoryTools.bar(vm, Bindings.size(h.selection())));
        VBox.setVgrow(history, Priority.ALWAYS);
        left.setPadding(new Insets(8));
        left.setMinWidth(220);
        empty.textProperty().bind(h.emptyTextProperty());
        SplitPane split = new SplitPane(left, center);
        split.setDividerPositions(0.25);
        setCenter(split);
        vm.pageProperty().addListener((o, a, p) -> showPage(p));
        showPage(vm.pageProperty().get());
        vm.repricingProperty().addListener((o, a, r) -> {
            if (r != null) {
                ContentDialog.show(
                        getScene() == null ? null : getScene().getWindow(),
                        "Re-price at a date's prices",
                        r.headline(),
                        new RepriceView(vm.repriceModel(r)),
                        "lab-reprice");
            }
        });
        h.refresh();
    }

    private static boolean json(File f) {
        return f.getName().toLowerCase(Locale.ROOT).endsWith(".json");
    }

    private void mirrorSelection() {
        if (syncing
                || history.getSelectionModel()
                        .getSelectedItems()
                        .equals(vm.history().selection())) {
            return;
        }
        syncing = true;
        try {
            history.getSelectionModel().clearSelection();
            vm.history().selection().forEach(history.getSelectionModel()::select);
        } finally {
            syncing = false;
        }
    }

    private void showPage(LabViewModel.Page p) {
        center.setCenter(
                switch (p) {
                    case SETUP -> setup;
                    case RESULTS -> results;
                    case COMPARE -> compare;
                    default -> empty;
                });
    }

    /** Shows the setup form for a new experiment. */
    public void showSetup() {
        vm.showSetup();
    }

    /** The setup (null when the lab only reads the store). */
    public SetupPane setup() {
        return setup;
    }

    /** Re-reads the experiments from the store. */
    public void refresh() {
        vm.history().refresh();
    }

    @Override
    public Parent root() {
        return this;
    }

    @Override
    public LabViewModel viewModel() {
        return vm;
    }
}
