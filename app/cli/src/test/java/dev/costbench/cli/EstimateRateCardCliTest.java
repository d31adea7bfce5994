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

/**
 * {@code estimate --rate-card on|off}: the user's negotiated rates as breakdown lines; {@code scenario report
 * --rate-card on|off}: a bill line, and the bill lines of the JSON report (explicit-cache storage).
 */
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

    // ---- scenario report --rate-card and the bill lines of its JSON -------------------------------------------

    /** 100,000 calls a month on Gemini 2.5 Flash, a 10,000-token system prompt cached explicitly (TTL 1 h). */
    private Path scenario() throws Exception {
        Path f = tmp.resolve("gemini.json");
        Files.writeString(f, """
                {"schemaVersion": 1, "name": "Gemini cache", "startMonth": "2026-12",
                 "workload": {"requestTypes": [{"id": "chat", "volume": {"amount": 100000, "per": "month"},
                   "model": "gemini-2.5-flash", "text": {"system": 10000, "user": 1000, "output": 200}}],
                   "daysPerMonth": 30},
                 "levers": [{"id": "c", "type": "promptCaching", "hitRate": 0.9, "ttlHours": 1}]}
                """);
        return f;
    }

    private static BigDecimal line(JsonNode bill, String id) {
        for (JsonNode l : bill) {
            if (l.get("id").asText().equals(id)) {
                return new BigDecimal(l.get("usd").asText());
            }
        }
        return null;
    }

    @Test
    void theJsonReportShowsTheStorageLine() throws Exception {
        CliRun r = CliRun.of("", "scenario", "report", scenario().toString(), "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode o = new ObjectMapper().readTree(r.out());
        // 10,000 tokens × 720 h × $1.00 per 1M tokens per hour.
        assertEquals(0, new BigDecimal("7.2").compareTo(line(o.get("optimizedBill"), "cache_storage")), r.out());
        assertEquals(
                "Explicit cache storage (per token-hour)",
                o.get("optimizedBill").findValues("line").stream()
                        .map(JsonNode::asText)
                        .filter(s -> s.startsWith("Explicit"))
                        .findFirst()
                        .orElse(""));
        assertTrue(o.get("steps").get(0).get("notes").toString().contains("break-even"), r.out());
        assertEquals(null, line(o.get("optimizedBill"), "rate_card"));
    }

    @Test
    void rateCardOnAddsItsLine() throws Exception {
        Files.createDirectories(data);
        Files.writeString(data.resolve("rate-card.json"), """
                {"rateCardVersion": 1, "adjustments": [
                  {"label": "Google commitment", "provider": "google", "percent": -10}
                ]}
                """);
        CliRun off =
                CliRun.of("", "scenario", "report", scenario().toString(), "--format", "json", "--rate-card", "off");
        CliRun on = CliRun.of("", "scenario", "report", scenario().toString(), "--format", "json", "--rate-card", "on");
        assertEquals(0, on.code(), on.err());
        JsonNode a = new ObjectMapper().readTree(off.out());
        JsonNode b = new ObjectMapper().readTree(on.out());
        BigDecimal list = new BigDecimal(a.get("optimizedMonthlyUsd").asText());
        BigDecimal rated = new BigDecimal(b.get("optimizedMonthlyUsd").asText());
        // −10 % of everything: the rate-card line is a tenth of the list bill.
        assertEquals(0, list.multiply(new BigDecimal("-0.1")).compareTo(line(b.get("optimizedBill"), "rate_card")));
        assertEquals(0, list.multiply(new BigDecimal("0.9")).compareTo(rated));
        CliRun text = CliRun.of("", "scenario", "report", scenario().toString(), "--rate-card", "on");
        assertTrue(text.out().contains("Rate card: your negotiated rates"), text.out());
    }

    @Test
    void aBadValueOrAMissingCardSaysWhatToDo() throws Exception {
        CliRun bad = CliRun.of("", "scenario", "report", scenario().toString(), "--rate-card", "yes");
        assertTrue(bad.code() != 0);
        assertTrue(bad.err().contains("--rate-card must be on or off"), bad.err());
        CliRun none = CliRun.of("", "scenario", "report", scenario().toString(), "--rate-card", "on");
        assertTrue(none.code() != 0);
        assertTrue(none.err().contains("create one in the workbench (Rates tab)"), none.err());
    }
}
