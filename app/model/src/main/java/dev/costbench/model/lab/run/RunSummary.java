// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import dev.costbench.model.lab.ExperimentStatus;
import dev.costbench.model.lab.LabStore;
import dev.costbench.model.lab.Trial;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The results of an experiment per variant × model, and each variant against the baseline on each model.
 *
 * @param method how the figures were computed (e.g. "simple means; no intervals"), for the reader
 */
public record RunSummary(
        long experimentId,
        String name,
        ExperimentStatus status,
        List<Row> rows,
        List<Comparison> comparisons,
        String method) {

    public RunSummary {
        rows = List.copyOf(rows);
        comparisons = List.copyOf(comparisons);
    }

    /** The summary of a stored experiment. */
    public static RunSummary of(LabStore store, long experimentId, SummaryStatistics stats) {
        return of(store, experimentId, stats, UnaryOperator.identity());
    }

    /** The summary of a stored experiment, its trials' costs as {@code prices} gives them (e.g. at your rates). */
    public static RunSummary of(
            LabStore store, long experimentId, SummaryStatistics stats, UnaryOperator<List<Trial>> prices) {
        return stats.summarize(
                store.loadExperiment(experimentId),
                store.variants(experimentId),
                store.inputs(experimentId),
                prices.apply(store.trials(experimentId)));
    }

    /**
     * One variant on one model.
     *
     * @param trials           successful trials (real calls and reused answers)
     * @param failed           trials that ended in an error
     * @param cached           successful trials answered from the response cache
     * @param meanCostUsd      mean cost of a call over the successful trials with a price, or null
     * @param totalCostUsd     what the real calls cost (reused answers cost nothing), or null without a price
     * @param p50LatencyMs     median latency of the real successful calls, or null
     * @param meanInputTokens  mean input tokens (cached included) of the successful trials, or null
     * @param meanOutputTokens mean billed output tokens (visible + reasoning), or null
     */
    public record Row(
            String variant,
            boolean baseline,
            String model,
            int trials,
            int failed,
            int cached,
            BigDecimal meanCostUsd,
            BigDecimal totalCostUsd,
            Long p50LatencyMs,
            Double meanInputTokens,
            Double meanOutputTokens) {}

    /**
     * A variant against the baseline on one model.
     *
     * @param savingPct         (baseline mean − variant mean) / baseline mean × 100; negative when dearer; null
     *                          when either has no priced trial
     * @param savingPctInterval the saving's confidence interval, or null when not computed
     * @param significant       whether the saving is significant, or null when not tested
     */
    public record Comparison(
            String model,
            String baseline,
            String variant,
            BigDecimal baselineMeanCostUsd,
            BigDecimal variantMeanCostUsd,
            Double savingPct,
            Interval savingPctInterval,
            Boolean significant) {}

    /** A confidence interval. */
    public record Interval(double low, double high, double level) {}
}
