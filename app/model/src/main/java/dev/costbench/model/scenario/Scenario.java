// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A what-if scenario: a workload, the models whose prices the user typed, and the lever stack in the order it is
 * applied. Immutable; a UI edits it through the {@code with…} copies and calls
 * {@link ScenarioEngine#compute(Scenario, dev.costbench.model.catalog.Catalog)} on every change.
 *
 * @param assumptions what the figures rest on, written out (shown in reports)
 */
public record Scenario(
        String name,
        String description,
        List<String> assumptions,
        Workload workload,
        List<CustomModel> customModels,
        List<LeverEntry> levers) {

    public Scenario {
        name = name == null ? "" : name;
        description = description == null ? "" : description;
        assumptions = assumptions == null ? List.of() : List.copyOf(assumptions);
        workload = workload == null ? new Workload(List.of(), null, 30) : workload;
        customModels = customModels == null ? List.of() : List.copyOf(customModels);
        levers = levers == null ? List.of() : List.copyOf(levers);
    }

    public static Scenario of(String name, Workload workload, List<CustomModel> custom, LeverEntry... levers) {
        return new Scenario(name, "", List.of(), workload, custom, List.of(levers));
    }

    public Scenario withName(String n) {
        return new Scenario(n, description, assumptions, workload, customModels, levers);
    }

    public Scenario withWorkload(Workload w) {
        return new Scenario(name, description, assumptions, w, customModels, levers);
    }

    public Scenario withLevers(List<LeverEntry> l) {
        return new Scenario(name, description, assumptions, workload, customModels, l);
    }

    public Scenario withCustomModels(List<CustomModel> m) {
        return new Scenario(name, description, assumptions, workload, m, levers);
    }

    /** A copy with the lever {@code id} switched on or off. */
    public Scenario withEnabled(String id, boolean on) {
        return mapLever(id, e -> e.withEnabled(on));
    }

    /** A copy with the lever {@code id} changed by {@code f} (e.g. a slider moved). */
    public Scenario mapLever(String id, UnaryOperator<LeverEntry> f) {
        List<LeverEntry> out = new ArrayList<>();
        boolean found = false;
        for (LeverEntry e : levers) {
            if (e.id().equals(id)) {
                out.add(f.apply(e));
                found = true;
            } else {
                out.add(e);
            }
        }
        if (!found) {
            throw new IllegalArgumentException("no lever '" + id + "' in the scenario");
        }
        return withLevers(out);
    }

    /** A copy with every lever changed by {@code f}. */
    public Scenario mapLevers(UnaryOperator<LeverEntry> f) {
        List<LeverEntry> out = new ArrayList<>();
        for (LeverEntry e : levers) {
            out.add(f.apply(e));
        }
        return withLevers(out);
    }
}
