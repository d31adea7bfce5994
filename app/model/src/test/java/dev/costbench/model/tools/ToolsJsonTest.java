// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ToolsJsonTest {

    @Test
    void readsOpenAiChatCompletionsTools() {
        ToolSet s = ToolsJson.parse(ToolFixtures.COOKBOOK_WEATHER);
        assertEquals(ToolFormat.OPENAI, s.format());
        assertEquals(1, s.size());
        ToolDefinition t = s.tools().get(0);
        assertEquals("get_current_weather", t.name());
        assertEquals("Get the current weather in a given location", t.description());
        assertEquals(2, t.parameters().get("properties").size());
    }

    @Test
    void readsOpenAiResponsesToolsAndKeepsBuiltIns() {
        ToolSet s = ToolsJson.parse("""
                [{"type": "function", "name": "get_weather", "description": "Weather.",
                  "parameters": {"type": "object", "properties": {"city": {"type": "string"}}}, "strict": true},
                 {"type": "web_search"}]""");
        assertEquals(ToolFormat.OPENAI, s.format());
        assertEquals(
                List.of("get_weather"),
                s.tools().stream().map(ToolDefinition::name).toList());
        assertEquals(1, s.builtIns().size());
    }

    @Test
    void readsAnthropicToolsAndKeepsServerTools() {
        ToolSet s = ToolsJson.parse(ToolFixtures.ANTHROPIC_WEATHER);
        assertEquals(ToolFormat.ANTHROPIC, s.format());
        assertEquals(1, s.size());
        assertEquals("get_weather", s.tools().get(0).name());
        assertEquals(1, s.builtIns().size());
    }

    @Test
    void readsGeminiToolsAndBareDeclarations() {
        ToolSet s = ToolsJson.parse(ToolFixtures.GEMINI_LIGHTS);
        assertEquals(ToolFormat.GEMINI, s.format());
        assertEquals("set_light_values", s.tools().get(0).name());
        assertEquals(1, s.builtIns().size());
        ToolSet bare = ToolsJson.parse("""
                {"functionDeclarations": [{"name": "a", "parameters": {"type": "OBJECT"}}, {"name": "b"}]}""");
        assertEquals(ToolFormat.GEMINI, bare.format());
        assertEquals(2, bare.size());
    }

    @Test
    void readsARequestBodyAndBlankText() {
        ToolSet s = ToolsJson.parse("{\"model\": \"gpt-5\", \"tools\": " + ToolFixtures.COOKBOOK_WEATHER + "}");
        assertEquals(1, s.size());
        assertTrue(ToolsJson.parse("  ").isEmpty());
        assertTrue(ToolsJson.parse("[]").isEmpty());
    }

    @Test
    void writesBackInTheSameShapeAndReadsItAgain() {
        for (String json :
                List.of(ToolFixtures.COOKBOOK_WEATHER, ToolFixtures.ANTHROPIC_WEATHER, ToolFixtures.GEMINI_LIGHTS)) {
            ToolSet s = ToolsJson.parse(json);
            assertEquals(s, ToolsJson.parse(s.toJson()));
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "[{\"type\": \"function\", \"function\": {\"description\": \"x\"}}]"
                        + "|Tool 1 (tools[0]): \"function.name\" is missing",
                "[{\"type\": \"function\", \"function\": {\"name\": \"a\"}}, {\"type\": \"function\", \"function\": "
                        + "{\"name\": \"b\", \"parameters\": \"none\"}}]"
                        + "|Tool 2 (tools[1]) (\"b\"): \"function.parameters\" must be a JSON schema object",
                "[{\"name\": \"a\", \"input_schema\": {\"type\": \"object\"}}, {\"name\": \"b\"}]"
                        + "|Tool 2 (tools[1]): \"input_schema\" is missing",
                "[{\"name\": \"a\", \"input_schema\": {}}, {\"type\": \"function\", \"function\": {\"name\": \"b\"}}]"
                        + "|Tool 2 (tools[1]) is in another provider's shape",
                "[{\"name\": \"a\", \"input_schema\": {}}, {\"name\": \"a\", \"input_schema\": {}}]"
                        + "|the name \"a\" is already used by tools[0]",
                "[{\"functionDeclarations\": [{\"name\": \"a\"}, {\"description\": \"no name\"}]}]"
                        + "|tools[0].functionDeclarations[1]): \"name\" is missing",
                "[{\"type\": \"function\", \"function\": {\"name\": \"a\", \"description\": 3}}]"
                        + "|\"function.description\" must be text, got number",
                "[\"get_weather\"]|Tool 1 (tools[0]) is the text \"get_weather\", not a tool definition",
                "{\"tools\": 5}|\"tools\" must be an array of tool definitions, got number",
                "{\"name\": \"x\"}|The JSON is an object, not a tools array",
                "[{\"type\": \"function\", \"function\": {\"name\": \"a\"}|The tools are not valid JSON"
            })
    void refusesMalformedToolsNamingTheToolAndField(String json, String expected) {
        ToolsFormatException e = assertThrows(ToolsFormatException.class, () -> ToolsJson.parse(json));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
