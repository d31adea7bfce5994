// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.stats;

import java.math.BigDecimal;

/**
 * One row of the results table: a variant on a model. Which trials enter which figure:
 * <ul>
 *   <li>counts: every trial; {@code cached} counts successful answers reused from the response cache;</li>
 *   <li>{@code costPerCall}: successful trials with a cost (cached ones only when
 *       {@link StatsOptions#includeCached}); a cost that left some line unpriced still counts
 *       ({@code incompleteCost} says how many);</li>
 *   <li>{@code billedTotalUsd}: the exact sum of the cost of every real call, failed ones included when the provider
 *       billed them, cached reuses excluded (they cost nothing);</li>
 *   <li>tokens: successful trials, as {@link dev.costbench.model.cost.CanonicalUsage} counts them: input is every
 *       input token (uncached, cache reads and cache writes), cached input is cache reads, output the visible output,
 *       reasoning the thinking tokens;</li>
 *   <li>latency and time to first token: real successful calls only, in milliseconds.</li>
 * </ul>
 *
 * @param variantId         the variant
 * @param variantName       its name
 * @param baseline          whether it is the experiment's baseline
 * @param modelId           the model
 * @param trials            all trials recorded for this variant and model
 * @param succeeded         successful ones
 * @param failed            failed ones
 * @param cached            successful answers reused from the response cache
 * @param unpriced          successful trials with no cost (the model has no price)
 * @param incompleteCost    successful trials whose cost left some line unpriced
 * @param costPerCall       cost per call
 * @param billedTotalUsd    money spent on these calls, exact
 * @param inputTokens       input tokens per call
 * @param cachedInputTokens cache-read input tokens per call
 * @param outputTokens      visible output tokens per call
 * @param reasoningTokens   reasoning tokens per call
 * @param latencyMs         latency in ms ({@link Descriptive#median} = p50, {@link Descriptive#p95})
 * @param ttftMs            time to first token in ms (streamed calls only)
 * @param estimate          the estimate against the billed cost
 */
public record VariantModelSummary(
        long variantId,
        String variantName,
        boolean baseline,
        String modelId,
        int trials,
        int succeeded,
        int failed,
        int cached,
        int unpriced,
        int incompleteCost,
        CostStats costPerCall,
        BigDecimal billedTotalUsd,
        Descriptive inputTokens,
        Descriptive cachedInputTokens,
        Descriptive outputTokens,
        Descriptive reasoningTokens,
        Descriptive latencyMs,
        Descriptive ttftMs,
        EstimateVsBilled estimate) {

    /** Mean cost per call, or null when no call was priced. */
    public BigDecimal meanCostUsd() {
        return costPerCall.meanUsd();
    }

    /** Median cost per call, or null. */
    public BigDecimal medianCostUsd() {
        return costPerCall.medianUsd();
    }

    /** Latency p50 in ms, NaN without latencies. */
    public double p50LatencyMs() {
        return latencyMs.median();
    }

    /** Latency p95 in ms, NaN without latencies. */
    public double p95LatencyMs() {
        return latencyMs.p95();
    }

    /** Time-to-first-token p50 in ms, NaN without streamed calls. */
    public double p50TtftMs() {
        return ttftMs.median();
    }
}
