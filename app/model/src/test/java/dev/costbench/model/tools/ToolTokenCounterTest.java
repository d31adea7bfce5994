// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.tokens.Encoding;
import dev.costbench.model.tokens.Tokenizers;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ToolTokenCounterTest {

    /**
     * OpenAI's cookbook "How to count tokens with tiktoken", section 7, runs num_tokens_for_tools on its weather tool
     * and two messages and prints (with the API's own usage.prompt_tokens agreeing): 101 prompt tokens on gpt-4o and
     * gpt-4o-mini, 105 on gpt-4 and gpt-3.5-turbo. The messages part is the cookbook's num_tokens_from_messages: 3
     * per message, the role and content of each, 3 to prime the reply.
     */
    @ParameterizedTest
    @CsvSource({
        "gpt-4o, 101, O200K_BASE",
        "gpt-4o-mini, 101, O200K_BASE",
        "gpt-4, 105, CL100K_BASE",
        "gpt-3.5-turbo, 105, CL100K_BASE"
    })
    void openAiCountMatchesTheCookbooksPublishedTotals(String model, long cookbookTotal, Encoding enc) {
        String system = "You are a helpful assistant that can answer to questions about the weather.";
        String user = "What's the weather like in San Francisco?";
        long messages = 3
                + Tokenizers.count(enc, "system")
                + Tokenizers.count(enc, system)
                + 3
                + Tokenizers.count(enc, "user")
                + Tokenizers.count(enc, user)
                + 3;
        ToolsCount c = ToolTokenCounter.count(
                ToolFixtures.model(model), ToolsJson.parse(ToolFixtures.COOKBOOK_WEATHER), ToolChoice.AUTO);
        assertEquals(cookbookTotal, messages + c.tokens());
        assertTrue(c.exact());
        assertEquals(12, c.shared());
        assertTrue(c.method().startsWith("exact: "), c.method());
        assertFalse(c.method().contains("UNCONFIRMED"), c.method());
    }

    @Test
    void gpt5UsesTheGpt4oConstantsAndSaysSo() {
        ToolsCount five = ToolTokenCounter.count(
                ToolFixtures.model("gpt-5"), ToolsJson.parse(ToolFixtures.COOKBOOK_WEATHER), ToolChoice.AUTO);
        ToolsCount four = ToolTokenCounter.count(
                ToolFixtures.model("gpt-4o"), ToolsJson.parse(ToolFixtures.COOKBOOK_WEATHER), ToolChoice.AUTO);
        assertEquals(four.tokens(), five.tokens());
        assertTrue(five.method().contains("UNCONFIRMED"), five.method());
    }

    /** Anthropic's table "Tool use system prompt token count" (tool-use overview, Pricing). */
    @ParameterizedTest
    @CsvSource({
        "claude-opus-4-8, AUTO, 290", "claude-opus-4-8, ANY, 410", "claude-opus-4-7, NONE, 675",
        "claude-opus-4-7, TOOL, 804", "claude-sonnet-4-5, AUTO, 496", "claude-sonnet-4-5, ANY, 588",
        "claude-sonnet-4-6, AUTO, 497", "claude-haiku-4-5, TOOL, 588", "claude-sonnet-5, AUTO, 354",
        "claude-sonnet-5, ANY, 474", "claude-sonnet-4, AUTO, 313", "claude-opus-4-1, ANY, 315",
        "claude-3-5-haiku, ANY, 355", "claude-3-7-sonnet, AUTO, 346", "claude-3-opus, AUTO, 530",
        "claude-3-haiku, ANY, 340"
    })
    void anthropicAddsItsDocumentedToolUseSystemPrompt(String model, ToolChoice choice, long overhead) {
        ToolSet tools = ToolsJson.parse(ToolFixtures.ANTHROPIC_WEATHER);
        ToolsCount c = ToolTokenCounter.count(ToolFixtures.model(model), tools, choice);
        assertEquals(overhead, c.shared());
        assertEquals(c.perTool().get(0) + overhead, c.tokens());
        assertFalse(c.exact());
        assertTrue(c.method().contains("+ " + overhead + " tokens of tool-use system prompt"), c.method());
        assertFalse(c.method().contains("UNCONFIRMED"), c.method());
    }

    @Test
    void anthropicDefinitionsAreTheirJsonCountedLikeTheModelsText() {
        ToolSet tools = ToolsJson.parse(ToolFixtures.ANTHROPIC_WEATHER);
        String json = "{\"name\":\"get_weather\",\"description\":\"Get the current weather in a given location. "
                + "Use it for any weather question.\",\"input_schema\":{\"type\":\"object\",\"properties\":"
                + "{\"location\":{\"type\":\"string\",\"description\":\"The city and state, e.g. San Francisco, CA\"}},"
                + "\"required\":[\"location\"]}}";
        long cl100k = Tokenizers.count(Encoding.CL100K_BASE, json);
        assertEquals(
                List.of(cl100k),
                ToolTokenCounter.count(ToolFixtures.model("claude-sonnet-4-5"), tools, ToolChoice.AUTO)
                        .perTool());
        assertEquals(
                List.of((cl100k * 135 + 99) / 100),
                ToolTokenCounter.count(ToolFixtures.model("claude-opus-4-8"), tools, ToolChoice.AUTO)
                        .perTool());
    }

    @Test
    void unlistedClaudeModelIsLabelledUnconfirmed() {
        ToolsCount c = ToolTokenCounter.count(
                ToolFixtures.model("claude-opus-5"), ToolsJson.parse(ToolFixtures.ANTHROPIC_WEATHER), ToolChoice.AUTO);
        assertEquals(354, c.shared());
        assertTrue(c.method().contains("UNCONFIRMED"), c.method());
    }

    @Test
    void geminiIsALabelledCharacterEstimate() {
        ToolSet tools = ToolsJson.parse(ToolFixtures.GEMINI_LIGHTS);
        ToolsCount c = ToolTokenCounter.count(ToolFixtures.model("gemini-2.5-flash"), tools, ToolChoice.AUTO);
        long chars = tools.tools().get(0).stats().jsonCodePoints();
        assertEquals((chars + 3) / 4, c.tokens());
        assertEquals(0, c.shared());
        assertFalse(c.exact());
        assertTrue(c.method().startsWith("estimate: declarations as compact JSON, characters ÷ 4"), c.method());
    }

    @Test
    void noToolsAddNothing() {
        assertEquals(
                0,
                ToolTokenCounter.count(ToolFixtures.model("claude-sonnet-4-5"), ToolSet.EMPTY, ToolChoice.ANY)
                        .tokens());
    }
}
