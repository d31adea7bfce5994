// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import dev.costbench.model.cost.Money;
import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.LabStore;
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
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The A/B lab: the history of experiments (search, reopen, delete) and the selected one's results. New experiments
 * are set up and run from the setup pane.
 */
public final class LabView extends BorderPane {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final Supplier<LabStore> store;
    private final ListView<Experiment> history = new ListView<>();
    private final javafx.collections.ObservableList<Experiment> all = FXCollections.observableArrayList();
    private final FilteredList<Experiment> filtered = new FilteredList<>(all, e -> true);
    private final TextField search = new TextField();
    private final BorderPane center = new BorderPane();
    private ResultsPane results;
    private final Label empty = new Label("Select an experiment, or start one with “New experiment”.");

    private final SetupPane setup;
    private final Supplier<dev.costbench.model.catalog.Catalog> catalog;
    private final dev.costbench.model.lab.run.ClientSource clients;

    /** History and results only (no runs): for views that only read the store. */
    public LabView(Supplier<LabStore> store) {
        this(store, null, null, null);
    }

    public LabView(Supplier<LabStore> store, Supplier<dev.costbench.model.catalog.Catalog> catalog,
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
            filtered.setPredicate(e -> q.isEmpty() || e.name().toLowerCase(Locale.ROOT).contains(q)
                    || e.status().name().toLowerCase(Locale.ROOT).contains(q)
                    || e.models().stream().anyMatch(m -> m.toLowerCase(Locale.ROOT).contains(q)));
        });
        history.setId("lab-history");
        history.setItems(filtered);
        history.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Experiment e, boolean emptyCell) {
                super.updateItem(e, emptyCell);
                if (emptyCell || e == null) {
                    setText(null);
                    return;
                }
                setText(e.name() + "\n" + e.status().name().toLowerCase(Locale.ROOT) + " · " + WHEN.format(e.created())
                        + " · " + e.models().size() + " model(s)");
            }
        });
        history.getSelectionModel().selectedItemProperty().addListener((o, a, e) -> open(e));
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
        HBox tools = new HBox(6, newExp, rerun, export, refresh, delete);
        tools.setAlignment(Pos.CENTER_LEFT);
        VBox left = new VBox(6, search, history, tools);
        VBox.setVgrow(history, Priority.ALWAYS);
        left.setPadding(new Insets(8));
        left.setMinWidth(220);
        center.setCenter(empty);
        SplitPane split = new SplitPane(left, center);
        split.setDividerPositions(0.22);
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
        Experiment keep = history.getSelectionModel().getSelectedItem();
        all.setAll(s.listExperiments());
        if (keep != null) {
            all.stream().filter(x -> x.id() == keep.id()).findFirst().ifPresent(x -> history.getSelectionModel()
                    .select(x));
        }
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
        all.stream().filter(x -> x.id() == id).findFirst().ifPresent(x -> history.getSelectionModel().select(x));
    }

    private void exportSelected() {
        Experiment e = history.getSelectionModel().getSelectedItem();
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

    private void rerunSelected() {
        Experiment e = history.getSelectionModel().getSelectedItem();
        if (e != null && setup != null) {
            center.setCenter(setup);
            setup.rerun(e.id());
        }
    }

    private void deleteSelected() {
        Experiment e = history.getSelectionModel().getSelectedItem();
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
        return List.copyOf(all);
    }

    public BorderPane centerPane() {
        return center;
    }
}
