// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tools;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.CostRow;
import dev.costbench.model.cost.PromptCostTable;
import dev.costbench.model.cost.PromptOptions;
import dev.costbench.model.prompt.ModelTokenCounter;
import dev.costbench.model.prompt.TextStats;
import dev.costbench.model.prompt.TokenCount;
import java.util.ArrayList;
import java.util.List;

/**
 * The cost table of a prompt sent with tools: each model's input is the prompt's tokens plus the tokens the tools add
 * on that model ({@link ToolTokenCounter}). Providers put the tools before the system prompt, so when the prompt's
 * prefix is served from the cache the tools are part of the cached prefix.
 */
public final class ToolsCostTable {

    private ToolsCostTable() {}

    /** As {@link PromptCostTable#compute(List, List, int, PromptOptions, BillingOptions)} with {@code tools} added. */
    public static List<CostRow> compute(
            List<ModelEntry> models,
            List<TextStats> messages,
            int prefixCount,
            PromptOptions options,
            BillingOptions billing,
            ToolSet tools,
            ToolChoice choice) {
        if (tools.isEmpty()) {
            return PromptCostTable.compute(models, messages, prefixCount, options, billing);
        }
        List<CostRow> rows = new ArrayList<>(models.size());
        for (ModelEntry m : models) {
            ToolsCount t = ToolTokenCounter.count(m, tools, choice);
            TokenCount prompt = ModelTokenCounter.count(m, messages);
            long cached = options.cachedPrefix()
                    ? t.tokens()
                            + (prefixCount > 0
                                    ? ModelTokenCounter.count(m, messages, prefixCount, false)
                                            .tokens()
                                    : 0)
                    : 0;
            TokenCount input = plus(prompt, t);
            rows.add(PromptCostTable.row(m, input, Math.min(cached, input.tokens()), options, billing));
        }
        return rows;
    }

    /** A prompt count with the tools' count added; exact only when both are. */
    public static TokenCount plus(TokenCount prompt, ToolsCount tools) {
        if (tools.perTool().isEmpty()) {
            return prompt;
        }
        return new TokenCount(
                prompt.tokens() + tools.tokens(),
                prompt.exact() && tools.exact(),
                prompt.method() + "; tools: " + tools.tokens() + " tokens, " + tools.method());
    }
}
