// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a run will cost, as a range ({@link Estimator} says how each end is reckoned).
 *
 * @param calls          the calls the run will make (the cells still missing)
 * @param lowUsd         short answers (observed or expected lengths)
 * @param highUsd        every call hits its output cap
 * @param lines          per variant × model, in the spec's order
 * @param unpricedModels models without a catalog price (counted as $0)
 * @param budgetUsd      the cap, or null
 * @param alreadySpentUsd what the experiment spent before this run (zero for a new one)
 */
public record RunEstimate(
        int calls,
        BigDecimal lowUsd,
        BigDecimal highUsd,
        List<Line> lines,
        List<String> unpricedModels,
        BigDecimal budgetUsd,
        BigDecimal alreadySpentUsd) {

    public RunEstimate {
        lines = List.copyOf(lines);
        unpricedModels = List.copyOf(unpricedModels);
    }

    /** True when the high end would pass the cap: the run may stop at the budget before finishing. */
    public boolean mayHitBudget() {
        return budgetUsd != null && alreadySpentUsd.add(highUsd).compareTo(budgetUsd) > 0;
    }

    /** True when even the low end passes the cap: the run will almost surely stop at the budget. */
    public boolean likelyHitsBudget() {
        return budgetUsd != null && alreadySpentUsd.add(lowUsd).compareTo(budgetUsd) > 0;
    }

    /**
     * One variant on one model.
     *
     * @param inputTokensPerCall mean estimated input tokens per call
     * @param inputExact         true when every count was exact
     * @param lowUsd             null when the model has no price
     * @param highUsd            null when the model has no price
     */
    public record Line(
            String variant,
            String model,
            int calls,
            long inputTokensPerCall,
            boolean inputExact,
            long lowOutputTokens,
            long highOutputTokens,
            BigDecimal lowUsd,
            BigDecimal highUsd) {}
}
