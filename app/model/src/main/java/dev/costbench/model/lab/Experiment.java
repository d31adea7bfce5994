// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A stored experiment. The planned trials are every variant × test input × model × repetition (1..{@code
 * repetitions}); see {@link LabStore#missingTrials(long)}.
 *
 * @param budgetCapUsd null when the run has no cap
 */
public record Experiment(
        long id,
        String name,
        Instant created,
        ExperimentStatus status,
        BigDecimal budgetCapUsd,
        int repetitions,
        ExperimentSettings settings,
        List<String> models) {

    public Experiment {
        models = List.copyOf(models);
    }
}
