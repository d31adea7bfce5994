// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import dev.costbench.model.cost.Money;
import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.ExperimentOverview;
import dev.costbench.model.lab.LabStore;
import dev.costbench.model.lab.run.ExperimentImport;
import dev.costbench.model.lab.run.Repricing;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The A/B lab: the history of experiments (search, reopen, delete, compare two runs, re-price one at today's prices,
 * import an export) and the selected one's results. New experiments
 * are set up and run from the setup pane.
 */
public final class LabView extends BorderPane {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private static final javafx.scene.input.KeyCombination COMPARE_KEY =
            javafx.scene.input.KeyCombination.keyCombination("Shortcut+Shift+C");
    private static final javafx.scene.input.KeyCombination REPRICE_KEY =
            javafx.scene.input.KeyCombination.keyCombination("Shortcut+Shift+P");
    private static final javafx.scene.input.KeyCombination IMPORT_KEY =
            javafx.scene.input.KeyCombination.keyCombination("Shortcut+I");

    private final Supplier<LabStore> store;
    private final ListView<ExperimentOverview> history = new ListView<>();
    private final javafx.collections.ObservableList<ExperimentOverview> all = FXCollections.observableArrayList();
    private final FilteredList<ExperimentOverview> filtered = new FilteredList<>(all, e -> true);
    private final Supplier<Catalog> catalog;
    private final CompareView compare = new CompareView();
    private final TextField search = new TextField();
    private final BorderPane center = new BorderPane();
    private ResultsPane results;
    private final Label empty = new Label("Select an experiment, or start one with “New experiment”.");

    private final SetupPane setup;
    private final dev.costbench.model.lab.run.ClientSource clients;

    /** History and results only (no runs): for views that only read the store. */
    public LabView(Supplier<LabStore> store) {
        this(store, null, null, null);
    }

