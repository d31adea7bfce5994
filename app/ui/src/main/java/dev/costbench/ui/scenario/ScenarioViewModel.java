// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.scenario;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.lab.LabStore;
import dev.costbench.model.ratecard.RateCard;
import dev.costbench.model.scenario.RequestType;
import dev.costbench.model.scenario.Scenario;
import dev.costbench.model.scenario.ScenarioFiles;
import dev.costbench.ui.common.FormDialogs;
import dev.costbench.ui.common.TaskExecutor;
import dev.costbench.ui.common.UiContext;
import dev.costbench.ui.common.UnsavedChanges;
import dev.costbench.ui.common.ViewModel;
import dev.costbench.ui.common.handoff.ScenarioTarget;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

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
    private final OutlookModel outlook;
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper(this, "heading", "");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ObjectProperty<YearMonth> startMonth = new SimpleObjectProperty<>(this, "startMonth");
    private final BooleanProperty useMyRates = new SimpleBooleanProperty(this, "useMyRates");
    private final ObjectProperty<RateCard> rateCard = new SimpleObjectProperty<>(this, "rateCard", RateCard.NONE);
    /** The scenario as last opened or saved; null for one never saved (new from questions). */
    private Scenario saved;

    private boolean loading;

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
        this.outlook = new OutlookModel(this);
        scenario.addListener(x -> updateDirty());
        files.currentProperty().addListener(x -> updateDirty());
        startMonth.addListener((o, a, m) -> {
            if (!loading && m != null && !m.equals(scenario.get().firstMonth(Clock.systemUTC()))) {
                edit(sc -> sc.withStartMonth(m));
            }
        });
        useMyRates.addListener(x -> recompute());
        rateCard.addListener(x -> {
            if (useMyRates.get()) {
                recompute();
            }
        });
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

    /** Heavy-tail users and the monthly budget. */
    public OutlookModel outlook() {
        return outlook;
    }

    public ScenarioResults results() {
        return results;
    }

    public ScenarioFileActions files() {
        return files;
    }

    /**
     * True while the open scenario differs from the one last opened or saved (or was never saved): the picker and
     * the window title show "• ", and switching away or closing asks first.
     */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    /** The open scenario's name for the picker, with the dirty marker ("• Video moderation — …"). */
    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    /** The window title while the planner shows: "• name — CostBench" with unsaved changes. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The first of the twelve projected months; setting it reprices the projection. */
    public ObjectProperty<YearMonth> startMonthProperty() {
        return startMonth;
    }

    /** The months the start month can be set to: a year back to two years ahead of the current month. */
    public List<YearMonth> startMonthChoices() {
        YearMonth now = YearMonth.now(Clock.systemUTC());
        List<YearMonth> out = new ArrayList<>();
        for (int i = -12; i <= 24; i++) {
            out.add(now.plusMonths(i));
        }
        YearMonth current = startMonth.get();
        if (current != null && !out.contains(current)) {
            out.add(current.isBefore(now) ? 0 : out.size(), current);
        }
        return out;
    }

    /** Before the window closes: asks about unsaved changes; false when the user cancelled (the window stays). */
    public boolean confirmClose() {
        return files.askToSave("closing CostBench");
    }

    /** Shows {@code s}, opened from the store or a sample, in every section and recomputes it. */
    public void show(Scenario s) {
        show(s, true);
    }

    /** Shows {@code s}; {@code stored}: it is what its source holds (not dirty), else it counts as unsaved. */
    void show(Scenario s, boolean stored) {
        saved = stored ? s : null;
        loading = true;
        try {
            scenario.set(s);
            startMonth.set(s.firstMonth(Clock.systemUTC()));
        } finally {
            loading = false;
        }
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

    /** {@code s} is now what the store or file holds: the dirty marker goes. */
    void markSaved(Scenario s) {
        saved = s;
        scenario.set(scenario.get() == null ? s : scenario.get().withName(s.name()));
        updateDirty();
    }

    private void updateDirty() {
        Scenario s = scenario.get();
        dirty.set(s != null && (saved == null || !ScenarioFiles.sameContent(saved, s)));
        String name = s == null ? "" : s.name();
        heading.set(UnsavedChanges.marked(name, dirty.get()));
        title.set(UnsavedChanges.windowTitle(name, dirty.get()));
    }

    /**
     * "Use my rates": every bill of the planner (waterfall, months, comparison) gets the user's rate card as a
     * "Rate card" line. A view setting, not part of the scenario file: the file stays at list prices for whoever
     * opens it.
     */
    public BooleanProperty useMyRatesProperty() {
        return useMyRates;
    }

    /** The user's rate card ({@link RateCard#NONE}: none saved); set by the composition root. */
    public ObjectProperty<RateCard> rateCardProperty() {
        return rateCard;
    }

    /** The rate card the figures are computed with: the user's when "Use my rates" is on, else none. */
    RateCard rates() {
        RateCard card = rateCard.get();
        return useMyRates.get() && card != null ? card : RateCard.NONE;
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
        RateCard card = rates();
        figures.task(p -> Computed.of(s, c, card, selected, other, library))
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
