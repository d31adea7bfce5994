// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab;

import java.util.Objects;

/** One planned call of an experiment: a variant on an input with a model, the n-th time (1-based). */
public record TrialCell(long variantId, long inputId, String modelId, int repetition) {

    public TrialCell {
        Objects.requireNonNull(modelId, "modelId");
        if (repetition < 1) {
            throw new IllegalArgumentException("repetitions count from 1");
        }
    }
}
