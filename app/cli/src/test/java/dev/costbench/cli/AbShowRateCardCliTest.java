// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.costbench.store.H2LabStore;
import java.math.BigDecimal;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code ab show ID --rate-card on|off}: the results' costs recomputed from the stored usage with the rate card. */
class AbShowRateCardCliTest extends UserDataTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void fill() throws Exception {
        try (H2LabStore store = H2LabStore.open(data)) {
            store.importExperiment(AbHistoryCommandTest.snapshot("tickets last week", 1000, 900));
        }
        Files.writeString(data.resolve("rate-card.json"), """
                {"rateCardVersion": 1, "adjustments": [
                  {"label": "OpenAI commit", "provider": "openai", "percent": -10}
                ]}
                """);
    }

    private int run(String... args) {
        return keep(CliRun.of("", args));
    }

    private static void assertUsd(String expected, JsonNode n) {
        assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(n.asText())), n.toString());
    }

    @Test
    void onRecomputesFromTheUsageWithTheCard() throws Exception {
        assertEquals(0, run("ab", "show", "1", "--json", "--rate-card", "on"), err);
        JsonNode r = JSON.readTree(out);
        assertEquals("on", r.get("rateCard").asText());
        assertEquals("your rates", r.get("prices").asText());
        JsonNode base = r.get("results").get(0);
        assertEquals("gpt-4o-mini", base.get("model").asText());
        // 8 calls, mean 1,025.5 tokens in and 100 out at gpt-4o-mini's $0.15 / $0.60 per 1M on 2026-11-01:
        // $0.000213825 a call at list price; −10 % = $0.0001924425; × 8 = $0.00153954.
        assertUsd("0.0001924425", base.get("meanCostUsd"));
        assertUsd("0.00153954", base.get("totalCostUsd"));
        // the cost per successful task of the baseline: both models' calls (the retired model stays at its stored
        // $0.0012255 a call: not in the catalog) ÷ 16 successes
        JsonNode perTask = r.get("costPerSuccessfulTask").get(0);
        assertUsd("0.0007089712500", perTask.get("costPerSuccessUsd"));
    }

    @Test
    void offIsTheDefaultAndShowsTheStoredListCosts() throws Exception {
        assertEquals(0, run("ab", "show", "1", "--json"), err);
        JsonNode r = JSON.readTree(out);
        assertEquals("off", r.get("rateCard").asText());
        assertEquals("list price", r.get("prices").asText());
        assertUsd("0.0012255", r.get("results").get(0).get("meanCostUsd"));
        assertEquals(0, run("ab", "show", "1", "--rate-card", "off", "--json"), err);
        assertUsd("0.0012255", JSON.readTree(out).get("results").get(0).get("meanCostUsd"));
    }

    @Test
    void theTextSaysTheCostsAreAtYourRates() {
        assertEquals(0, run("ab", "show", "1", "--rate-card", "on"), err);
        assertTrue(out.contains("at your rates (--rate-card on)"), out);
        assertEquals(2, run("ab", "show", "1", "--rate-card", "yes"));
        assertTrue(err.contains("--rate-card must be on or off"), err);
    }
}
