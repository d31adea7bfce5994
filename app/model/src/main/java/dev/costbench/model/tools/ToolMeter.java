// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tools;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.CostBreakdown;
import dev.costbench.model.cost.CostEngine;
import dev.costbench.model.cost.PromptOptions;
import dev.costbench.model.cost.RequestShape;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The tool meter: what each tool definition costs on one model, per request and per month. A tool's dollars are the
 * difference between the request with all tools and the request without that tool's tokens (same prompt, output,
 * tier and date), so long-context and tier rules apply as they do to the whole request; the prompt cache is left
 * out (tools are priced at the uncached input rate).
 */
public final class ToolMeter {

    /**
     * One line of the meter.
     *
     * @param tool          the tool's name, or what the shared tokens are
     * @param shared        true for the tokens no single tool owns
     * @param tokens        the tokens it adds to every request
     * @param exact         false when the count is an estimate
     * @param usdPerRequest null when the model's prices cannot price it
     * @param usdPerMonth   {@code usdPerRequest} × requests per month; null when unpriced
     */
    public record Row(
            String tool,
            boolean shared,
            long tokens,
            boolean exact,
            BigDecimal usdPerRequest,
            BigDecimal usdPerMonth) {}

    private ToolMeter() {}

    /**
     * The meter for {@code tools} on {@code model}, most expensive first (the shared tokens last).
     *
     * @param promptTokens the request's input tokens without the tools
     */
    public static List<Row> rows(
            ModelEntry model,
            ToolSet tools,
            ToolChoice choice,
            long promptTokens,
            PromptOptions options,
            BillingOptions billing) {
        ToolsCount count = ToolTokenCounter.count(model, tools, choice);
        long total = promptTokens + count.tokens();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < tools.size(); i++) {
            long t = count.perTool().get(i);
            rows.add(row(tools.tools().get(i).name(), false, t, count.exact(), model, total, options, billing));
        }
        rows.sort(Comparator.comparing(
                        (Row r) -> r.usdPerMonth() == null ? BigDecimal.ZERO : r.usdPerMonth(),
                        Comparator.reverseOrder())
                .thenComparing(Row::tokens, Comparator.reverseOrder()));
        if (count.shared() > 0) {
            rows.add(row(count.sharedLabel(), true, count.shared(), count.exact(), model, total, options, billing));
        }
        return rows;
    }

    private static Row row(
            String name,
            boolean shared,
            long tokens,
            boolean exact,
            ModelEntry m,
            long total,
            PromptOptions o,
            BillingOptions b) {
        BigDecimal per = saving(m, total, tokens, o, b);
        return new Row(
                name,
                shared,
                tokens,
                exact,
                per,
                per == null ? null : per.multiply(BigDecimal.valueOf(o.monthlyRequests())));
    }

    /**
     * What a request of {@code total} input tokens saves per request when {@code removed} of them go; null when the
     * model cannot be fully priced.
     */
    static BigDecimal saving(ModelEntry m, long total, long removed, PromptOptions o, BillingOptions b) {
        CostBreakdown with = CostEngine.estimate(m, shape(total, o), b);
        CostBreakdown without = CostEngine.estimate(m, shape(Math.max(0, total - removed), o), b);
        if (!with.complete() || !without.complete()) {
            return null;
        }
        return with.total().subtract(without.total());
    }

    private static RequestShape shape(long input, PromptOptions o) {
        return new RequestShape(input, 0, 0, 0, o.outputTokens(), o.reasoningTokens());
    }
}
