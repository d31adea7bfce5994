// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.lab.calibration.CalibrationRepository;
import dev.costbench.model.lab.calibration.CalibrationSample;
import dev.costbench.model.lab.calibration.ContentKinds;
import dev.costbench.model.lab.calibration.GeminiEstimator;
import dev.costbench.model.provider.ChatRequest;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps the input a single-call A/B trial reported, beside the run's estimate of it, for calibration. Only estimated
 * counts are kept (an exact tokenizer needs no correction), and not for requests with tool definitions (the run's
 * estimate counts them, the Prompt view's does not: their counts would not be alike). A Gemini trial also keeps the
 * Gemma 3 tokenizer's estimate when that tokenizer is loaded ({@link GeminiEstimator}).
 */
final class TrialCalibration {

    private TrialCalibration() {}

    static void keep(
            CalibrationRepository repo,
            Optional<ModelEntry> model,
            ChatRequest request,
            Estimator.CellEstimate estimate,
            CanonicalUsage usage,
            Instant at) {
        if (model.isEmpty() || usage == null || estimate.inputExact() || estimate.inputTokens() < 1) {
            return;
        }
        String kind = ContentKinds.of(request);
        long actual = usage.totalInput();
        if (ContentKinds.TOOLS.equals(kind) || actual < 1) {
            return;
        }
        ModelEntry m = model.get();
        try {
            repo.addCalibrationSample(new CalibrationSample(
                    at,
                    m.provider(),
                    m.id(),
                    m.tokenizer(),
                    kind,
                    CalibrationSample.Source.TRIAL,
                    estimate.inputTokens(),
                    actual,
                    GeminiEstimator.gemma3Estimate(m, request, estimate.inputTokens())
                            .orElse(0)));
        } catch (RuntimeException e) {
            // the trial is kept; calibration is a by-product that must not stop the run
        }
    }
}
