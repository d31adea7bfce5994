// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import java.util.List;
import java.util.Objects;

/**
 * One lever in a scenario's stack, in order.
 *
 * @param id        stable key (validation errors and the UI's toggles refer to it)
 * @param label     shown in the waterfall; defaults to the lever's kind
 * @param enabled   off levers stay in the stack but are skipped
 * @param appliesTo request-type ids it acts on; empty means every request type
 * @param note      why, where the figure comes from
 * @param lever     the lever's parameters
 */
public record LeverEntry(String id, String label, Boolean enabled, List<String> appliesTo, String note, Lever lever) {

    public LeverEntry {
        Objects.requireNonNull(lever, "lever");
        id = id == null || id.isBlank() ? lever.getClass().getSimpleName() : id;
        label = label == null || label.isBlank() ? lever.kind() : label;
        enabled = enabled == null ? Boolean.TRUE : enabled;
        appliesTo = appliesTo == null ? List.of() : List.copyOf(appliesTo);
    }

    public static LeverEntry of(String id, String label, Lever lever, String... appliesTo) {
        return new LeverEntry(id, label, true, List.of(appliesTo), null, lever);
    }

    public LeverEntry withEnabled(boolean on) {
        return new LeverEntry(id, label, on, appliesTo, note, lever);
    }

    public LeverEntry withLever(Lever l) {
        return new LeverEntry(id, label, enabled, appliesTo, note, l);
    }

    public boolean appliesTo(String requestTypeId) {
        return appliesTo.isEmpty() || appliesTo.contains(requestTypeId);
    }
}
