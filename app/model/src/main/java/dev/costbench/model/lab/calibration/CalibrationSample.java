// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.calibration;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One input whose tokens CostBench estimated and the provider then counted exactly.
 *
 * @param time     when the provider answered
 * @param provider the API family that counted ("anthropic", "gemini", "openai")
 * @param model    the model id counted on
 * @param family   the tokenizer family (the catalog's tokenizer name: "claude", "claude-2026", "gemini", …)
 * @param kind     what the input was (see {@link ContentKinds})
 * @param source   where the actual count came from
 * @param estimate CostBench's uncalibrated estimate of the input tokens (at least 1)
 * @param actual   the provider's count of the same input (at least 1)
 * @param gemma3Estimate for a Gemini model, the same input estimated with the Gemma 3 tokenizer when it was loaded
 *                 (0: not counted), so that the two estimators can be compared ({@link GeminiEstimator})
 */
public record CalibrationSample(
        Instant time,
        String provider,
        String model,
        String family,
        String kind,
        Source source,
        long estimate,
        long actual,
        long gemma3Estimate) {

    /** Where an exact count came from. Stored as {@link #code()}. */
    public enum Source {
        /** The provider's counting endpoint (Count exactly). */
        COUNT,
        /** The usage a Send call reported. */
        SEND,
        /** The usage an A/B trial reported. */
        TRIAL;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The source for a stored code; an unknown code (a newer version's) reads as {@link #COUNT}. */
        public static Source fromCode(String code) {
            for (Source s : values()) {
                if (s.code().equals(code)) {
                    return s;
                }
            }
            return COUNT;
        }
    }

    public CalibrationSample {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        if (estimate < 1 || actual < 1) {
            throw new IllegalArgumentException(
                    "a calibration sample needs a positive estimate and count, got " + estimate + " and " + actual);
        }
        if (gemma3Estimate < 0) {
            throw new IllegalArgumentException("a Gemma 3 estimate cannot be negative, got " + gemma3Estimate);
        }
    }
}
