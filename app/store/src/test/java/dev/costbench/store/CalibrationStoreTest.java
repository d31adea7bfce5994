// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.lab.calibration.CalibrationSample;
import dev.costbench.model.lab.calibration.CalibrationSample.Source;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The token counts kept for calibration (schema version 11): kept across opening, oldest first, reset per family. */
class CalibrationStoreTest {

    private static final Instant T = Instant.parse("2026-12-07T10:15:30.123456Z");

    @TempDir
    Path dir;

    @Test
    void countsAreKeptAcrossOpeningAndResetPerFamily() {
        CalibrationSample claude =
                new CalibrationSample(T, "anthropic", "claude-haiku-4-5", "claude", "code", Source.COUNT, 120, 131, 0);
        CalibrationSample gemini = new CalibrationSample(
                T.plusSeconds(1), "gemini", "gemini-2.5-flash", "gemini", "cjk", Source.SEND, 40, 57, 0);
        try (H2LabStore store = H2LabStore.open(dir)) {
            store.addCalibrationSample(claude);
            store.addCalibrationSample(gemini);
        }
        try (H2LabStore store = H2LabStore.open(dir)) {
            assertEquals(List.of(claude, gemini), store.calibrationSamples());
            assertEquals(1, store.resetCalibration("claude"));
            assertEquals(0, store.resetCalibration("claude"));
            assertEquals(List.of(gemini), store.calibrationSamples());
            assertTrue(store.calibrationSamples().stream()
                    .noneMatch(s -> s.family().equals("claude")));
        }
    }
}
