// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.batch;

import dev.costbench.model.lab.StoredBatch;
import java.time.Duration;
import java.util.List;

/**
 * What one round of polling found.
 *
 * @param batches    the batches polled, as the store now keeps them
 * @param collected  the trials recorded in this round (outcomes of batches that ended)
 * @param problems   one sentence per batch that could not be polled or collected, saying what to do; it is polled
 *                   again next round
 * @param retryAfter the longest wait a provider asked for before polling again, or null
 */
public record BatchRefresh(List<StoredBatch> batches, int collected, List<String> problems, Duration retryAfter) {

    public BatchRefresh {
        batches = List.copyOf(batches);
        problems = List.copyOf(problems);
    }

    /** True while some batch still has results to wait for or collect. */
    public boolean anyOpen() {
        return batches.stream().anyMatch(StoredBatch::open);
    }

    /** The wait before the next round: {@code interval}, or longer when a provider asked for it. */
    public Duration nextPoll(Duration interval) {
        return retryAfter == null || retryAfter.compareTo(interval) < 0 ? interval : retryAfter;
    }
}
