// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tools;

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

    /** The meter for {@code tools} priced as {@code p} says, most expensive first (the shared tokens last). */
    public static List<Row> rows(ToolPricing p, ToolSet tools) {
        ToolsCount count = p.count(tools);
        long total = p.promptTokens() + count.tokens();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < tools.size(); i++) {
            rows.add(row(p, tools.tools().get(i).name(), false, count.perTool().get(i), count.exact(), total));
        }
        rows.sort(Comparator.comparing(
                        (Row r) -> r.usdPerMonth() == null ? BigDecimal.ZERO : r.usdPerMonth(),
                        Comparator.reverseOrder())
                .thenComparing(Row::tokens, Comparator.reverseOrder()));
        if (count.shared() > 0) {
            rows.add(row(p, count.sharedLabel(), true, count.shared(), count.exact(), total));
        }
        return rows;
    }

    private static Row row(ToolPricing p, String name, boolean shared, long tokens, boolean exact, long total) {
        BigDecimal per = p.saving(total, tokens);
        return new Row(name, shared, tokens, exact, per, p.perMonth(per));
    }
}
