// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

/**
 * An input the engine refuses, for a message next to the field.
 *
 * @param field path of the field, e.g. {@code requestTypes[0].volume.amount} or {@code levers[2].hitRate}
 * @param message what is wrong, in words a user can act on
 */
public record FieldError(String field, String message) {
    @Override
    public String toString() {
        return field + ": " + message;
    }
}
