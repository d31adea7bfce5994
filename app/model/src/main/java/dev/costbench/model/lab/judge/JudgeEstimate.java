// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.judge;

import dev.costbench.model.cost.Money;
import java.math.BigDecimal;

/**
 * The cost of judging before it starts, as a range: low — the judge answers in about
 * {@link Judge#EXPECTED_ANSWER_TOKENS} tokens; high — every answer writes the judge's output cap. Before a run, the
 * outputs to judge are assumed as long as each variant's expected answer (low) or its cap (high).
 *
 * @param model   the judge model
 * @param calls   judge calls (outputs without a score)
 * @param lowUsd  the low end
 * @param highUsd the high end
 */
public record JudgeEstimate(String model, int calls, BigDecimal lowUsd, BigDecimal highUsd) {

    /** "judge $0.01 – $0.03 (18 calls to gpt-4o-mini)". */
    public String text() {
        return "judge " + Money.format(lowUsd) + " – " + Money.format(highUsd) + " (" + calls + " call"
                + (calls == 1 ? "" : "s") + " to " + model + ")";
    }
}
