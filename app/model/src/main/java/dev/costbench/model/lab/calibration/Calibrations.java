// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.calibration;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.prompt.TokenCount;
import java.time.Instant;
import java.util.Objects;

/**
 * The calibration in force: records exact counts into a {@link CalibrationRepository} and keeps the fit of all of
 * them up to date. Safe to use from several threads.
 */
public final class Calibrations {

    private final CalibrationRepository repository;
    private volatile Calibration fitted;

    public Calibrations(CalibrationRepository repository) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.fitted = Calibration.fit(repository.calibrationSamples());
    }

    /** The current fit. */
    public Calibration current() {
        return fitted;
    }

    /**
     * Keeps the provider's exact count of an input CostBench estimated as {@code estimate} on {@code model} and
     * refits; nothing is kept when the estimate was exact (an open tokenizer needs no calibration) or either count is
     * zero. Returns whether it was kept.
     */
    public synchronized boolean record(
            ModelEntry model,
            String provider,
            TokenCount estimate,
            String kind,
            CalibrationSample.Source source,
            long actual,
            Instant time) {
        if (estimate.exact() || estimate.tokens() < 1 || actual < 1) {
            return false;
        }
        repository.addCalibrationSample(new CalibrationSample(
                time, provider, model.id(), model.tokenizer(), kind, source, estimate.tokens(), actual));
        fitted = Calibration.fit(repository.calibrationSamples());
        return true;
    }

    /** The estimate of an input of {@code kind} on {@code model}, calibrated when a correction applies. */
    public TokenCount calibrate(ModelEntry model, TokenCount estimate, String kind) {
        return fitted.apply(estimate, model.tokenizer(), kind);
    }

    /** Forgets one family's counts and refits; returns how many counts were forgotten. */
    public synchronized int reset(String family) {
        int n = repository.resetCalibration(family);
        fitted = Calibration.fit(repository.calibrationSamples());
        return n;
    }
}
