// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import java.math.BigDecimal;

/**
 * A snapshot of a run for a progress bar: {@code done} of {@code total} cells, the money spent, the last error.
 *
 * @param state           where the run stands
 * @param total           the experiment's planned cells (variants × inputs × models × repetitions)
 * @param done            cells with a successful trial, earlier sessions included
 * @param failedAttempts  calls of this run that ended in an error (retried ones included)
 * @param remaining       cells of this run not finished yet (queued or in flight)
 * @param inFlight        calls in flight now
 * @param cached          answers reused from the response cache in this run
 * @param spentUsd        what the experiment has spent, earlier sessions included (real billed cost)
 * @param spentThisRunUsd what this run has spent
 * @param reservedUsd     worst-case reservations of the calls in flight
 * @param budgetUsd       the cap, or null
 * @param lastError       the last failure's message ("gpt-4o-mini: OpenAI rate limit (429) …"), or null
 */
public record RunProgress(
        long experimentId,
        State state,
        long total,
        long done,
        int failedAttempts,
        int remaining,
        int inFlight,
        int cached,
        BigDecimal spentUsd,
        BigDecimal spentThisRunUsd,
        BigDecimal reservedUsd,
        BigDecimal budgetUsd,
        String lastError) {

    /** Where a run stands. */
    public enum State {
        /** Calls are being launched. */
        RUNNING,
        /** No new call is launched; calls in flight finish. */
        PAUSED,
        /** Cancelled, failed or at the budget: waiting for the calls in flight. */
        STOPPING,
        /** Nothing runs any more. */
        FINISHED
    }

    /** {@code done / total}, between 0 and 1. */
    public double fraction() {
        return total == 0 ? 1 : (double) done / total;
    }
}
