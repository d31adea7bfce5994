// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.judge;

import dev.costbench.model.lab.run.BudgetStop;
import dev.costbench.model.lab.run.RunResult;
import java.math.BigDecimal;

/**
 * How a judging ended.
 *
 * @param outcome         why it ended: COMPLETED (every output has a score), INCOMPLETE (every output was tried,
 *                        some have no score), BUDGET_REACHED (the judge's cap), CANCELLED, or FAILED (a refused
 *                        key, the store)
 * @param total           outputs it set out to score
 * @param scored          outputs it scored
 * @param failed          judge calls without a score
 * @param left            outputs still without a score by this judge (a later judging takes them)
 * @param spentThisRunUsd what this judging cost
 * @param judgeSpentUsd   what every judge call of the experiment has cost
 * @param message         one line for the user; at the cap it starts "stopped: the next judge call could cost up to
 *                        $X and $Y of the $Z judge budget remains"
 * @param budgetStop      why the judging stopped at its cap (BUDGET_REACHED only; otherwise null)
 */
public record JudgeResult(
        RunResult.Outcome outcome,
        int total,
        int scored,
        int failed,
        int left,
        BigDecimal spentThisRunUsd,
        BigDecimal judgeSpentUsd,
        String message,
        BudgetStop budgetStop) {}
