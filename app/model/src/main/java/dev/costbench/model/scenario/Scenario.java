// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A what-if scenario: a workload, the models whose prices the user typed, and the lever stack in the order it is
 * applied. Immutable; a UI edits it through the {@code with…} copies and calls
 * {@link ScenarioEngine#compute(Scenario, dev.costbench.model.catalog.Catalog)} on every change.
 *
 * @param assumptions what the figures rest on, written out (shown in reports)
 * @param startMonth  the first of the twelve projected months, {@code YYYY-MM}; each month is priced at the catalog
 *                    prices of its first day. Null (files written before it existed): the current month
 */
public record Scenario(
        String name,
        String description,
        List<String> assumptions,
        Workload workload,
        List<CustomModel> customModels,
        List<LeverEntry> levers,
        String startMonth) {

    public Scenario {
        startMonth = startMonth == null || startMonth.isBlank()
                ? null
                : month(startMonth).toString();
        name = name == null ? "" : name;
        description = description == null ? "" : description;
        assumptions = assumptions == null ? List.of() : List.copyOf(assumptions);
        workload = workload == null ? new Workload(List.of(), null, 30) : workload;
        customModels = customModels == null ? List.of() : List.copyOf(customModels);
        levers = levers == null ? List.of() : List.copyOf(levers);
    }

    /** A scenario that starts in the current month. */
    public Scenario(
            String name,
            String description,
            List<String> assumptions,
            Workload workload,
            List<CustomModel> customModels,
            List<LeverEntry> levers) {
        this(name, description, assumptions, workload, customModels, levers, null);
    }

    private static YearMonth month(String s) {
        try {
            return YearMonth.parse(s.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "startMonth: '" + s + "' is not a month; write it as year-month, e.g. 2027-01", e);
        }
    }

    /** The first projected month: {@link #startMonth()}, or the current month of {@code clock} when it is not set. */
    public YearMonth firstMonth(Clock clock) {
        return startMonth == null ? YearMonth.now(clock) : YearMonth.parse(startMonth);
    }

    /** A copy starting in {@code month} (null: the current month). */
    public Scenario withStartMonth(YearMonth month) {
        return new Scenario(
                name,
                description,
                assumptions,
                workload,
                customModels,
                levers,
                month == null ? null : month.toString());
    }

    public static Scenario of(String name, Workload workload, List<CustomModel> custom, LeverEntry... levers) {
        return new Scenario(name, "", List.of(), workload, custom, List.of(levers));
    }

    public Scenario withName(String n) {
        return new Scenario(n, description, assumptions, workload, customModels, levers, startMonth);
    }

    public Scenario withWorkload(Workload w) {
        return new Scenario(name, description, assumptions, w, customModels, levers, startMonth);
    }

    public Scenario withLevers(List<LeverEntry> l) {
        return new Scenario(name, description, assumptions, workload, customModels, l, startMonth);
    }

    public Scenario withCustomModels(List<CustomModel> m) {
        return new Scenario(name, description, assumptions, workload, m, levers, startMonth);
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
