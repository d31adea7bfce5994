// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.stats;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the results view shows for an experiment: one row per variant × model, the quality of each, and for
 * each optimized variant the comparison with the baseline and the verdict, per model and (with several models)
 * pooled over all of them.
 *
 * @param baselineVariantId the reference variant
 * @param summaries         per variant × model, variants in order, then models
 * @param quality           the quality of the same rows, in the same order
 * @param comparisons       per optimized variant: each model in order, then all models pooled (model null) when
 *                          there are several
 * @param thresholds        the thresholds the verdicts used
 * @param options           the options the statistics used
 */
public record ExperimentResults(
        long baselineVariantId,
        List<VariantModelSummary> summaries,
        List<QualitySummary> quality,
        List<Comparison> comparisons,
        VerdictThresholds thresholds,
        StatsOptions options) {

    public ExperimentResults {
        summaries = List.copyOf(summaries);
        quality = List.copyOf(quality);
        comparisons = List.copyOf(comparisons);
    }

    /**
     * An optimized variant against the baseline on one model (or all models, {@code modelId} null).
     *
     * @param optimizedVariantId the optimized variant
     * @param modelId            the model, or null for all models pooled
     * @param cost               the cost comparison
     * @param quality            the quality comparison on the thresholds' measure
     * @param verdict            the verdict
     * @param judge              the judge scores against the baseline's (paired on matching cells), or null when
     *                           either side has none
     */
    public record Comparison(
            long optimizedVariantId,
            String modelId,
            CostComparison cost,
            QualityComparison quality,
            Verdict verdict,
            MeanComparison judge) {

        /** A comparison without judge scores. */
        public Comparison(
                long optimizedVariantId,
                String modelId,
                CostComparison cost,
                QualityComparison quality,
                Verdict verdict) {
            this(optimizedVariantId, modelId, cost, quality, verdict, null);
        }
    }

    /** The summary row of a variant on a model. */
    public Optional<VariantModelSummary> summary(long variantId, String modelId) {
        return summaries.stream()
                .filter(s -> s.variantId() == variantId && s.modelId().equals(modelId))
                .findFirst();
    }

    /** The quality row of a variant on a model. */
    public Optional<QualitySummary> qualityOf(long variantId, String modelId) {
        return quality.stream()
                .filter(q -> q.variantId() == variantId && modelId.equals(q.modelId()))
                .findFirst();
    }

    /** The comparison of a variant with the baseline on a model, or pooled when {@code modelId} is null. */
    public Optional<Comparison> comparison(long optimizedVariantId, String modelId) {
        return comparisons.stream()
                .filter(c -> c.optimizedVariantId() == optimizedVariantId && Objects.equals(c.modelId(), modelId))
                .findFirst();
    }

    /**
     * The cheapest configuration (lowest mean cost per call) that holds the quality: a baseline row, or an optimized
     * row whose quality on the thresholds' measure is known and within the allowed drop against the baseline on the
     * same model. Empty when no row is priced.
     */
    public Optional<VariantModelSummary> cheapestHoldingQuality() {
        VariantModelSummary best = null;
        for (VariantModelSummary s : summaries) {
            BigDecimal mean = s.meanCostUsd();
            if (mean == null || !holdsQuality(s)) {
                continue;
            }
            if (best == null || mean.compareTo(best.meanCostUsd()) < 0) {
                best = s;
            }
        }
        return Optional.ofNullable(best);
    }

    private boolean holdsQuality(VariantModelSummary s) {
        if (s.variantId() == baselineVariantId) {
            return true;
        }
        return comparison(s.variantId(), s.modelId())
                .map(Comparison::quality)
                .filter(QualityComparison::available)
                .map(q -> !q.dropped(thresholds.maxQualityDropPercent()))
                .orElse(false);
    }
}
