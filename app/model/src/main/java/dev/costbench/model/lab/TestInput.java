// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One test input: the values that fill a variant's {@code {{placeholders}}}. A prompt without placeholders still
 * needs one input (with no variables) for its trials to be planned.
 *
 * @param position  the order inputs were added in (0-based)
 * @param label     a short name (a ticket number, the CSV row), may be empty
 * @param variables placeholder name → value, in the order given
 */
public record TestInput(long id, long experimentId, int position, String label, Map<String, String> variables) {

    public TestInput {
        label = label == null ? "" : label;
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }
}
