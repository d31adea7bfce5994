// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * What {@link LabStore#createExperiment(NewExperiment)} needs; the store adds the id, the creation time and the
 * status {@link ExperimentStatus#DRAFT}.
 *
 * @param name         shown in the History view
 * @param budgetCapUsd the most the run may spend, in USD; null for no cap
 * @param repetitions  independent calls per variant × input × model (at least 1)
 * @param settings     request parameters and further settings
 * @param models       catalog model ids, in display order, no duplicates
 */
public record NewExperiment(
        String name, BigDecimal budgetCapUsd, int repetitions, ExperimentSettings settings, List<String> models) {

    public NewExperiment {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("an experiment needs a name");
        }
        if (budgetCapUsd != null && budgetCapUsd.signum() < 0) {
            throw new IllegalArgumentException("the budget cap must not be negative");
        }
        if (repetitions < 1) {
            throw new IllegalArgumentException("repetitions must be at least 1");
        }
        settings = settings == null ? ExperimentSettings.defaults() : settings;
        models = List.copyOf(models);
        if (new HashSet<>(models).size() != models.size()) {
            throw new IllegalArgumentException("a model is listed twice: " + models);
        }
    }
}
