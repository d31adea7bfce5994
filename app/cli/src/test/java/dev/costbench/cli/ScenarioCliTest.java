// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.costbench.model.scenario.ScenarioFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code costbench scenario list|report}, in the style of {@link CliTest}. */
class ScenarioCliTest extends UserDataTest {

    private int run(String... args) {
        return keep(CliRun.of("", args));
    }

    @Test
    void listShowsEverySample() throws Exception {
        assertEquals(0, run("scenario", "list"));
        assertTrue(out.startsWith("SAMPLE"), out);
        for (String name : ScenarioFiles.SAMPLES) {
            assertTrue(out.contains(name), name);
        }
        assertTrue(out.contains("$135,000.00") && out.contains("$4,680.00"), out);
        assertEquals(0, run("scenario", "list", "--json"));
        JsonNode arr = new ObjectMapper().readTree(out);
        assertEquals(ScenarioFiles.SAMPLES.size(), arr.size());
        assertEquals("seed003-video-moderation", arr.get(0).get("sample").asText());
        assertEquals("4680", arr.get(0).get("optimizedMonthlyUsd").asText());
    }

    @Test
    void reportTextOfABuiltInSample() {
        assertEquals(0, run("scenario", "report", "seed003-video-moderation"));
        assertTrue(out.contains("Baseline (naive)"), out);
        assertTrue(out.contains("Monthly: $135,000.00 → $4,680.00 (28.8× less)"), out);
        assertTrue(out.contains("$45,000.00") && out.contains("$9,360.00"), out);
        assertEquals("", err);
    }

    @Test
    void reportJson() throws Exception {
        assertEquals(0, run("scenario", "report", "seed000-support-tickets", "--format", "json"));
        JsonNode n = new ObjectMapper().readTree(out);
        assertEquals("41000", n.get("baselineMonthlyUsd").asText());
        assertEquals("5000", n.get("optimizedMonthlyUsd").asText());
        JsonNode steps = n.get("steps");
        assertEquals(3, steps.size());
        for (JsonNode st : steps) {
            for (String k : new String[] {"lever", "monthlyUsdAfter", "savingUsd"}) {
                assertTrue(st.get(k).isTextual(), k + " is a string");
            }
        }
        assertEquals("15500", steps.get(0).get("monthlyUsdAfter").asText());
        assertEquals("25500", steps.get(0).get("savingUsd").asText());
        assertEquals("Image cache, 85 % hit rate", steps.get(0).get("lever").asText());
    }

    @Test
    void reportCsvAndHtmlToAFile() throws Exception {
        assertEquals(0, run("scenario", "report", "seed001-prompt-caching", "--format=csv"));
        assertEquals(
                "step,lever,type,component,monthly_usd_after,saving_usd\n0,Baseline,,,2700,0\n"
                        + "1,\"Anthropic prompt caching, 95 % hit rate\",promptCaching,billing mode,425.25,2274.75\n"
                        + ",Optimized,,,425.25,2274.75\n",
                out);
        Path html = tmp.resolve("reports/seed003.html");
        assertEquals(
                0, run("scenario", "report", "seed003-video-moderation", "--format", "html", "--out", html.toString()));
        assertEquals("wrote " + html + "\n", out);
        String page = Files.readString(html);
        assertTrue(page.startsWith("<!DOCTYPE html>") && page.contains("<svg") && page.contains("<table>"), page);
    }

    @Test
    void reportOfAFileUsesTheUserCatalog() throws Exception {
        Path f = tmp.resolve("mine.json");
        ScenarioFiles.write(ScenarioFiles.sample("seed004-chatbot-basic").withName("Mine"), f);
        assertEquals(0, run("scenario", "report", f.toString(), "--format", "json"));
        assertEquals(
                "3162",
                new ObjectMapper().readTree(out).get("optimizedMonthlyUsd").asText());

        Files.createDirectories(data);
        Files.writeString(
                data.resolve("catalog.json"),
                "{\"models\":[{\"id\":\"gpt-4-turbo\",\"prices\":" + "{\"input\":5,\"output\":15}}]}");
        assertEquals(0, run("scenario", "report", f.toString(), "--format", "json"));
        assertEquals(
                "2100",
                new ObjectMapper().readTree(out).get("baselineMonthlyUsd").asText());
    }

