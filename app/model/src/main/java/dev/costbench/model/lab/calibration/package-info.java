// SPDX-License-Identifier: Apache-2.0
/**
 * Calibrated estimates for tokenizers that are not public (Claude, Gemini): every exact count a provider reports
 * (its counting endpoint, or the usage of a real call) is kept with CostBench's own estimate for the same input
 * ({@link dev.costbench.model.lab.calibration.CalibrationSample});
 * {@link dev.costbench.model.lab.calibration.Calibration} fits a correction factor with an interval per tokenizer
 * family and content kind and applies it to the next estimates once enough counts are known.
 */
package dev.costbench.model.lab.calibration;
