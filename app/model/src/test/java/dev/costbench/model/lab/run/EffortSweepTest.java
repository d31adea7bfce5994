// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.lab.TrialCell;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.ReasoningEffort;
import dev.costbench.model.provider.ToolSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reasoning effort as a variant dimension: a sweep becomes one arm per level, each level is sent in the field its
 * provider takes, models without reasoning are refused before anything is stored or sent; the format-2 file parts
 * (tools, conversation scripts) read back as written, and older files still open.
 */
class EffortSweepTest {

    private static final String FILE = """
            {"format": 2, "name": "sweep", "models": ["gpt-5-mini"],
             "parameters": {"maxOutputTokens": 20000},
             "tools": [{"type": "function", "function": {"name": "get_weather", "description": "Weather",
                        "parameters": {"type": "object", "properties": {"city": {"type": "string"}}}}}],
             "variants": [
               {"name": "Baseline", "system": "Be thorough.", "user": "{{q}}"},
               {"name": "Optimized", "system": "Be brief.", "user": "{{q}}", "effortSweep": ["low", "medium", "high"]}],
             "inputs": [{"label": "chat", "variables": {"q": "Hi"}, "turns": ["And tomorrow?"]}]}
            """;

    @Test
    void aSweepBecomesOneArmPerLevelNamedByItsLevel() throws Exception {
        ExperimentSpec s = SpecJson.parse(FILE, "sweep.json", null);
        assertEquals(
                List.of("Baseline", "Optimized · effort low", "Optimized · effort medium", "Optimized · effort high"),
                s.variants().stream().map(ExperimentSpec.VariantSpec::name).toList());
        assertEquals(ReasoningEffort.MEDIUM, s.variants().get(2).parameters().effort());
        assertNull(s.variants().get(0).parameters().effort());
        assertTrue(s.variants().get(0).baseline());
        assertTrue(s.variants().stream().allMatch(v -> v.tools().size() == 1), "top-level tools go to every variant");
        assertEquals(List.of("And tomorrow?"), s.inputs().get(0).turns());
        assertEquals(4 * 2, s.plannedCalls(), "4 arms × 2 calls of the conversation");

        ExperimentSpec again = SpecJson.parse(SpecJson.write(s), "again.json", null);
        assertEquals(s.variants(), again.variants());
        assertEquals(s.inputs(), again.inputs());
    }

    @Test
    void eachProviderGetsTheLevelInItsOwnField() throws Exception {
        String three = FILE.replace(
                "\"models\": [\"gpt-5-mini\"]",
                "\"models\": [\"gpt-5-mini\", \"claude-sonnet-4-5\", \"gemini-2.5-flash\"]");
        RunPlan plan = RunPlan.of(SpecJson.parse(three, "sweep.json", null));
        long high = 3;
        ChatRequest openAi = plan.request(new TrialCell(high, 0, "gpt-5-mini", 1), ProviderId.OPENAI);
        assertEquals("high", openAi.reasoningEffort());
        assertNull(openAi.reasoningBudget());
        assertEquals(
                List.of("get_weather"),
                openAi.tools().stream().map(ToolSpec::name).toList());

        ChatRequest claude = plan.request(new TrialCell(high, 0, "claude-sonnet-4-5", 1), ProviderId.ANTHROPIC);
        assertEquals(16384, claude.reasoningBudget());
        assertNull(claude.reasoningEffort());
        ChatRequest gemini = plan.request(new TrialCell(1, 0, "gemini-2.5-flash", 1), ProviderId.GEMINI);
        assertEquals(1024, gemini.reasoningBudget(), "low");
        assertNull(plan.request(new TrialCell(0, 0, "gemini-2.5-flash", 1), ProviderId.GEMINI)
                .reasoningBudget());
    }

    @Test
    void modelsWithoutReasoningAreRefusedWithTheReason() throws Exception {
        RunPlan plan = RunPlan.of(SpecJson.parse(FILE, "sweep.json", null));
        SpecException e = assertThrows(
                SpecException.class, () -> plan.requireEffortSupport(Map.of("gpt-4o-mini", ProviderId.OPENAI)));
        assertTrue(
                e.getMessage().contains("gpt-4o-mini with \"Optimized · effort low\": it does not reason"),
                e.getMessage());
        assertTrue(e.getMessage().contains("Leave those models out"), e.getMessage());
        plan.requireEffortSupport(Map.of("gpt-5-mini", ProviderId.OPENAI)); // reasons: accepted
    }

    @Test
    void aFileOfANewerFormatIsRefusedAndAnOldOneOpens() throws Exception {
        SpecException e = assertThrows(
                SpecException.class, () -> SpecJson.parse(FILE.replace("\"format\": 2", "\"format\": 3"), "x", null));
        assertTrue(e.getMessage().contains("newer CostBench"), e.getMessage());
        ExperimentSpec old = SpecJson.parse(
                "{\"name\": \"old\", \"models\": [\"gpt-4o-mini\"], \"variants\": [{\"name\": \"a\", \"user\": \"hi\"}]}",
                "old.json",
                null);
        assertTrue(old.inputs().get(0).turns().isEmpty());
        assertTrue(old.variants().get(0).tools().isEmpty());
    }
}
