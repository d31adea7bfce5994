// SPDX-License-Identifier: Apache-2.0
/**
 * Statistics of the A/B lab: what a results view shows for an experiment. Pure Java, no I/O.
 *
 * <p>Start at {@link dev.costbench.model.lab.stats.LabResults#analyze}: it gives per variant × model summaries
 * ({@link dev.costbench.model.lab.stats.VariantModelSummary}: trials, cost per call with intervals, tokens, latency,
 * estimate vs billed), quality ({@link dev.costbench.model.lab.stats.QualitySummary}: similarity to the baseline,
 * checks, ratings, judge scores), the paired or Welch comparison of each optimized variant with the baseline
 * ({@link dev.costbench.model.lab.stats.CostComparison}) and a
 * {@link dev.costbench.model.lab.stats.Verdict}. Before a run,
 * {@link dev.costbench.model.lab.stats.PowerAnalysis} says how many trials a difference needs;
 * {@link dev.costbench.model.lab.stats.WordDiff} diffs two outputs for the side-by-side view.
 *
 * <p>Money stays {@link java.math.BigDecimal} where it is a sum, a mean or a median of stored costs; spreads and
 * interval bounds are computed in {@code double} and rounded back to six significant digits
 * ({@link dev.costbench.model.lab.stats.UsdRounding}). The distribution functions are implemented in
 * {@link dev.costbench.model.lab.stats.Distributions}; bootstrap intervals are seeded and reproducible.
 */
package dev.costbench.model.lab.stats;
