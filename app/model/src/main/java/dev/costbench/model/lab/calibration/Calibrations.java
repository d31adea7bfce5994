// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.calibration;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.prompt.TokenCount;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * The calibration in force: records exact counts into a {@link CalibrationRepository} and keeps the fit of all of
 * them up to date. The repository may come later (a store that opens in the background): until then nothing is
 * recorded and no correction applies; {@link #refresh()} reads it once it is there. Safe to use from several threads;
 * {@link #record}, {@link #refresh} and {@link #reset} read and write the repository, so call them off the UI thread.
 */
public final class Calibrations {

    private final Supplier<CalibrationRepository> repository;
    private volatile Calibration fitted = Calibration.NONE;

    /** Over a repository that is there now. */
    public Calibrations(CalibrationRepository repository) {
        this(() -> repository);
        Objects.requireNonNull(repository, "repository");
        refresh();
    }

    /** Over the repository as {@code repository} has it (null while there is none); call {@link #refresh()}. */
    public Calibrations(Supplier<CalibrationRepository> repository) {
        this.repository = Objects.requireNonNull(repository, "repository");
    }

    /** Whether there is a repository to record into and reset. */
    public boolean available() {
        return repository.get() != null;
    }

    /** Fits again from the repository's counts (no correction while there is no repository). */
    public synchronized void refresh() {
        CalibrationRepository r = repository.get();
        fitted = r == null ? Calibration.NONE : Calibration.fit(r.calibrationSamples());
    }

    /** The current fit. */
    public Calibration current() {
        return fitted;
    }

    /**
     * Keeps the provider's exact count of an input CostBench estimated as {@code estimate} on {@code model} — with,
     * for a Gemini model, the Gemma 3 tokenizer's estimate of the same input when it was counted — and refits;
     * nothing is kept when the estimate was exact (an open tokenizer needs no calibration) or either count is zero.
     * Returns whether it was kept.
     */
    public synchronized boolean record(
            ModelEntry model,
            String provider,
            TokenCount estimate,
            String kind,
            CalibrationSample.Source source,
            long actual,
            Instant time,
            OptionalLong gemma3Estimate) {
        CalibrationRepository r = repository.get();
        if (r == null || estimate.exact() || estimate.tokens() < 1 || actual < 1) {
            return false;
        }
        r.addCalibrationSample(new CalibrationSample(
                time,
                provider,
                model.id(),
                model.tokenizer(),
                kind,
                source,
                estimate.tokens(),
                actual,
                gemma3Estimate.orElse(0)));
        fitted = Calibration.fit(r.calibrationSamples());
        return true;
    }

    /** The estimate of an input of {@code kind} on {@code model}, calibrated when a correction applies. */
    public TokenCount calibrate(ModelEntry model, TokenCount estimate, String kind) {
        return fitted.apply(estimate, model.tokenizer(), kind);
    }

    /** Forgets one family's counts and refits; returns how many counts were forgotten (0 without a repository). */
    public synchronized int reset(String family) {
        CalibrationRepository r = repository.get();
        if (r == null) {
            return 0;
        }
        int n = r.resetCalibration(family);
        fitted = Calibration.fit(r.calibrationSamples());
        return n;
    }
}
