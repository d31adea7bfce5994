// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.cost;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.prompt.TokenCount;
import java.math.BigDecimal;
import java.util.List;

/** One model's line in the prompt cost table. */
public record CostRow(
        ModelEntry model,
        TokenCount input,
        long cachedTokens,
        long outputTokens,
        CostBreakdown breakdown,
        BigDecimal perRequest,
        BigDecimal per1000,
        BigDecimal perMonth) {

    /** Where this row's figures may mislead (input above the context window, …); see {@link CostWarnings}. */
    public List<String> warnings() {
        return breakdown.warnings();
    }

    public boolean complete() {
        return breakdown.complete();
    }
}
