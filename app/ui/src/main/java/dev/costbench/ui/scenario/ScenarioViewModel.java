// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.scenario;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.lab.LabStore;
import dev.costbench.model.scenario.RequestType;
import dev.costbench.model.scenario.Scenario;
import dev.costbench.ui.common.FormDialogs;
import dev.costbench.ui.common.TaskExecutor;
import dev.costbench.ui.common.UiContext;
import dev.costbench.ui.common.ViewModel;
import dev.costbench.ui.common.handoff.ScenarioTarget;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The what-if planner: the scenario being edited (a workload of request types and a stack of cost levers), its
 * figures recomputed on a latest-wins lane after every change, and the files it comes from. Sections:
 * {@link #requests()} (the request types and the form), {@link #levers()}, {@link #results()} (waterfall, tornado,
 * comparison, status) and {@link #files()} (open, save, rename, export, new from questions).
 */
public final class ScenarioViewModel implements ViewModel, ScenarioTarget {

    /** The sample shown when the planner opens. */
    static final String FIRST = "seed003-video-moderation";

    private final UiContext ui;
    private final Supplier<Catalog> catalog;
    private final ScenarioLibrary library;
    private final TaskExecutor.Lane figures;
    private final ReadOnlyObjectWrapper<Scenario> scenario = new ReadOnlyObjectWrapper<>(this, "scenario");
    private final RequestTypesModel requests;
    private final LeversModel levers;
    private final ScenarioResults results;
    private final ScenarioFileActions files;

    /**
     * @param catalog the catalog in force (read at each recomputation)
     * @param store   the local store, or null while it is not open
     * @param forms   asks "New from questions…"
     */
    public ScenarioViewModel(UiContext ui, Supplier<Catalog> catalog, Supplier<LabStore> store, FormDialogs forms) {
        this.ui = ui;
        this.catalog = catalog;
        this.library = new ScenarioLibrary(store);
        this.figures = ui.tasks().lane("scenario figures");
        this.requests = new RequestTypesModel(this);
        this.levers = new LeversModel(this);
        this.results = new ScenarioResults(this);
        this.files = new ScenarioFileActions(this, forms);
        files.refreshNames();
        files.open(FIRST);
    }

    public ReadOnlyObjectProperty<Scenario> scenarioProperty() {
        return scenario.getReadOnlyProperty();
    }

    public Scenario scenario() {
        return scenario.get();
    }

    public RequestTypesModel requests() {
        return requests;
    }

    public LeversModel levers() {
        return levers;
    }

    public ScenarioResults results() {
        return results;
    }

    public ScenarioFileActions files() {
        return files;
    }

    /** Shows {@code s} in every section and recomputes it. */
    public void show(Scenario s) {
        scenario.set(s);
        requests.reload(0);
        levers.rebuild();
        recompute();
    }

    /** The Prompt view's prompt (or any request type) joins the open scenario's workload and is selected. */
    @Override
    public void addRequestType(RequestType type) {
        requests.add(type);
    }

    /** Changes the open scenario and recomputes it. */
    void edit(UnaryOperator<Scenario> change) {
        scenario.set(change.apply(scenario.get()));
        recompute();
    }

    /** Changes the open scenario without recomputing (its name after a save; before a section reloads). */
    void set(Scenario s) {
        scenario.set(s);
    }

    /** Recomputes the figures on the lane; a newer change drops an older one that has not started. */
    void recompute() {
        Scenario s = scenario.get();
        if (s == null) {
            return;
        }
        Catalog c = catalog.get();
        int selected = requests.selectedProperty().get();
        String other = results.compareProperty().get();
        figures.task(p -> Computed.of(s, c, selected, other, library))
                .onSuccess(results::show)
                .onFailure(e -> results.status("Cannot compute this scenario: " + UiContext.describe(e)
                        + ". Change the field or lever you edited last; the chart shows the last valid figures."))
                .start();
    }

    UiContext ui() {
        return ui;
    }

    Catalog catalog() {
        return catalog.get();
    }

    ScenarioLibrary library() {
        return library;
    }

    @Override
    public void close() {
        figures.close();
    }
}
