// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import dev.costbench.model.tools.ToolsCount;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
     * How the tools were counted, one sentence per model (per variant and model where the variants' tools differ):
     * "Tools on gpt-4o: 1,234 tokens per call (exact: …)"; empty when no call carries tools.
     */
    public List<String> toolsSentences() {
        Map<String, Map<String, List<String>>> byModel = new LinkedHashMap<>();
        for (Line l : lines) {
            if (!l.toolsText().isEmpty()) {
                byModel.computeIfAbsent(l.model(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(l.toolsText(), k -> new ArrayList<>())
                        .add(l.variant());
            }
        }
        List<String> out = new ArrayList<>();
        byModel.forEach((model, texts) -> texts.forEach((text, variants) -> out.add("Tools on " + model
                + (texts.size() == 1 ? "" : " (" + String.join(", ", variants) + ")") + ": " + text)));
        return out;
    }

    /**
     * One variant on one model.
     *
     * @param inputTokensPerCall mean estimated input tokens per call
     * @param inputExact         true when every count was exact
     * @param lowUsd             null when the model has no price
     * @param highUsd            null when the model has no price
     * @param tools              the tokens the variant's tools add to each call on the model (in
     *                           {@code inputTokensPerCall}) and how they were counted; {@link ToolsCount#NONE}
     *                           without tools
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
            BigDecimal highUsd,
            ToolsCount tools) {

        /** "1,234 tokens per call (exact: …)", or "" without tools. */
        public String toolsText() {
            return tools.tokens() == 0
                    ? ""
                    : (tools.exact() ? "" : "≈") + String.format(Locale.ROOT, "%,d", tools.tokens())
                            + " tokens per call (" + tools.method() + ")";
        }
    }
}
