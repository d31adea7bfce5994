// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.scenario;

import dev.costbench.model.scenario.Lever;
import dev.costbench.model.scenario.LeverEntry;
import dev.costbench.model.scenario.RequestType;
import dev.costbench.model.scenario.Scenario;
import dev.costbench.model.scenario.Waterfall;
import dev.costbench.model.scenario.WaterfallStep;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The lever stack, applied top to bottom: one {@link LeverRow} per lever; toggling one or moving its knob
 * recomputes the waterfall.
 */
public final class LeversModel {

    private final ScenarioViewModel vm;
    private final ObservableList<LeverRow> rows = FXCollections.observableArrayList();
    private final ObservableList<LeverRow> rowsView = FXCollections.unmodifiableObservableList(rows);

    LeversModel(ScenarioViewModel vm) {
        this.vm = vm;
    }

    /** The levers, in the order they are applied. */
    public ObservableList<LeverRow> rows() {
        return rowsView; // one wrapper: listeners on it stay
    }

    /** What "+ Lever" offers. */
    public List<String> kinds() {
        return LeverKinds.ALL;
    }

    /** Adds a lever of {@code kind} with a moderate starting value, applied after the existing ones. */
    public void add(String kind) {
        Scenario s = vm.scenario();
        RequestType first = s.workload().requestTypes().isEmpty()
                ? null
                : s.workload().requestTypes().get(0);
        LeverEntry entry;
        try {
            String id = kind.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-") + "-"
                    + (s.levers().size() + 1);
            entry = new LeverEntry(id, kind, true, List.of(), null, LeverKinds.create(kind, first, vm.catalog()));
        } catch (IllegalArgumentException e) {
            vm.results().status(e.getMessage());
            return;
        }
        List<LeverEntry> list = new ArrayList<>(s.levers());
        list.add(entry);
        vm.set(s.withLevers(list));
        rebuild();
        vm.recompute();
    }

    /** Removes the last lever of the stack (nothing when there is none). */
    public void removeLast() {
        List<LeverEntry> list = vm.scenario().levers();
        if (list.isEmpty()) {
            return;
        }
        vm.set(vm.scenario().withLevers(list.subList(0, list.size() - 1)));
        rebuild();
        vm.recompute();
    }

    /** One row per lever of the open scenario. */
    void rebuild() {
        List<LeverRow> list = new ArrayList<>();
        for (LeverEntry e : vm.scenario().levers()) {
            LeverRow row = new LeverRow(e);
            row.enabledProperty().addListener((o, a, b) -> vm.edit(s -> s.withEnabled(row.id(), b)));
            row.valueProperty()
                    .addListener((o, a, b) -> vm.edit(s -> s.mapLever(row.id(), x -> {
                        Knob k = Knob.of(x.lever());
                        return k == null
                                ? x
                                : new LeverEntry(
                                        x.id(),
                                        x.label(),
                                        x.enabled(),
                                        x.appliesTo(),
                                        x.note(),
                                        k.set().apply(b.doubleValue()));
                    })));
            if (row.takesExplicitCache()) {
                row.ttlHoursProperty().addListener(x -> explicitCache(row));
                row.requestsPerHourProperty().addListener(x -> explicitCache(row));
            }
            list.add(row);
        }
        rows.setAll(list);
    }

    /** The TTL or request rate typed under a caching lever: into the scenario, or an error under the lever. */
    private void explicitCache(LeverRow row) {
        BigDecimal ttl;
        BigDecimal perHour;
        try {
            ttl = number(row.ttlHoursProperty().get(), "The cache TTL");
            perHour = number(row.requestsPerHourProperty().get(), "The requests per hour");
        } catch (IllegalArgumentException e) {
            row.showError(e.getMessage());
            return;
        }
        vm.edit(s -> s.mapLever(
                row.id(),
                x -> x.lever() instanceof Lever.PromptCaching c
                        ? x.withLever(new Lever.PromptCaching(c.hitRate(), c.ttl(), ttl, perHour))
                        : x));
    }

    /** A positive number typed, or null when blank (the default). */
    private static BigDecimal number(String typed, String what) {
        String t = typed == null ? "" : typed.strip().replace(',', '.');
        if (t.isEmpty()) {
            return null;
        }
        try {
            BigDecimal v = new BigDecimal(t);
            if (v.signum() > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // falls through to the message
        }
        throw new IllegalArgumentException(what + " must be a number above 0, e.g. 1 or 0.5; got '" + typed.strip()
                + "'. Leave it empty for the " + "default.");
    }

    void showSteps(Waterfall w) {
        for (LeverRow row : rows) {
            WaterfallStep step = w.steps().stream()
                    .filter(s -> s.leverId().equals(row.id()))
                    .findFirst()
                    .orElse(null);
            row.showStep(Figures.step(step), step == null ? "" : String.join("\n", step.notes()));
        }
    }

    void showErrors(Map<Integer, String> errors) {
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).showError(errors.get(i));
        }
    }
}
