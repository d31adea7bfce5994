// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.cost;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.prompt.ModelTokenCounter;
import dev.costbench.model.prompt.TextStats;
import dev.costbench.model.prompt.TokenCount;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The cost of one prompt on every model: the table the Prompt view and {@code costbench estimate} show. */
public final class PromptCostTable {

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private PromptCostTable() {}

    /**
     * @param messages      per-message stats, in order (system, few-shot turns, user)
     * @param prefixCount   how many leading messages form the cacheable prefix (system + few-shot)
     */
    public static List<CostRow> compute(
            List<ModelEntry> models, List<TextStats> messages, int prefixCount, PromptOptions options) {
        return compute(models, messages, prefixCount, options, options.billing());
    }

    /**
     * As {@link #compute(List, List, int, PromptOptions)} billed with {@code billing} (service tier, date) instead
     * of {@code options.billing()}.
     */
    public static List<CostRow> compute(
            List<ModelEntry> models,
            List<TextStats> messages,
            int prefixCount,
            PromptOptions options,
            BillingOptions billing) {
        List<CostRow> rows = new ArrayList<>(models.size());
        for (ModelEntry m : models) {
            TokenCount input = ModelTokenCounter.count(m, messages);
            long cached = options.cachedPrefix() && prefixCount > 0
                    ? ModelTokenCounter.count(m, messages, prefixCount, false).tokens()
                    : 0;
            rows.add(row(m, input, Math.min(cached, input.tokens()), options, billing));
        }
        return rows;
    }

    /** Rows for a prompt size given directly (no counting): {@code costbench estimate --input-tokens}. */
    public static List<CostRow> computeGiven(
            List<ModelEntry> models, long inputTokens, long cachedTokens, PromptOptions options) {
        List<CostRow> rows = new ArrayList<>(models.size());
        for (ModelEntry m : models) {
            rows.add(row(m, TokenCount.given(inputTokens), cachedTokens, options));
        }
        return rows;
    }

    /**
     * As {@link #computeGiven(List, long, long, PromptOptions)} billed with {@code billing} (service tier, date)
     * instead of {@code options.billing()}.
     */
    public static List<CostRow> computeGiven(
            List<ModelEntry> models,
            long inputTokens,
            long cachedTokens,
            PromptOptions options,
            BillingOptions billing) {
        List<CostRow> rows = new ArrayList<>(models.size());
        for (ModelEntry m : models) {
            rows.add(row(m, TokenCount.given(inputTokens), cachedTokens, options, billing));
        }
        return rows;
    }

    public static CostRow row(ModelEntry m, TokenCount input, long cached, PromptOptions o) {
        return row(m, input, cached, o, o.billing());
    }

    /** One row billed with {@code billing} (service tier, date) instead of {@code o.billing()}. */
    public static CostRow row(ModelEntry m, TokenCount input, long cached, PromptOptions o, BillingOptions billing) {
        RequestShape shape = new RequestShape(input.tokens(), cached, 0, 0, o.outputTokens(), o.reasoningTokens());
        CostBreakdown b = CostEngine.estimate(m, shape, billing);
        BigDecimal per = b.total();
        return new CostRow(
                m,
                input,
                b.usage().cacheRead(),
                o.outputTokens(),
                b,
                per,
                per.multiply(THOUSAND),
                per.multiply(BigDecimal.valueOf(o.monthlyRequests())));
    }
}
