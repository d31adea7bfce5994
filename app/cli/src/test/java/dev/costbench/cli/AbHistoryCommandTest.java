// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.lab.ExperimentSettings;
import dev.costbench.model.lab.ExperimentSnapshot;
import dev.costbench.model.lab.ExperimentStatus;
import dev.costbench.model.lab.NewExperiment;
import dev.costbench.model.lab.NewTrial;
import dev.costbench.model.lab.NewVariant;
import dev.costbench.model.lab.TrialCell;
import dev.costbench.store.H2LabStore;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code costbench ab compare | reprice | import} on a store filled with known trials. */
class AbHistoryCommandTest extends UserDataTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void fill() {
        try (H2LabStore store = H2LabStore.open(data)) {
            store.importExperiment(snapshot("tickets last week", 1000, 900));
            store.importExperiment(snapshot("tickets today", 800, 600));
        }
    }

    /**
     * Baseline and optimized on gpt-4o-mini (in the catalog) and "retired-model-1" (not), 2 inputs, 4 repetitions.
     * Baseline input tokens {@code baseIn} + 10·rep, optimized half of it; 100 output tokens; priced at $1/$2 per
     * MTok (not today's prices).
     */
    static ExperimentSnapshot snapshot(String name, long baseIn, long latency) {
        List<String> models = List.of("gpt-4o-mini", "retired-model-1");
        NewExperiment spec = new NewExperiment(name, new BigDecimal("1.00"), 4, ExperimentSettings.defaults(), models);
        List<NewVariant> variants = List.of(
                new NewVariant("baseline", true, "{\"system\":\"long\"}"),
                new NewVariant("short", false, "{\"system\":\"short\"}"));
        List<ExperimentSnapshot.Input> inputs = List.of(
                new ExperimentSnapshot.Input("a", Map.of("t", "x")),
                new ExperimentSnapshot.Input("b", Map.of("t", "y")));
        List<NewTrial> trials = new ArrayList<>();
        Instant t0 = Instant.parse("2026-11-01T10:00:00Z");
        for (int rep = 1; rep <= 4; rep++) {
            for (int in = 0; in < 2; in++) {
                for (String m : models) {
                    for (int v = 0; v < 2; v++) {
                        long input = (baseIn + 10L * rep + in) / (v + 1);
                        CanonicalUsage u = new CanonicalUsage(input, 0, 0, 0, 100, 0);
                        BigDecimal cost = BigDecimal.valueOf(input + 200).movePointLeft(6);
                        Instant s = t0.plusSeconds(trials.size());
                        trials.add(new NewTrial(
                                0,
                                new TrialCell(v, in, m, rep),
                                "h" + trials.size(),
                                u,
                                cost,
                                true,
                                "{\"batch\":false,\"residency\":false}",
                                null,
                                latency + 10L * rep,
                                null,
                                "stop",
                                v == 0 ? "refund the duplicate charge today" : "refund duplicate charge",
                                null,
                                false,
                                s,
                                s.plusMillis(latency),
                                null,
                                null));
                    }
                }
            }
        }
        return new ExperimentSnapshot(spec, t0, ExperimentStatus.DONE, variants, inputs, trials);
    }

    private int run(String... args) {
        return keep(CliRun.of("", () -> null, args));
    }

    @Test
    void compareGivesTheChangePerVariantAndModelWithIntervals() throws Exception {
        assertEquals(0, run("ab", "compare", "1", "2", "--json"), err);
        JsonNode c = JSON.readTree(out);
        assertEquals(4, c.get("rows").size());
        JsonNode base = c.get("rows").get(0);
        assertEquals("baseline", base.get("variant").asText());
        JsonNode cost = base.get("costPerCallUsd");
        assertEquals(8, cost.get("nEarlier").asInt());
        // earlier mean input: 1000 + 25 + 0.5 = 1025.5 → cost (1025.5 + 200) / 1e6; later: 825.5 + 200
        assertEquals(0.0012255, cost.get("earlier").asDouble(), 1e-12);
        assertEquals(0.0010255, cost.get("later").asDouble(), 1e-12);
        assertEquals(-0.0002, cost.get("change").asDouble(), 1e-12);
        assertTrue(cost.get("significant").asBoolean());
        assertTrue(cost.get("changeCi").get("low").asDouble() < -0.0002
                && cost.get("changeCi").get("high").asDouble() > -0.0002);
        assertEquals("Welch t", cost.get("method").asText());
        assertEquals(-300, base.get("latencyP50Ms").get("change").asDouble(), 1e-9);

        assertEquals(0, run("ab", "compare", "1", "2"), err);
        assertTrue(out.contains("baseline · gpt-4o-mini"), out);
        assertTrue(out.contains("$ / call"), out);
        assertEquals(2, run("ab", "compare", "1"));
        assertEquals(2, run("ab", "compare", "1", "99"));
    }

    @Test
    void repriceNamesTheModelsNoLongerListedAndKeepsTheStoredCosts() throws Exception {
        assertEquals(0, run("ab", "reprice", "1", "--json"), err);
        JsonNode r = JSON.readTree(out);
        assertEquals(
                List.of("retired-model-1"),
                List.of(r.get("missingModels").get(0).asText()));
        JsonNode row = r.get("rows").get(0);
        assertEquals("gpt-4o-mini", row.get("model").asText());
        // gpt-4o-mini today: $0.15 in, $0.60 out per MTok; inputs 1010,1011,1020,1021,1030,1031,1040,1041 = 8204
        BigDecimal now = new BigDecimal("8204")
                .multiply(new BigDecimal("0.15"))
                .add(new BigDecimal("800").multiply(new BigDecimal("0.60")))
                .movePointLeft(6);
        assertEquals(0, now.compareTo(new BigDecimal(row.get("nowUsd").asText())), row.toString());
        assertEquals(
                0,
                new BigDecimal("0.009804")
                        .compareTo(new BigDecimal(row.get("thenUsd").asText())));
        JsonNode retired = r.get("rows").get(2);
        assertFalse(retired.get("inCatalog").asBoolean());
        assertTrue(retired.get("nowUsd").isNull());
        assertEquals(0, run("ab", "reprice", "1"), err);
        assertTrue(out.contains("no longer in the catalog") && out.contains("retired-model-1"), out);
        // the stored cost is unchanged
        assertEquals(0, run("ab", "show", "1", "--json"), err);
        assertEquals(
                0,
                new BigDecimal("0.0012255")
                        .compareTo(new BigDecimal(JSON.readTree(out)
                                .get("results")
                                .get(0)
                                .get("meanCostUsd")
                                .asText())));
    }

    @Test
    void repriceAtADateSaysWhichDayAndRefusesANonDate() throws Exception {
        assertEquals(0, run("ab", "reprice", "1", "--at", "2027-03-01", "--json"), err);
        assertEquals("2027-03-01", JSON.readTree(out).get("pricedAt").asText());
        assertEquals(0, run("ab", "reprice", "1", "--at", "2027-03-01"), err);
        assertTrue(out.contains("re-priced at the prices of 2027-03-01"), out);
        assertTrue(run("ab", "reprice", "1", "--at", "March") != 0);
        assertTrue(err.contains("--at must be a date YYYY-MM-DD"), err);
    }

    @Test
    void exportThenImportGivesTheSameSummary() throws Exception {
        Path f = tmp.resolve("one.json");
        assertEquals(0, run("ab", "export", "1", "--json", "--out", f.toString()), err);
        assertEquals(0, run("ab", "show", "1", "--json"), err);
        JsonNode before = JSON.readTree(out);
        assertEquals(0, run("ab", "import", f.toString()), err);
        assertTrue(out.contains("as experiment 3 (32 trials)"), out);
        assertEquals(0, run("ab", "show", "3", "--json"), err);
        JsonNode after = JSON.readTree(out);
        assertEquals(before.get("results"), after.get("results"));
        assertEquals(before.get("comparisons"), after.get("comparisons"));
        assertEquals(before.get("name"), after.get("name"));
    }

    @Test
    void aBrokenOrForeignFileImportsNothing() throws Exception {
        Path f = tmp.resolve("one.json");
        assertEquals(0, run("ab", "export", "1", "--json", "--out", f.toString()), err);
        String good = Files.readString(f);
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, good.replace("\"format\" : 1", "\"format\" : 7"));
        assertEquals(2, run("ab", "import", bad.toString()));
        assertTrue(err.contains("export format 7") && err.contains("reads format 1"), err);
        Files.writeString(bad, good.substring(0, good.length() / 2));
        assertEquals(2, run("ab", "import", bad.toString()));
        assertTrue(err.contains("not valid JSON"), err);
        Files.writeString(bad, good.replace("\"repetition\" : 4", "\"repetition\" : 9"));
        assertEquals(2, run("ab", "import", bad.toString()));
        assertTrue(err.contains("repetition 9 of 4"), err);
        Files.writeString(
                bad,
                good.replace(
                        "\"finishReason\" : \"stop\"",
                        "\"finishReason\" : \"sk-proj-abcdefghijklmnopqrstuvwxyz0123\""));
        assertEquals(2, run("ab", "import", bad.toString()));
        assertTrue(err.contains("shaped like an API key") && !err.contains("sk-proj-abc"), err);
        assertEquals(0, run("ab", "list", "--json"), err);
        assertEquals(2, JSON.readTree(out).size(), "nothing was imported");
    }
}
