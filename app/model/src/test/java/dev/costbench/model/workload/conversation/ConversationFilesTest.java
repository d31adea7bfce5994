// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.workload.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.ModelEntry;
import org.junit.jupiter.api.Test;

class ConversationFilesTest {

    private static final String HEAD = "{\"format\": \"costbench-conversation\", \"version\": 1, ";

    private static String refusal(String json) {
        return assertThrows(
                        ConversationFiles.ConversationFileException.class,
                        () -> ConversationFiles.fromJson(json, "chat.json"))
                .getMessage();
    }

    @Test
    void readsTurnsGivenAsTokensOrText() throws Exception {
        Conversation c = ConversationFiles.fromJson(
                HEAD + "\"name\": \"Mine\", \"model\": \"gpt-5\", \"system\": \"You are terse.\", \"tools\": 300,"
                        + " \"turnGapSeconds\": 20, \"summary\": {\"tokens\": 150, \"model\": \"gpt-5-nano\"},"
                        + " \"turns\": [{\"user\": \"Hello there\", \"assistant\": 40}, {\"user\": 5}]}",
                "chat.json");
        ModelEntry gpt5 = ConversationPricerTest.CATALOG.find("gpt-5").orElseThrow();
        assertEquals("Mine", c.name());
        assertEquals("gpt-5", c.modelId());
        assertEquals(2, c.turns().size());
        assertEquals(300, c.tools().on(gpt5));
        // "You are terse." is 4 o200k tokens, "Hello there" 2; each text is a message: + 3 (cookbook)
        assertEquals(7, c.system().on(gpt5));
        assertEquals(5, c.turns().get(0).user().on(gpt5));
        assertEquals(0, c.turns().get(1).assistant().on(gpt5), "a missing message is empty");
        assertEquals(20, c.turnGapSeconds());
        assertEquals(150, c.summaryTokens());
        assertEquals("gpt-5-nano", c.summarizerId());
    }

    @Test
    void generatesEqualTurns() throws Exception {
        Conversation c = ConversationFiles.fromJson(
                HEAD + "\"generate\": {\"turns\": 12, \"user\": 50, \"assistant\": 90}}", "chat.json");
        assertEquals(12, c.turns().size());
        assertEquals(Conversation.DEFAULT_TURN_GAP_SECONDS, c.turnGapSeconds());
        assertEquals(Conversation.DEFAULT_SUMMARY_TOKENS, c.summaryTokens());
        assertEquals(5, c.withTurns(5).turns().size());
        assertEquals(15, c.withTurns(15).turns().size(), "the last turn repeated");
    }

    @Test
    void theSamplesRead() throws Exception {
        for (String s : ConversationFiles.SAMPLES) {
            assertTrue(ConversationFiles.sample(s).turns().size() >= 20, s);
        }
        assertEquals(
                30, ConversationFiles.sample("support-chat-30-turns").turns().size());
    }

    @Test
    void refusesMalformedJsonWithWhereItBroke() {
        String m = refusal(HEAD + "\"turns\": [");
        assertTrue(m.startsWith("chat.json: not valid JSON at line 1"), m);
    }

    @Test
    void refusesAnUnknownVersionOrFormat() {
        String newer = refusal("{\"format\": \"costbench-conversation\", \"version\": 2, \"turns\": []}");
        assertTrue(newer.contains("version 2 was written for a newer CostBench"), newer);
        String other = refusal("{\"format\": \"costbench-prompt-workspace\", \"version\": 1}");
        assertTrue(other.contains("not a CostBench conversation"), other);
        String none = refusal("{\"format\": \"costbench-conversation\", \"turns\": []}");
        assertTrue(none.contains("\"version\" is missing"), none);
    }

    @Test
    void refusesBadFieldsNamingThem() {
        assertTrue(refusal(HEAD + "\"turns\": []}").contains("turns: expected a list of at least one"));
        assertTrue(refusal(HEAD + "\"name\": \"x\"}").contains("found neither"));
        assertTrue(refusal(HEAD + "\"turns\": [{\"user\": 1}], \"generate\": {\"turns\": 2, \"user\": 1, "
                        + "\"assistant\": 1}}")
                .contains("found both"));
        String neg = refusal(HEAD + "\"turns\": [{\"user\": -5, \"assistant\": 1}]}");
        assertTrue(neg.contains("turns[0].user"), neg);
        String unknown = refusal(HEAD + "\"turns\": [{\"user\": 1, \"asistant\": 1}]}");
        assertTrue(unknown.contains("turns[0].asistant: not a field of a conversation"), unknown);
        String kind = refusal(HEAD + "\"turns\": [{\"user\": true}]}");
        assertTrue(kind.contains("turns[0].user: expected tokens (a number) or the text itself"), kind);
        assertTrue(refusal(HEAD + "\"generate\": {\"turns\": 0, \"user\": 1, \"assistant\": 1}}")
                .contains("generate.turns: expected 1 to 10000 turns"));
    }

    @Test
    void strategiesParse() {
        assertEquals(Strategy.FULL, Strategy.parse("full"));
        assertEquals(Strategy.summarize(5), Strategy.parse(" Summarize:5 "));
        assertEquals("window:8", Strategy.parse("window:8").id());
        assertEquals("Summarize every 5 turns", Strategy.parse("summarize:5").label());
        String m = assertThrows(IllegalArgumentException.class, () -> Strategy.parse("window"))
                .getMessage();
        assertTrue(m.contains("window needs a number of turns, e.g. window:5"), m);
        assertThrows(IllegalArgumentException.class, () -> Strategy.parse("summarize:0"));
        assertThrows(IllegalArgumentException.class, () -> Strategy.parse("cache:3"));
        assertThrows(IllegalArgumentException.class, () -> Strategy.parse("rag"));
    }
}
