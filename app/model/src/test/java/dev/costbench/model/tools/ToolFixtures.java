// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tools;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.catalog.ModelEntry;

/** Tools JSON in each provider's documented shape, and catalog models. */
final class ToolFixtures {

    /** The tool of section 7 of OpenAI's cookbook "How to count tokens with tiktoken", as Chat Completions takes it. */
    static final String COOKBOOK_WEATHER = """
            [{"type": "function", "function": {
              "name": "get_current_weather",
              "description": "Get the current weather in a given location",
              "parameters": {"type": "object", "properties": {
                "location": {"type": "string", "description": "The city and state, e.g. San Francisco, CA"},
                "unit": {"type": "string", "description": "The unit of temperature to return",
                         "enum": ["celsius", "fahrenheit"]}},
              "required": ["location"]}}}]
            """;

    /** Anthropic's documented tool shape (Messages API, "tools"). */
    static final String ANTHROPIC_WEATHER = """
            [{"name": "get_weather",
              "description": "Get the current weather in a given location. Use it for any weather question.",
              "input_schema": {"type": "object", "properties": {
                "location": {"type": "string", "description": "The city and state, e.g. San Francisco, CA"}},
                "required": ["location"]}},
             {"type": "web_search_20250305", "name": "web_search", "max_uses": 5}]
            """;

    /** Gemini's documented shape (generateContent "tools" with functionDeclarations). */
    static final String GEMINI_LIGHTS = """
            [{"functionDeclarations": [
              {"name": "set_light_values", "description": "Sets the brightness and color temperature of a light.",
               "parameters": {"type": "object", "properties": {
                 "brightness": {"type": "integer", "description": "Light level from 0 to 100."},
                 "color_temp": {"type": "string", "enum": ["daylight", "cool", "warm"],
                                "description": "Color temperature of the light fixture."}},
                 "required": ["brightness", "color_temp"]}}]},
             {"googleSearch": {}}]
            """;

    private static Catalog catalog;

    private ToolFixtures() {}

    static synchronized ModelEntry model(String id) {
        if (catalog == null) {
            catalog = CatalogBuilder.builtIn();
        }
        return catalog.find(id).orElseThrow();
    }
}
