// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code estimate --tools F}: the tools' tokens added to each model's input, with how they were counted. */
class EstimateToolsCliTest extends UserDataTest {

    /** OpenAI's cookbook weather tool: 56 tokens for the function and 12 closing the list on gpt-4o. */
    private static final String WEATHER = """
            [{"type": "function", "function": {"name": "get_current_weather",
              "description": "Get the current weather in a given location",
              "parameters": {"type": "object", "properties": {
                "location": {"type": "string", "description": "The city and state, e.g. San Francisco, CA"},
                "unit": {"type": "string", "description": "The unit of temperature to return",
                         "enum": ["celsius", "fahrenheit"]}}, "required": ["location"]}}}]
            """;

    @TempDir
    Path tmp;

    private String file(String name, String text) throws Exception {
        return Files.writeString(tmp.resolve(name), text).toString();
    }

    @Test
    void jsonAddsTheToolsTokensToEachModelsInput() throws Exception {
        String tools = file("tools.json", WEATHER);
        CliRun r = CliRun.of(
                "",
                "estimate",
                "--input-tokens",
                "1000",
                "--models",
                "gpt-4o,claude-sonnet-4-5",
                "--tools",
                tools,
                "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode rows = new ObjectMapper().readTree(r.out());
        JsonNode gpt = rows.get(0).get("model").asText().equals("gpt-4o") ? rows.get(0) : rows.get(1);
        JsonNode claude = gpt == rows.get(0) ? rows.get(1) : rows.get(0);
        assertEquals(1068, gpt.get("inputTokens").asLong());
        assertEquals(68, gpt.get("tools").get("tokens").asLong());
        assertEquals(1, gpt.get("tools").get("definitions").asInt());
        assertTrue(gpt.get("tools").get("exact").asBoolean());
        assertTrue(gpt.get("inputTokensExact").asBoolean());
        assertTrue(gpt.get("tools").get("line").asText().startsWith("Tools (1 definition): 68 tokens (exact: "));
        assertEquals(496, claude.get("tools").get("sharedTokens").asLong());
        assertFalse(claude.get("inputTokensExact").asBoolean());
        assertEquals(
                1000 + claude.get("tools").get("tokens").asLong(),
                claude.get("inputTokens").asLong());
    }

    @Test
    void textPrintsTheToolsLineAndTheToolChoiceChangesAnthropic() throws Exception {
        String tools = file("tools.json", WEATHER);
        CliRun auto = CliRun.of(
                "", "estimate", "--input-tokens", "1000", "--models", "gpt-4o,claude-opus-4-8", "--tools", tools);
        assertEquals(0, auto.code(), auto.err());
        assertTrue(
                auto.out()
                        .contains("Tools (1 definition): 68 tokens (exact: o200k_base with OpenAI's function "
                                + "formatting"),
                auto.out());
        assertTrue(auto.out().contains("+ 290 tokens of tool-use system prompt"), auto.out());
        CliRun any = CliRun.of(
                "",
                "estimate",
                "--input-tokens",
                "1000",
                "--models",
                "claude-opus-4-8",
                "--tools",
                tools,
                "--tool-choice",
                "any");
        assertTrue(any.out().contains("+ 410 tokens of tool-use system prompt"), any.out());
    }

    @Test
    void aBrokenToolsFileIsRefusedNamingTheToolAndField() throws Exception {
        String bad = file("bad.json", "[{\"type\": \"function\", \"function\": {\"description\": \"no name\"}}]");
        CliRun r = CliRun.of("", "estimate", "--input-tokens", "10", "--tools", bad);
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Tool 1 (tools[0]): \"function.name\" is missing"), r.err());
        CliRun choice = CliRun.of("", "estimate", "--input-tokens", "10", "--tool-choice", "any");
        assertEquals(2, choice.code());
        assertTrue(choice.err().contains("--tool-choice needs --tools F"), choice.err());
    }
}