    @Test
    void badInputExitsWithOneLine() throws Exception {
        assertEquals(2, run("scenario", "report", "nope"));
        assertEquals(
                "costbench: no such file or built-in sample: nope (costbench scenario list shows the samples)\n", err);
        assertEquals(2, run("scenario", "report", "seed003-video-moderation", "--format", "pdf"));
        assertEquals("costbench: unknown format 'pdf' (text, json, csv, html)\n", err);
        assertEquals(2, run("scenario"));
        assertEquals("costbench: scenario needs a subcommand: list, report\n", err);
        assertEquals(2, run("scenario", "report"));
        Path bad = tmp.resolve("bad.json");
        Files.writeString(
                bad,
                "{\"workload\": {\"requestTypes\": [{\"id\": \"chat\", \"model\": \"gpt-4o\", "
                        + "\"volume\": {\"amount\": 100}, \"text\": {\"user\": 100}}]}, \"levers\": [{\"type\": "
                        + "\"responseCache\", \"hitRate\": 1.2}]}");
        assertEquals(2, run("scenario", "report", bad.toString()));
        assertEquals(
                "costbench: bad.json: levers[0].hitRate: 1.2 is out of range (0 to 1, a share: 0 = 0 %, 1 = 100 %)\n",
                err);
        Files.writeString(bad, "{\"workload\": ");
        assertEquals(2, run("scenario", "report", bad.toString()));
        assertTrue(err.startsWith("costbench: bad.json: not valid JSON at line 1"), err);
        assertEquals(1, err.split("\n").length);
    }

    @Test
    void reportPrintsTheMonthsAndThePriceChangeWarnings() throws Exception {
        Path f = tmp.resolve("flash.json");
        Files.writeString(
                f,
                "{\"name\": \"Flash\", \"startMonth\": \"2026-11\", \"workload\": {\"requestTypes\": [{\"id\": \"chat\","
                        + " \"model\": \"gemini-3.8-flash\", \"volume\": {\"amount\": 1000000, \"per\": \"month\"},"
                        + " \"text\": {\"user\": 1000, \"output\": 100}}]}}");
        assertEquals(0, run("scenario", "report", f.toString(), "--format", "json"));
        JsonNode n = new ObjectMapper().readTree(out);
        assertEquals("1125", n.get("baselineMonthlyUsd").asText());
        assertEquals("24750", n.get("baselineYearlyUsd").asText());
        assertEquals("2026-11", n.get("startMonth").asText());
        assertEquals(12, n.get("months").size());
        assertEquals("2027-01", n.get("months").get(2).get("month").asText());
        assertEquals("2250", n.get("months").get(2).get("optimizedUsd").asText());
        assertTrue(
                n.get("warnings")
                        .get(0)
                        .asText()
                        .endsWith("from January 2027 this scenario costs $1,125.00 more " + "a month"),
                out);
        assertEquals(0, run("scenario", "report", f.toString()));
        assertTrue(out.lines().anyMatch(l -> l.matches(" +January 2027 +\\$2,250\\.00 +\\$2,250\\.00")), out);
        assertTrue(out.contains("Warning: Gemini 3.8 Flash: the introductory price ends on 2026-12-31"), out);
        assertEquals(0, run("scenario", "report", f.toString(), "--start-month", "2027-01", "--format", "json"));
        assertEquals(
                "2250",
                new ObjectMapper().readTree(out).get("baselineMonthlyUsd").asText());
        assertEquals(2, run("scenario", "report", f.toString(), "--start-month", "soon")); // a usage error
        assertTrue(err.contains("--start-month: 'soon' is not a month"), err);
    }

    /**
     * A conversation type (3 turns of 100 / 200 tokens, a 1,000-token system prompt on GPT-5 mini: $0.00225 a
     * conversation, FlowScenarioTest's example), heavy-tail users and a budget breached in month 3 at 50 % growth.
     */
    @Test
    void reportShowsConversationsHeavyTailUsersAndTheBudget() throws Exception {
        Path f = tmp.resolve("chat.json");
        Files.writeString(f, """
                {"name": "Chat", "startMonth": "2026-12", "workload": {
                  "requestTypes": [{"id": "chat", "name": "Support chat", "model": "gpt-5-mini",
                    "volume": {"amount": 1000, "monthlyGrowth": 0.5},
                    "conversation": {"turns": 3, "userTokens": 100, "assistantTokens": 200, "systemTokens": 1000}}],
                  "heavyTail": {"p50": 10, "p90": 40, "p99": 100, "planPrices": [0.10]},
                  "budget": {"monthlyUsd": 5}}}
                """);
        assertEquals(0, run("scenario", "report", f.toString(), "--format", "json"));
        JsonNode n = new ObjectMapper().readTree(out);
        assertEquals("2.25", n.get("baselineMonthlyUsd").asText());
        assertEquals("0.00225", n.at("/perUnit/0/optimizedUsd").asText());
        assertEquals("conversation", n.at("/perUnit/0/unit").asText());
        assertEquals("0.225", n.at("/heavyTail/p99PerUserUsd").asText());
        assertEquals("-0.125", n.at("/heavyTail/plans/0/p99MarginUsd").asText());
        assertEquals("2027-02", n.at("/budget/firstMonth").asText());
        assertEquals(0, run("scenario", "report", f.toString()));
        assertTrue(out.contains("Per conversation of “Support chat”: $0.00225 → $0.00225"), out);
        assertTrue(out.contains("p99 −$0.125 (loss); 7.0 % of users above break-even"), out);
        assertTrue(out.contains("Budget $5.00 a month: exceeded in February 2027 (month 3), at $5.06"), out);
        assertEquals("", err);
    }
}
