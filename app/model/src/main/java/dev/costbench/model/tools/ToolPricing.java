// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tools;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.CostBreakdown;
import dev.costbench.model.cost.CostEngine;
import dev.costbench.model.cost.PromptOptions;
import dev.costbench.model.cost.RequestShape;
import java.math.BigDecimal;

/**
 * Where the tool meter and the tool cuts are priced: one model, the request's tool choice, the prompt's own input
 * tokens (without the tools), its output and volume, and how it is billed.
 *
 * @param promptTokens the request's input tokens without the tools
 */
public record ToolPricing(
        ModelEntry model, ToolChoice choice, long promptTokens, PromptOptions options, BillingOptions billing) {

    /** The tokens {@code tools} add on this model. */
    public ToolsCount count(ToolSet tools) {
        return ToolTokenCounter.count(model, tools, choice);
    }

    /**
     * What a request of {@code total} input tokens saves per request when {@code removed} of them go: the request
     * with them minus the request without them (same output, tier and date, no prompt cache); null when the model
     * cannot be fully priced.
     */
    public BigDecimal saving(long total, long removed) {
        CostBreakdown with = CostEngine.estimate(model, shape(total), billing);
        CostBreakdown without = CostEngine.estimate(model, shape(Math.max(0, total - removed)), billing);
        if (!with.complete() || !without.complete()) {
            return null;
        }
        return with.total().subtract(without.total());
    }

    /** {@code perRequest} × the requests per month; null stays null. */
    public BigDecimal perMonth(BigDecimal perRequest) {
        return perRequest == null ? null : perRequest.multiply(BigDecimal.valueOf(options.monthlyRequests()));
    }

    private RequestShape shape(long input) {
        return new RequestShape(input, 0, 0, 0, options.outputTokens(), options.reasoningTokens());
    }
}
