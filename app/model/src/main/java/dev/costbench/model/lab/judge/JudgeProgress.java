// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.judge;

import java.math.BigDecimal;

/**
 * A snapshot of a judging for a progress bar.
 *
 * @param total     outputs this judging set out to score
 * @param scored    outputs scored so far
 * @param failed    judge calls that gave no score (API errors, unreadable or out-of-scale answers)
 * @param inFlight  judge calls in flight now
 * @param spentUsd  everything the experiment's judge calls have cost, earlier judgings included
 * @param budgetUsd the judge's cap, or null
 * @param lastError the last failure, or null
 * @param finished  true once nothing runs any more
 */
public record JudgeProgress(
        int total,
        int scored,
        int failed,
        int inFlight,
        BigDecimal spentUsd,
        BigDecimal budgetUsd,
        String lastError,
        boolean finished) {

    /** Outputs done (scored or failed) of the total, between 0 and 1. */
    public double fraction() {
        return total == 0 ? 1 : Math.min(1, (double) (scored + failed) / total);
    }
}
