// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import dev.costbench.model.lab.ExperimentStatus;
import java.math.BigDecimal;

/**
 * How a run ended.
 *
 * @param outcome         why it ended
 * @param status          the status written to the store: DONE when every cell has a successful trial;
 *                        CANCELLED after Cancel or the budget; INTERRUPTED when cells failed or the run failed (all
 *                        three resumable: {@code missingTrials} lists the cells left)
 * @param total           planned cells
 * @param done            cells with a successful trial
 * @param missing         cells without one (failed or never run)
 * @param calls           real API calls this run made (successful or not)
 * @param cached          answers reused from the response cache
 * @param failedAttempts  calls that ended in an error
 * @param spentUsd        the experiment's total spending
 * @param spentThisRunUsd this run's spending
 * @param budgetUsd       the cap, or null
 * @param lastError       the last failure, or null
 * @param message         one line for the user; at the budget it starts "stopped: the next call could cost up to
 *                        $X and $Y of the $Z budget remains"
 * @param budgetStop      why the run stopped at the budget (BUDGET_REACHED only; otherwise null)
 */
public record RunResult(
        long experimentId,
        Outcome outcome,
        ExperimentStatus status,
        long total,
        long done,
        long missing,
        int calls,
        int cached,
        int failedAttempts,
        BigDecimal spentUsd,
        BigDecimal spentThisRunUsd,
        BigDecimal budgetUsd,
        String lastError,
        String message,
        BudgetStop budgetStop) {

    /** Why a run ended. */
    public enum Outcome {
        /** Every planned cell has a successful trial. */
        COMPLETED,
        /** Every cell was tried, but some failed (after retries) or their provider could not be used. */
        INCOMPLETE,
        /** The next call's reservation did not fit in what was left of the budget cap ({@link BudgetStop}). */
        BUDGET_REACHED,
        /** The user cancelled. */
        CANCELLED,
        /** The run itself failed (the store could not record a trial); the message says why. */
        FAILED
    }

    public boolean completed() {
        return outcome == Outcome.COMPLETED;
    }
}
