// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.costbench.cli.term.Json;
import dev.costbench.model.lab.calibration.CalibrationSample;
import dev.costbench.model.lab.calibration.CalibrationSample.Source;
import dev.costbench.store.H2LabStore;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code costbench calibration}: the fitted corrections, as a table and as JSON, and --reset per family. */
class CalibrationCliTest extends UserDataTest {

    private void keepCounts() {
        long[] est = {100, 200, 300, 400, 500};
        long[] act = {110, 240, 300, 440, 650};
        try (H2LabStore store = H2LabStore.open(data)) {
            for (int i = 0; i < est.length; i++) {
                store.addCalibrationSample(new CalibrationSample(
                        Instant.EPOCH,
                        "anthropic",
                        "claude-haiku-4-5",
                        "claude",
                        "text",
                        Source.COUNT,
                        est[i],
                        act[i],
                        0));
            }
            store.addCalibrationSample(new CalibrationSample(
                    Instant.EPOCH, "gemini", "gemini-2.5-flash", "gemini", "cjk", Source.SEND, 40, 57, 0));
        }
    }

    @Test
    void withoutCountsItSaysHowToGetThem() {
        assertEquals(0, keep(CliRun.of("", "calibration")), err);
        assertTrue(out.contains("No exact counts kept yet"), out);
    }

    @Test
    void theTableShowsEveryFamilyAndKindWithItsFactorAndWhetherItApplies() {
        keepCounts();
        assertEquals(0, keep(CliRun.of("", "calibration")), err);
        assertTrue(out.contains("Claude (claude)"), out);
        assertTrue(out.matches("(?s).*text\\s+5\\s+1\\.135\\s+1\\.004–1\\.285\\s+14%\\s+yes.*"), out);
        assertTrue(out.contains("no (needs 5 counts)"), out);
    }

    @Test
    void geminiCountsSayWhichEstimatorGeminiUses() {
        keepCounts();
        assertEquals(0, keep(CliRun.of("", "calibration")), err);
        assertTrue(
                out.contains("Gemini estimate: characters ÷ 4 (compared with the Gemma 3 tokenizer from 5 Gemini counts"
                        + " made while it is loaded; 0 so far)."),
                out);
        // {countTokens, characters ÷ 4, Gemma 3}: the Gemma 3 tokenizer is off by less once each is corrected
        long[][] counts = {{100, 120, 98}, {250, 260, 255}, {80, 110, 82}, {400, 380, 396}, {60, 75, 61}};
        try (H2LabStore store = H2LabStore.open(data)) {
            for (long[] c : counts) {
                store.addCalibrationSample(new CalibrationSample(
                        Instant.EPOCH, "gemini", "gemini-2.5-flash", "gemini", "text", Source.COUNT, c[1], c[0], c[2]));
            }
        }
        assertEquals(0, keep(CliRun.of("", "calibration")), err);
        assertTrue(out.contains("Gemini (Gemma 3 estimate) (gemini/gemma3)"), out);
        assertTrue(
                out.contains(
                        "Gemini estimate: Gemma 3 tokenizer, 1.6 % median error on 5 counts (characters ÷ 4: 9.8 %)."),
                out);
    }

    @Test
    void jsonAndResetForgetOneFamily() throws Exception {
        keepCounts();
        assertEquals(0, keep(CliRun.of("", "calibration", "--json")), err);
        JsonNode all = Json.read(out);
        assertEquals(4, all.size(), "claude text, claude all, gemini cjk, gemini all");
        assertEquals("Claude", all.get(0).get("familyName").asText());
        assertEquals(1.135487, all.get(0).get("factor").asDouble(), 1e-6);
        assertEquals(0, keep(CliRun.of("", "calibration", "--reset", "claude")), err);
        assertTrue(out.contains("Forgot 5 exact counts of Claude"), out);
        assertEquals(0, keep(CliRun.of("", "calibration", "--json")), err);
        assertEquals(2, Json.read(out).size());
        assertEquals(2, keep(CliRun.of("", "calibration", "--reset", " ")));
        assertTrue(err.contains("--reset needs a tokenizer family"), err);
    }
}
