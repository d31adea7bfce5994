// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.PromptOptions;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolMeterTest {

    private static final PromptOptions OPTIONS = new PromptOptions(500, 0, false, false, false, 100_000);
    private static final BillingOptions BILLING = new BillingOptions(false, false).at(LocalDate.of(2026, 12, 7));

    private static ToolPricing pricing(String model, long promptTokens) {
        return new ToolPricing(ToolFixtures.model(model), ToolChoice.AUTO, promptTokens, OPTIONS, BILLING);
    }

    /**
     * Worked example: the cookbook's weather tool on gpt-4o ($2.50 per 1M input tokens). By the cookbook's
     * formatting (o200k_base counts) the tool is 7 + 11 ("get_current_weather:Get the current weather in a given
     * location") + 3 + 2 × 3 + 14 ("location:string:The city and state, e.g. San Francisco, CA") + 8
     * ("unit:string:The unit of temperature to return") − 3 + 2 × 3 + 2 + 2 ("celsius", "fahrenheit") = 56 tokens,
     * plus 12 closing the list. 56 tokens cost 56 × 2.50 / 1,000,000 = $0.00014 per request, × 100,000 requests =
     * $14.00 a month; the 12 shared tokens $0.00003 and $3.00.
     */
    @Test
    void perToolDollarsPerRequestAndPerMonth() {
        ModelEntry gpt4o = ToolFixtures.model("gpt-4o");
        List<ToolMeter.Row> rows = ToolMeter.rows(
                new ToolPricing(gpt4o, ToolChoice.AUTO, 30, OPTIONS, BILLING),
                ToolsJson.parse(ToolFixtures.COOKBOOK_WEATHER));
        assertEquals(2, rows.size());
        ToolMeter.Row tool = rows.get(0);
        assertEquals("get_current_weather", tool.tool());
        assertEquals(56, tool.tokens());
        assertEquals(
                0,
                new BigDecimal("0.00014").compareTo(tool.usdPerRequest()),
                tool.usdPerRequest().toString());
        assertEquals(
                0,
                new BigDecimal("14").compareTo(tool.usdPerMonth()),
                tool.usdPerMonth().toString());
        ToolMeter.Row shared = rows.get(1);
        assertTrue(shared.shared());
        assertEquals(12, shared.tokens());
        assertEquals(0, new BigDecimal("3").compareTo(shared.usdPerMonth()));
    }

    @Test
    void rowsAreSortedByMonthlyCost() {
        ToolSet tools = ToolsJson.parse("""
                [{"type": "function", "function": {"name": "small", "description": "A."}},
                 {"type": "function", "function": {"name": "large", "description": "A much longer description of \
                what this function does, with several more words in it so it costs more."}}]""");
        List<ToolMeter.Row> rows = ToolMeter.rows(pricing("gpt-5", 100), tools);
        assertEquals(
                List.of("large", "small"),
                rows.subList(0, 2).stream().map(ToolMeter.Row::tool).toList());
    }

    @Test
    void removingAToolSavesItsTokensAndUndoRestoresTheTools() {
        ToolSet tools = ToolsJson.parse(ToolFixtures.COOKBOOK_WEATHER.replace(
                "}}}]",
                "}}}, {\"type\": \"function\", \"function\": {\"name\": \"get_time\", \"description\": \"Current "
                        + "time in a city. Uses the city's time zone.\", \"parameters\": {\"type\": \"object\", "
                        + "\"properties\": {\"city\": {\"type\": \"string\", \"description\": \"The city. Any "
                        + "spelling.\"}}}}}]"));
        List<ToolCut> cuts = ToolCuts.suggest(pricing("gpt-4o", 30), tools);
        ToolCut remove = cuts.stream()
                .filter(c -> c.kind() == ToolCut.Kind.REMOVE && c.tool().equals("get_current_weather"))
                .findFirst()
                .orElseThrow();
        assertEquals(56, remove.tokensSaved());
        assertEquals(0, new BigDecimal("14").compareTo(remove.usdPerMonth()));
        ToolTuning tuning = new ToolTuning(tools);
        tuning.accept(remove);
        assertEquals(1, tuning.tools().size());
        assertEquals("get_time", tuning.tools().tools().get(0).name());
        ToolCut shorten = ToolCuts.suggest(pricing("gpt-4o", 30), tuning.tools()).stream()
                .filter(c -> c.kind() == ToolCut.Kind.SHORTEN)
                .findFirst()
                .orElseThrow();
        tuning.accept(shorten);
        assertEquals("Current time in a city.", tuning.tools().tools().get(0).description());
        assertTrue(shorten.tokensSaved() > 0);
        assertThrows(IllegalArgumentException.class, () -> tuning.accept(remove));
        tuning.undo();
        assertEquals(
                "Current time in a city. Uses the city's time zone.",
                tuning.tools().tools().get(0).description());
        tuning.undoAll();
        assertEquals(tools, tuning.tools());
        assertFalse(tuning.canUndo());
        assertEquals(tools.toJson(), tuning.tools().toJson());
    }

    @Test
    void removingTheLastAnthropicToolAlsoSavesTheToolUseSystemPrompt() {
        ToolSet tools = ToolsJson.parse(ToolFixtures.ANTHROPIC_WEATHER);
        ModelEntry m = ToolFixtures.model("claude-sonnet-4-5");
        ToolCut remove =
                ToolCuts.suggest(pricing("claude-sonnet-4-5", 30), tools).get(0);
        ToolsCount c = ToolTokenCounter.count(m, tools, ToolChoice.AUTO);
        assertEquals(c.tokens(), remove.tokensSaved());
        assertNotEquals(0, c.shared());
    }
}
