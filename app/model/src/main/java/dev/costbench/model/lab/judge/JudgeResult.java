// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.judge;

import java.math.BigDecimal;

/**
 * How a judging ended.
 *
 * @param outcome         why it ended
 * @param total           outputs it set out to score
 * @param scored          outputs it scored
 * @param failed          judge calls without a score
 * @param left            outputs still without a score by this judge (a later judging takes them)
 * @param spentThisRunUsd what this judging cost
 * @param judgeSpentUsd   what every judge call of the experiment has cost
 * @param message         one line for the user
 */
public record JudgeResult(Outcome outcome, int total, int scored, int failed, int left, BigDecimal spentThisRunUsd,
                          BigDecimal judgeSpentUsd, String message) {

    /** Why a judging ended. */
    public enum Outcome {
        /** Every output has a score. */
        COMPLETED,
        /** Every output was tried; some have no score. */
        INCOMPLETE,
        /** The next call's worst case would have passed the judge's cap. */
        BUDGET_REACHED,
        /** The user cancelled. */
        CANCELLED,
        /** The judging itself failed (the key was refused, the store failed). */
        FAILED
    }
}
