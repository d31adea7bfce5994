// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.lab.calibration.CalibrationSample.Source;
import dev.costbench.model.lab.calibration.Calibrations;
import dev.costbench.model.lab.calibration.ContentKinds;
import dev.costbench.model.lab.calibration.GeminiEstimator;
import dev.costbench.model.prompt.TokenCount;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.RequestEstimate;
import java.time.Instant;

/**
 * Keeps the exact counts the Prompt view learns (Count exactly, Send's reported usage, the token tax's counts) for
 * calibration, with CostBench's uncalibrated estimate of the same request (and for Gemini, the Gemma 3 tokenizer's
 * estimate when it is loaded). The calibration is given by the
 * composition root ({@link PromptFeature#useCalibration}); without one nothing is kept.
 */
final class CalibrationRecorder {

    private volatile Calibrations calibrations = new Calibrations(() -> null);

    void use(Calibrations c) {
        calibrations = c;
    }

    Calibrations calibrations() {
        return calibrations;
    }

    /** Keeps an exact count of {@code request} (off the UI thread: it writes to the store). */
    void counted(ModelEntry m, ChatRequest request, RequestEstimate est, long actual, Source source) {
        try {
            calibrations.record(
                    m,
                    m.provider(),
                    new TokenCount(est.inputTokens(), est.exact(), "estimate"),
                    ContentKinds.of(request),
                    source,
                    actual,
                    Instant.now(),
                    GeminiEstimator.gemma3Estimate(m, request, est.inputTokens()));
        } catch (RuntimeException e) {
            // Calibration is a by-product of the call: a store failure must not fail the call the user made.
            System.err.println("costbench: could not keep the token count for calibration: " + e.getMessage());
        }
    }

    /** Keeps the input a real call reported (its uncached, cache-read and cache-written tokens together). */
    void used(ModelEntry m, ChatRequest request, RequestEstimate est, CanonicalUsage u) {
        if (u != null) {
            long input = u.uncachedInput() + u.cacheRead() + u.cacheWrite5m() + u.cacheWrite1h();
            counted(m, request, est, input, Source.SEND);
        }
    }
}
