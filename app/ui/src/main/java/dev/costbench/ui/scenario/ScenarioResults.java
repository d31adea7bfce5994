// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.scenario;

import dev.costbench.model.scenario.FlowReport;
import dev.costbench.model.scenario.Tornado;
import dev.costbench.model.scenario.Waterfall;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

/**
 * The figures of the open scenario: the waterfall from the naive bill to the optimized one, the tornado of uncertain
 * inputs, the totals line, the errors that hold them back, a scenario to compare with, and the status line. After an
 * error the last valid figures stay.
 */
public final class ScenarioResults {

    /**
     * One line of the optimized monthly bill: its name and amount, and the assumptions behind it (the self-hosted
     * GPUs' instances, hours and throughput; a fee's count × price), one a line; "" when it has none.
     */
    public record BillRow(String line, String amount, String assumptions) {
        /** "Self-hosted GPUs  $5,760.00", with "— hover for the assumptions" when it has some in its tooltip. */
        public String text() {
            return line + "  " + amount + (assumptions.isEmpty() ? "" : "   — hover for the assumptions");
        }
    }

    private final ScenarioViewModel vm;
    private final ReadOnlyObjectWrapper<Waterfall> waterfall = new ReadOnlyObjectWrapper<>(this, "waterfall");
    private final ReadOnlyObjectWrapper<Tornado.Result> tornado = new ReadOnlyObjectWrapper<>(this, "tornado");
    private final ReadOnlyStringWrapper tornadoInputs = new ReadOnlyStringWrapper(this, "tornadoInputs", "");
    private final ReadOnlyStringWrapper totals = new ReadOnlyStringWrapper(this, "totals", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper priceChanges = new ReadOnlyStringWrapper(this, "priceChanges", "");
    private final ObservableList<BillRow> billLines = FXCollections.observableArrayList();
    private final ObservableList<String> errors = FXCollections.observableArrayList();
    private final ObservableList<String> errorsView = FXCollections.unmodifiableObservableList(errors);
    private final ObservableSet<String> invalidFields = FXCollections.observableSet();
    private final ObservableSet<String> invalidFieldsView = FXCollections.unmodifiableObservableSet(invalidFields);
    private final StringProperty compare = new SimpleStringProperty(this, "compare");
    private final ReadOnlyObjectWrapper<Waterfall> compareWaterfall =
            new ReadOnlyObjectWrapper<>(this, "compareWaterfall");
    private final ReadOnlyStringWrapper compareTotals = new ReadOnlyStringWrapper(this, "compareTotals", "");
    private final BooleanBinding comparing = Bindings.createBooleanBinding(
            () -> compare.get() != null && !compare.get().isBlank(), compare);

    ScenarioResults(ScenarioViewModel vm) {
        this.vm = vm;
        compare.addListener((o, a, b) -> vm.recompute());
    }

    public ReadOnlyObjectProperty<Waterfall> waterfallProperty() {
        return waterfall.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Tornado.Result> tornadoProperty() {
        return tornado.getReadOnlyProperty();
    }

    /** What the tornado varied and how it priced its bills ({@link Tornado.Result#describe()}). */
    public ReadOnlyStringProperty tornadoInputsProperty() {
        return tornadoInputs.getReadOnlyProperty();
    }

    /** The optimized monthly bill line by line, with the assumptions behind each (read by the view). */
    public ObservableList<BillRow> billLines() {
        return billLines;
    }

    /** "Monthly $… → $…, saving …". */
    public ReadOnlyStringProperty totalsProperty() {
        return totals.getReadOnlyProperty();
    }

    /** What just happened or what to do: saved, exported, fix the fields marked in red, a note of the engine. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /**
     * The prices of the projection that change inside its twelve months, one warning a line ("⚠ Gemini 3.8 Flash:
     * the introductory price ends on 2026-12-31 …; from January 2027 this scenario costs $X more a month"); empty
     * when none does.
     */
    public ReadOnlyStringProperty priceChangesProperty() {
        return priceChanges.getReadOnlyProperty();
    }

    /** The errors in words, one a line (read-only for the view). */
    public ObservableList<String> errors() {
        return errorsView; // one wrapper: listeners on it stay
    }

    /** The form fields (keys) of the selected request type to mark (read-only for the view). */
    public ObservableSet<String> invalidFields() {
        return invalidFieldsView; // one wrapper: listeners on it stay
    }

    /** The name of the scenario to show side by side; null or blank: none. */
    public StringProperty compareProperty() {
        return compare;
    }

    /** True while a comparison is chosen. */
    public BooleanBinding comparingProperty() {
        return comparing;
    }

    public ReadOnlyObjectProperty<Waterfall> compareWaterfallProperty() {
        return compareWaterfall.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty compareTotalsProperty() {
        return compareTotals.getReadOnlyProperty();
    }

    void status(String text) {
        status.set(text == null ? "" : text);
    }

    void show(Computed c) {
        showComparison(c.comparison());
        showErrors(c.errors());
        Waterfall w = c.waterfall();
        if (w == null) {
            return;
        }
        waterfall.set(w);
        tornado.set(c.tornado());
        tornadoInputs.set(c.tornado() == null ? "" : c.tornado().describe());
        billLines.setAll(w.optimized().lines().entrySet().stream()
                .map(e -> new BillRow(
                        e.getKey().label(),
                        Figures.amount(e.getValue()),
                        String.join("\n", w.optimized().notes(e.getKey()))))
                .toList());
        totals.set(Figures.totals(w)
                + Figures.agentTasks(vm.scenario(), w)
                + FlowReport.perUnit(vm.scenario(), w).stream()
                        .map(l -> " · " + l)
                        .collect(Collectors.joining()));
        priceChanges.set(
                String.join("\n", w.priceChanges().stream().map(x -> "⚠ " + x).toList()));
        vm.levers().showSteps(w);
        status(w.warnings().isEmpty() ? "" : "Note: " + String.join(" · ", w.warnings()));
        if (c.comparison() != null && c.comparison().waterfall() != null) {
            compareTotals.set(
                    Figures.compare(c.comparison().name(), c.comparison().waterfall(), w));
        }
    }

    void showErrors(FieldErrors e) {
        errors.setAll(e.messages());
        invalidFields.retainAll(e.fields());
        invalidFields.addAll(e.fields());
        vm.levers().showErrors(e.levers());
        if (!e.isEmpty()) {
            status("Fix the fields marked in red; the chart shows the last valid figures.");
        }
    }

    private void showComparison(Computed.Comparison c) {
        if (c == null) {
            compareWaterfall.set(null);
            compareTotals.set("");
        } else if (c.waterfall() == null) {
            compareWaterfall.set(null);
            compareTotals.set("“" + c.name() + "” cannot be computed: " + c.problem());
        } else {
            compareWaterfall.set(c.waterfall());
            compareTotals.set(Figures.compare(c.name(), c.waterfall(), waterfall.get()));
        }
    }
}
