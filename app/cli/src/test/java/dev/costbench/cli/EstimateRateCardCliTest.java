// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code estimate --rate-card on|off}: the user's negotiated rates as breakdown lines. */
class EstimateRateCardCliTest {

    @TempDir
    Path tmp;

    private Path data;

    @BeforeEach
    void isolateUserData() {
        data = tmp.resolve("data");
        System.setProperty("costbench.dataDir", data.toString());
    }

    @AfterEach
    void restore() {
        System.clearProperty("costbench.dataDir");
    }

    private void writeCard() throws Exception {
        Files.createDirectories(data);
        Files.writeString(data.resolve("rate-card.json"), """
                {"rateCardVersion": 1, "adjustments": [
                  {"label": "Azure OpenAI commitment", "provider": "openai", "models": "gpt-5*", "percent": -15}
                ]}
                """);
    }

    private static String[] args(String rateCard) {
        String line = "estimate --models gpt-5 --input-tokens 1000000 --output-tokens 1000000 --at 2026-12-07 --json";
        return (line + " --rate-card " + rateCard).split(" ");
    }

    @Test
    void onAddsTheRateCardLineAndAdjustsTheCost() throws Exception {
        writeCard();
        CliRun r = CliRun.of("", args("on"));
        assertEquals(0, r.code(), r.err());
        JsonNode row = new ObjectMapper().readTree(r.out()).get(0);
        // gpt-5: $1.25 + $10.00 list = $11.25; −15 % = −$1.6875 → $9.5625.
        assertEquals(
                0,
                new BigDecimal("9.5625")
                        .compareTo(new BigDecimal(row.get("costUsd").asText())),
                row.toString());
        JsonNode line = null;
        for (JsonNode l : row.get("breakdown")) {
            if (l.get("item").asText().startsWith("Rate card: ")) {
                line = l;
            }
        }
        assertTrue(line != null, row.toString());
        assertEquals(
                "Rate card: Azure OpenAI commitment −15 %", line.get("item").asText());
        assertEquals("RATE_CARD", line.get("status").asText());
        assertEquals(
                0,
                new BigDecimal("-1.6875")
                        .compareTo(new BigDecimal(line.get("usd").asText())));
    }

    @Test
    void offKeepsListPrices() throws Exception {
        writeCard();
        CliRun r = CliRun.of("", args("off"));
        assertEquals(0, r.code(), r.err());
        JsonNode row = new ObjectMapper().readTree(r.out()).get(0);
        assertEquals(
                0,
                new BigDecimal("11.25")
                        .compareTo(new BigDecimal(row.get("costUsd").asText())));
        for (JsonNode l : row.get("breakdown")) {
            assertTrue(!l.get("item").asText().startsWith("Rate card"), row.toString());
        }
    }

    @Test
    void aMissingOrBrokenCardExitsWithWhatToDo() throws Exception {
        CliRun missing = CliRun.of("", args("on"));
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("there is no rate card at"), missing.err());
        Files.createDirectories(data);
        Files.writeString(data.resolve("rate-card.json"), "{\"rateCardVersion\": 9, \"adjustments\": []}");
        CliRun broken = CliRun.of("", args("on"));
        assertEquals(2, broken.code());
        assertTrue(broken.err().contains("rate card version 9"), broken.err());
        assertTrue(broken.err().contains("--rate-card off"), broken.err());
        CliRun bad = CliRun.of("", args("maybe"));
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--rate-card must be on or off"), bad.err());
    }
}
