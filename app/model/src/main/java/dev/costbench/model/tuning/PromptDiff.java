// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tuning;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.CostBreakdown;
import dev.costbench.model.cost.CostEngine;
import dev.costbench.model.cost.RequestShape;
import dev.costbench.model.prompt.ModelTokenCounter;
import dev.costbench.model.prompt.TextStats;
import dev.costbench.model.prompt.TokenCount;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The token and input-cost change between a baseline prompt and an optimized one, per model, for cost gates in CI.
 * Each prompt is counted as one message (with the chat framing on OpenAI models) and priced as input only.
 */
public final class PromptDiff {

    /**
     * @param baselineUsd   input cost per request of the baseline; null when unpriced
     * @param increasePct   (optimized − baseline) ÷ baseline × 100; null when unpriced, or when the baseline costs
     *                      nothing and the optimized prompt costs something (an unbounded increase)
     * @param monthlyDelta  the cost change at the monthly volume; null when unpriced
     */
    public record Row(
            ModelEntry model,
            TokenCount baselineTokens,
            TokenCount optimizedTokens,
            BigDecimal baselineUsd,
            BigDecimal optimizedUsd,
            BigDecimal deltaUsd,
            BigDecimal increasePct,
            BigDecimal monthlyDelta) {

        public long deltaTokens() {
            return optimizedTokens.tokens() - baselineTokens.tokens();
        }

        public boolean priced() {
            return baselineUsd != null && optimizedUsd != null;
        }

        /** True when the cost grows by more than {@code maxIncreasePct} percent. */
        public boolean exceeds(BigDecimal maxIncreasePct) {
            if (!priced() || deltaUsd.signum() <= 0) {
                return false;
            }
            return increasePct == null || increasePct.compareTo(maxIncreasePct) > 0;
        }
    }

    private PromptDiff() {}

    public static List<Row> compare(
            List<ModelEntry> models, String baseline, String optimized, long monthlyRequests, BillingOptions billing) {
        TextStats a = TextStats.of(baseline);
        TextStats b = TextStats.of(optimized);
        List<Row> rows = new ArrayList<>();
        for (ModelEntry m : models) {
            TokenCount ta = ModelTokenCounter.count(m, List.of(a));
            TokenCount tb = ModelTokenCounter.count(m, List.of(b));
            BigDecimal ua = price(m, ta.tokens(), billing);
            BigDecimal ub = price(m, tb.tokens(), billing);
            BigDecimal delta = ua == null || ub == null ? null : ub.subtract(ua);
            BigDecimal pct = null;
            if (delta != null && ua.signum() != 0) {
                pct = delta.multiply(BigDecimal.valueOf(100)).divide(ua, MathContext.DECIMAL64);
            } else if (delta != null && delta.signum() == 0) {
                pct = BigDecimal.ZERO;
            }
            rows.add(new Row(
                    m,
                    ta,
                    tb,
                    ua,
                    ub,
                    delta,
                    pct,
                    delta == null ? null : delta.multiply(BigDecimal.valueOf(monthlyRequests))));
        }
        return rows;
    }

    private static BigDecimal price(ModelEntry m, long tokens, BillingOptions billing) {
        CostBreakdown b = CostEngine.estimate(m, RequestShape.of(tokens, 0), billing);
        return b.complete() ? b.total() : null;
    }
}