    public LabView(Supplier<LabStore> store, Supplier<Catalog> catalog,
                   dev.costbench.model.lab.run.ClientSource clients, SetupPane.PromptSource prompt) {
        this.store = store;
        this.catalog = catalog;
        this.clients = clients;
        this.setup = catalog == null ? null : new SetupPane(store, catalog, clients, prompt, id -> {
            select(id);
        });
        setId("lab-view");
        search.setPromptText("Search experiments");
        search.setId("lab-search");
        search.textProperty().addListener((o, a, b) -> {
            String q = b == null ? "" : b.trim().toLowerCase(Locale.ROOT);
            filtered.setPredicate(x -> q.isEmpty() || matches(x.experiment(), q));
        });
        history.setId("lab-history");
        Label none = new Label("No experiments yet.\n\nNew experiment… compares a baseline and an optimized prompt "
                + "on real APIs; Import… reads one exported as JSON (or drop the file here).\n\nFrom a terminal: "
                + "./costbench ab run seed000-support-ticket");
        none.setWrapText(true);
        none.setStyle("-fx-padding: 12; -fx-text-fill: -color-fg-muted;");
        history.setPlaceholder(none);
        history.setItems(filtered);
        history.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        history.setCellFactory(l -> new ListCell<>() {
            {
                // three lines: the theme's fixed cell size (AtlantaFX: 2.8em) would cut off the summary line
                setStyle("-fx-cell-size: 4.6em;");
            }

            @Override
            protected void updateItem(ExperimentOverview o, boolean emptyCell) {
                super.updateItem(o, emptyCell);
                if (emptyCell || o == null) {
                    setText(null);
                    return;
                }
                Experiment e = o.experiment();
                setText(e.name() + (ExperimentImport.isImported(e) ? "  ⇩ imported" : "") + "\n"
                        + e.status().name().toLowerCase(Locale.ROOT) + " · " + WHEN.format(e.created()) + " · "
                        + e.models().size() + " model(s)\n" + o.succeeded() + " trials ok" + (o.failed() > 0
                        ? ", " + o.failed() + " failed" : "") + " · " + Money.format(o.trialCostUsd()) + " in trials"
                        + (o.spentUsd().compareTo(o.trialCostUsd()) == 0 ? "" : " · " + Money.format(o.spentUsd())
                        + " spent here"));
            }
        });
        history.getSelectionModel().selectedItemProperty().addListener((o, a, e) -> open(e == null ? null
                : e.experiment()));
        history.setContextMenu(contextMenu());
        history.setOnKeyPressed(e -> {
            if (COMPARE_KEY.match(e)) {
                compareSelected();
            } else if (REPRICE_KEY.match(e)) {
                repriceSelected();
            } else if (IMPORT_KEY.match(e)) {
                importChosen();
            } else if (e.getCode() == javafx.scene.input.KeyCode.DELETE) {
                deleteSelected();
            } else {
                return;
            }
            e.consume();
        });
        history.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && e.getDragboard().getFiles().stream().anyMatch(f -> f.getName()
                    .toLowerCase(Locale.ROOT).endsWith(".json"))) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        history.setOnDragDropped(e -> {
            boolean done = false;
            for (java.io.File f : e.getDragboard().getFiles()) {
                if (f.getName().toLowerCase(Locale.ROOT).endsWith(".json")) {
                    importFrom(f.toPath());
                    done = true;
                }
            }
            e.setDropCompleted(done);
            e.consume();
        });
        Button refresh = new Button("⟳");
        refresh.setTooltip(new Tooltip("Reload the history"));
        refresh.setOnAction(e -> refresh());
        Button delete = new Button("Delete");
        delete.setId("lab-delete");
        delete.setTooltip(new Tooltip("Delete the experiment and its trials (the ledger of money spent is kept)"));
        delete.setOnAction(e -> deleteSelected());
        Button newExp = new Button("New experiment…");
        newExp.setId("lab-new");
        newExp.setTooltip(new Tooltip("Baseline vs optimized prompt on one or more models, N repetitions, a budget cap"));
        newExp.setOnAction(e -> showSetup());
        newExp.setDisable(setup == null);
        Button export = new Button("Export…");
        export.setId("lab-export");
        export.setTooltip(new Tooltip("The experiment with every trial as JSON or CSV (never a key)"));
        export.setOnAction(e -> exportSelected());
        Button rerun = new Button("Rerun");
        rerun.setId("lab-rerun");
        rerun.setTooltip(new Tooltip("Duplicate the experiment's setup as a new run (or resume an interrupted one)"));
        rerun.setOnAction(e -> rerunSelected());
        rerun.setDisable(setup == null);
        Button compareBtn = new Button("Compare");
        compareBtn.setId("lab-compare-button");
        compareBtn.setTooltip(new Tooltip("Select two experiments (Ctrl+click) to see how cost per call, tokens, "
                + "latency and quality changed from the earlier to the later run, with 95 % intervals "
                + "(Ctrl+Shift+C in the list)"));
        compareBtn.setOnAction(e -> compareSelected());
        compareBtn.disableProperty().bind(javafx.beans.binding.Bindings.size(history.getSelectionModel()
                .getSelectedItems()).isNotEqualTo(2));
        Button reprice = new Button("Re-price");
        reprice.setId("lab-reprice-button");
        reprice.setTooltip(new Tooltip("Re-price at today's prices: each call's stored usage at the current "
                + "catalog's prices, then vs now (the stored costs are not changed; Ctrl+Shift+P in the list)"));
        reprice.setOnAction(e -> repriceSelected());
        Button importBtn = new Button("Import…");
        importBtn.setId("lab-import");
        importBtn.setTooltip(new Tooltip("Import an experiment exported as JSON (or drop a .json file on the list; "
                + "Ctrl+I in the list)"));
        importBtn.setOnAction(e -> importChosen());
        FlowPane tools = new FlowPane(6, 6, newExp, rerun, export, refresh, delete, compareBtn, reprice, importBtn);
        tools.setAlignment(Pos.CENTER_LEFT);
        VBox left = new VBox(6, search, history, tools);
        VBox.setVgrow(history, Priority.ALWAYS);
        left.setPadding(new Insets(8));
        left.setMinWidth(220);
        center.setCenter(empty);
        SplitPane split = new SplitPane(left, center);
        split.setDividerPositions(0.25);
        setCenter(split);
        refresh();
    }

    /** Shows the setup form for a new experiment. */
    public void showSetup() {
        history.getSelectionModel().clearSelection();
        center.setCenter(setup);
    }

    public SetupPane setup() {
        return setup;
    }

    /** Re-reads the experiments from the store (newest first). */
    public void refresh() {
        LabStore s = store.get();
        if (s == null) {
            empty.setText("The local store is not open (another CostBench may be running), so experiments cannot be "
                    + "shown.");
            return;
        }
        ExperimentOverview keep = history.getSelectionModel().getSelectedItem();
        all.setAll(s.overviews());
        if (keep != null) {
            all.stream().filter(x -> x.id() == keep.id()).findFirst().ifPresent(x -> history.getSelectionModel()
                    .select(x));
        }
        if (!warmedUp && !all.isEmpty()) {
            warmedUp = true;
            warmUp(s, all.get(0).id());
        }
    }

    private boolean warmedUp;

    /**
     * The first time the list shows, reads the newest experiment and computes its summary in the background, once,
     * and throws the result away: the first experiment the user opens then finds the JIT and H2's cache warm. Without
     * it the first opening after start took about 1 s for a 10,000-trial experiment instead of about 0.1 s
     * (app/bench RESULTS-history.md).
     */
    private static void warmUp(LabStore s, long experimentId) {
        Thread t = new Thread(() -> {
            try {
                dev.costbench.model.lab.stats.LabResults.preview(
                        dev.costbench.model.lab.stats.ExperimentData.load(s, experimentId),
                        dev.costbench.model.lab.stats.StatsOptions.defaults());
            } catch (RuntimeException ignored) {
                // only a warm-up: the store may have closed, the experiment may be gone
            }
        }, "CostBench A/B lab warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** Shows {@code e}'s results (also used after a run finishes). */
    public void open(Experiment e) {
        if (e == null) {
            if (center.getCenter() != setup) {
                center.setCenter(empty);
            }
            return;
        }
        LabStore s = store.get();
        if (results == null) {
            results = new ResultsPane(s, catalog, clients);
        }
        center.setCenter(results);
        results.show(s.loadExperiment(e.id()));
    }

    /** Selects the experiment with {@code id} in the history and shows it. */
    public void select(long id) {
        refresh();
        history.getSelectionModel().clearSelection();
        all.stream().filter(x -> x.id() == id).findFirst().ifPresent(x -> history.getSelectionModel().select(x));
    }

    private static boolean matches(Experiment e, String q) {
        return e.name().toLowerCase(Locale.ROOT).contains(q) || e.status().name().toLowerCase(Locale.ROOT).contains(q)
                || e.models().stream().anyMatch(m -> m.toLowerCase(Locale.ROOT).contains(q))
                || ("imported".contains(q) && ExperimentImport.isImported(e));
    }

    private ContextMenu contextMenu() {
        MenuItem cmp = new MenuItem("Compare the two selected  (Ctrl+Shift+C)");
        cmp.setOnAction(e -> compareSelected());
        MenuItem rep = new MenuItem("Re-price at today's prices  (Ctrl+Shift+P)");
        rep.setOnAction(e -> repriceSelected());
        MenuItem exp = new MenuItem("Export…");
        exp.setOnAction(e -> exportSelected());
        MenuItem imp = new MenuItem("Import JSON…  (Ctrl+I)");
        imp.setOnAction(e -> importChosen());
        MenuItem del = new MenuItem("Delete  (Del)");
        del.setOnAction(e -> deleteSelected());
        ContextMenu m = new ContextMenu(cmp, rep, new SeparatorMenuItem(), exp, imp, new SeparatorMenuItem(), del);
        m.setOnShowing(e -> cmp.setDisable(history.getSelectionModel().getSelectedItems().size() != 2));
        return m;
    }

    /** Shows the comparison of the two selected experiments (the earlier one first). */
    public void compareSelected() {
        List<ExperimentOverview> sel = List.copyOf(history.getSelectionModel().getSelectedItems());
        if (sel.size() != 2) {
            new Alert(Alert.AlertType.INFORMATION, "Select two experiments to compare (Ctrl+click the second).")
                    .show();
            return;
        }
        center.setCenter(compare);
        compare.show(store.get(), sel.get(0).experiment(), sel.get(1).experiment());
    }

    public CompareView compareView() {
        return compare;
    }

    private Catalog currentCatalog() {
        Catalog c = catalog == null ? null : catalog.get();
        return c != null ? c : CatalogBuilder.builtIn();
    }

    /** The re-pricing of the selected experiment at today's prices, or null when none is selected. */
    public RepriceDialog repriceDialog() {
        ExperimentOverview o = history.getSelectionModel().getSelectedItem();
        if (o == null) {
            return null;
        }
        Catalog c = currentCatalog();
        Repricing r = Repricing.of(store.get(), o.id(), c::find);
        RepriceDialog d = new RepriceDialog(store.get().loadExperiment(o.id()), r, c);
        if (getScene() != null) {
            d.initOwner(getScene().getWindow());
        }
        return d;
    }

    private void repriceSelected() {
        RepriceDialog d = repriceDialog();
        if (d != null) {
            d.show();
        }
    }

    private void importChosen() {
        javafx.stage.FileChooser fc = new javafx.stage.FileChooser();
        fc.setTitle("Import an experiment exported as JSON");
        fc.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("CostBench export (JSON)",
                "*.json"));
        java.io.File f = fc.showOpenDialog(getScene().getWindow());
        if (f != null) {
            importFrom(f.toPath());
        }
    }

    /**
     * Imports an exported experiment and selects it; a file that cannot be imported gets an error dialog and
     * changes nothing. Returns the new experiment's id, or -1.
     */
    public long importFrom(java.nio.file.Path f) {
        try {
            String json = java.nio.file.Files.readString(f, java.nio.charset.StandardCharsets.UTF_8);
            Experiment e = ExperimentImport.importInto(store.get(), json, f.getFileName().toString());
            select(e.id());
            return e.id();
        } catch (java.io.IOException | RuntimeException x) {
            Alert a = new Alert(Alert.AlertType.ERROR, x.getMessage() == null ? x.toString() : x.getMessage());
            a.setHeaderText("Cannot import " + f.getFileName());
            a.getDialogPane().setId("lab-import-error");
            lastError = a.getContentText();
            a.show();
            return -1;
        }
    }

    private String lastError;

    /** The message of the last failed import, for tests. */
    public String lastImportError() {
        return lastError;
    }

    private void exportSelected() {
        Experiment e = selected();
        if (e == null) {
            return;
        }
        javafx.stage.FileChooser fc = new javafx.stage.FileChooser();
        fc.setTitle("Export the experiment");
        fc.getExtensionFilters().addAll(new javafx.stage.FileChooser.ExtensionFilter("JSON", "*.json"),
                new javafx.stage.FileChooser.ExtensionFilter("CSV (one row per trial)", "*.csv"));
        fc.setInitialFileName(e.name().replaceAll("[^A-Za-z0-9._-]", "-") + ".json");
        java.io.File f = fc.showSaveDialog(getScene().getWindow());
        if (f != null) {
            exportTo(e.id(), f.toPath());
        }
    }

    /** Writes experiment {@code id} as JSON, or CSV when the file name ends in .csv. */
    public void exportTo(long id, java.nio.file.Path f) {
        try {
            String text = f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")
                    ? dev.costbench.model.lab.run.ExperimentExport.csv(store.get(), id)
                    : dev.costbench.model.lab.run.ExperimentExport.json(store.get(), id);
            java.nio.file.Files.writeString(f, text, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException | RuntimeException x) {
            new Alert(Alert.AlertType.ERROR, "The export failed: " + x.getMessage()).show();
        }
    }

    private Experiment selected() {
        ExperimentOverview o = history.getSelectionModel().getSelectedItem();
        return o == null ? null : o.experiment();
    }

    private void rerunSelected() {
        Experiment e = selected();
        if (e != null && setup != null) {
            center.setCenter(setup);
            setup.rerun(e.id());
        }
    }

    private void deleteSelected() {
        Experiment e = selected();
        if (e == null) {
            return;
        }
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "Delete “" + e.name() + "” and all its trials? The ledger "
                + "keeps what was spent (" + Money.format(store.get().spentOnExperiment(e.id())) + ").",
                ButtonType.OK, ButtonType.CANCEL);
        a.setHeaderText("Delete experiment");
        if (a.showAndWait().orElse(ButtonType.CANCEL) == ButtonType.OK) {
            store.get().deleteExperiment(e.id());
            refresh();
        }
    }

    public ResultsPane results() {
        return results;
    }

    public List<Experiment> experiments() {
        return all.stream().map(ExperimentOverview::experiment).toList();
    }

    public ListView<ExperimentOverview> history() {
        return history;
    }

    public BorderPane centerPane() {
        return center;
    }
}
