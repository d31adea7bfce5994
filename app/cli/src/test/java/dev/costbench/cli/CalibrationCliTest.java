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
                        act[i]));
            }
            store.addCalibrationSample(new CalibrationSample(
                    Instant.EPOCH, "gemini", "gemini-2.5-flash", "gemini", "cjk", Source.SEND, 40, 57));
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
