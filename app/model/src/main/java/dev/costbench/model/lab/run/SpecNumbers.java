// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.validation.JsonNumbers;
import dev.costbench.model.validation.NumberKind;
import java.util.Map;

/**
 * The declared kind of every number in an experiment file ({@code docs/reliability/numbers.md}). The test inputs'
 * variables are text for the prompt and are not checked; every other number must meet the size bound, and the
 * fields below their range.
 */
final class SpecNumbers {

    private static final Map<String, NumberKind> BY_KEY = Map.of(
            "repetitions", NumberKind.REPETITIONS,
            "budgetUsd", NumberKind.USD,
            "temperature", NumberKind.TEMPERATURE,
            "maxOutputTokens", NumberKind.TOKENS,
            "reasoningBudget", NumberKind.TOKENS,
            "expectedOutputTokens", NumberKind.TOKENS,
            "bytes", NumberKind.BYTES,
            "width", NumberKind.PIXELS,
            "height", NumberKind.PIXELS,
            "seconds", NumberKind.SECONDS);

    private SpecNumbers() {}

    /**
     * @throws dev.costbench.model.validation.NumberRefusedException the first number out of its size or range
     */
    static void require(ObjectNode root) {
        ObjectNode checked = root.deepCopy();
        checked.remove("inputs");
        // Strings are checked where they are read (budgetUsd may be "$0.50"); here only JSON numbers.
        JsonNumbers.check(
                        checked,
                        (path, key) ->
                                path.startsWith("checks") || path.startsWith("verdict") || path.startsWith("judge")
                                        ? null
                                        : BY_KEY.get(key),
                        false)
                .stream()
                .findFirst()
                .ifPresent(e -> {
                    throw e;
                });
    }
}
