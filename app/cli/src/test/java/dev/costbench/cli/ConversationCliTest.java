// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code costbench conversation}: the text tables, the JSON contract and the refusals of a bad file. */
class ConversationCliTest extends UserDataTest {

    private int run(String... args) {
        return keep(CliRun.of("", args));
    }

    @Test
    void seed001TextShowsEachStrategyWithItsSavingAndPayoffTurn() {
        assertEquals(
                0,
                run(
                        "conversation",
                        "seed001-20-turn-chat",
                        "--strategy",
                        "full",
                        "--strategy",
                        "summarize:15",
                        "--at",
                        "2026-12-01"));
        assertEquals("", err);
        assertTrue(
                out.startsWith("Seed 001: a 20-turn chat (about 4,000 tokens of history): 20 turns, 60 s apart;"), out);
        assertTrue(out.contains("Claude Sonnet 4.5 · Anthropic (claude-sonnet-4-5)"), out);
        assertTrue(out.matches("(?s).*Full history\\s+\\$0\\.1848\\s+-\\s+-\\s+4,000 tokens.*"), out);
        assertTrue(
                out.matches("(?s).*Summarize every 15 turns\\s+\\$0\\.1551\\s+\\$0\\.0297\\s+from turn 17\\s+1,200 "
                        + "tokens.*"),
                out);
        assertTrue(out.contains("summary made: $0.0123"), out);
        assertTrue(out.contains("TURN  INPUT  CACHED  WRITTEN  OUTPUT"), out);
    }

    @Test
    void jsonFollowsTheContract() throws Exception {
        assertEquals(
                0,
                run(
                        "conversation",
                        "seed001-20-turn-chat",
                        "--strategy",
                        "full,cache,window:5",
                        "--models",
                        "claude-sonnet-4-5,gpt-5",
                        "--turns",
                        "10",
                        "--at",
                        "2026-12-01",
                        "--json"));
        JsonNode n = new ObjectMapper().readTree(out);
        JsonNode s = n.get("strategies");
        assertEquals(6, s.size(), "three strategies on two models");
        assertEquals("full", s.get(0).get("strategy").asText());
        assertEquals("claude-sonnet-4-5", s.get(0).get("model").asText());
        assertEquals("gpt-5", s.get(3).get("model").asText());
        assertEquals("window:5", s.get(5).get("strategy").asText());
        JsonNode t1 = s.get(0).get("turns").get(0);
        assertEquals(10, s.get(0).get("turns").size());
        assertEquals(1, t1.get("turn").asInt());
        assertEquals(580, t1.get("inputTokens").asLong());
        assertEquals(0, t1.get("cachedTokens").asLong());
        assertEquals(120, t1.get("outputTokens").asLong());
        // 580 × $3 + 120 × $15 per 1M = $0.00354, as an exact decimal string
        assertEquals("0.00354", t1.get("costUsd").asText());
        assertEquals("0.00354", t1.get("cumulativeCostUsd").asText());
        assertTrue(s.get(0).get("totalCostUsd").isTextual());
        assertTrue(s.get(0).get("payoffTurn").isNull());
    }

    @Test
    void aBadFileSaysWhatIsWrongAndExits2() throws Exception {
        Path f = Files.writeString(
                tmp.resolve("chat.json"), "{\"format\": \"costbench-conversation\", \"version\": 7, \"turns\": []}");
        assertEquals(2, run("conversation", f.toString()));
        assertTrue(err.startsWith("costbench: "), err);
        assertTrue(err.contains("version 7 was written for a newer CostBench"), err);
        Path broken = Files.writeString(tmp.resolve("broken.json"), "{\"format\": ");
        assertEquals(2, run("conversation", broken.toString()));
        assertTrue(err.contains("not valid JSON"), err);
        assertEquals(2, run("conversation", tmp.resolve("missing.json").toString()));
        assertTrue(err.contains("missing.json"), err);
        assertEquals(2, run("conversation", "seed001-20-turn-chat", "--strategy", "sumarize:5"));
        assertTrue(err.contains("--strategy: unknown strategy 'sumarize:5'"), err);
        Path noModel = Files.writeString(
                tmp.resolve("nomodel.json"),
                "{\"format\": \"costbench-conversation\", \"version\": 1, \"generate\": {\"turns\": 3, \"user\": 5, "
                        + "\"assistant\": 5}}");
        assertEquals(2, run("conversation", noModel.toString()));
        assertTrue(err.contains("names no model: pick one with --models"), err);
    }
}
