// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab;

import dev.costbench.model.provider.batch.BatchStatus;
import java.time.Instant;

/**
 * A batch the store keeps: the provider's last report of it and how far its results have landed as trials.
 *
 * @param experimentId the experiment whose cells it runs
 * @param status       the provider's last report (state, counts, created, expires)
 * @param submittedAt  when CostBench submitted it
 * @param checkedAt    when CostBench last polled it (the submission at first)
 * @param requests     the requests in it
 * @param collected    the requests whose outcome is already recorded as a trial
 * @param ingested     true once every outcome has landed: nothing more to poll or collect
 */
public record StoredBatch(
        long experimentId,
        BatchStatus status,
        Instant submittedAt,
        Instant checkedAt,
        int requests,
        int collected,
        boolean ingested) {

    public String batchId() {
        return status.batchId();
    }

    /** True while the batch still has results to wait for or to collect. */
    public boolean open() {
        return !ingested;
    }
}
