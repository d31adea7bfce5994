// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab;

import dev.costbench.model.provider.batch.BatchStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A batch just submitted, to keep with {@link BatchRepository#saveBatch}: the provider's answer to the submission and
 * which trial cell each of its requests is.
 *
 * @param experimentId the experiment whose cells it runs
 * @param status       the provider's answer to the submission (its batch id, state, counts, created, expires)
 * @param items        custom id → the trial cell it runs, in the order submitted
 * @param submittedAt  when CostBench submitted it
 */
public record NewBatch(long experimentId, BatchStatus status, Map<String, TrialCell> items, Instant submittedAt) {

    public NewBatch {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(submittedAt, "submittedAt");
        if (items == null || items.isEmpty()) {
            throw new IllegalArgumentException("a batch has at least one request");
        }
        items = new LinkedHashMap<>(items);
    }
}
