// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import java.util.List;

/** Thrown by {@link ScenarioEngine#compute} when {@link ScenarioEngine#validate} finds errors. */
public final class InvalidScenarioException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;
    private final transient List<FieldError> errors;

    public InvalidScenarioException(List<FieldError> errors) {
        super(
                errors.isEmpty()
                        ? "invalid scenario"
                        : errors.get(0) + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
