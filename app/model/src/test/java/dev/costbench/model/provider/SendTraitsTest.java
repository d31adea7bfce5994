// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** "Send to the API" options become each provider's own fields; what a model refuses is said, with the fix. */
class SendTraitsTest {

    private static final ChatRequest PROMPT = ChatRequest.of("selected", "Be brief.", "Hi");

    @Test
    void openAiReasoningModelsTakeAnEffortAndNoTemperature() {
        var o = new SendOptions(0.3, 700, ReasoningEffort.HIGH, false);
        ChatRequest r = SendTraits.apply(PROMPT, ProviderId.OPENAI, "gpt-5.4", o);
        assertEquals("gpt-5.4", r.model());
        assertEquals(700, r.maxOutputTokens());
        assertEquals("high", r.reasoningEffort());
        assertNull(r.temperature(), "refused by reasoning models");
        assertNull(r.reasoningBudget());
        assertFalse(r.stream());
        assertEquals("Be brief.", r.system());
        assertNotNull(SendTraits.temperatureRefusal(ProviderId.OPENAI, "o3", null));
        assertEquals(
                "minimal",
                SendTraits.apply(PROMPT, ProviderId.OPENAI, "gpt-5-mini", o.withEffortNone())
                        .reasoningEffort());
        assertEquals(
                "none",
                SendTraits.apply(PROMPT, ProviderId.OPENAI, "gpt-5.1", o.withEffortNone())
                        .reasoningEffort());
        assertTrue(SendTraits.problem(ProviderId.OPENAI, "o4-mini", o.withEffortNone())
                .contains("choose Low, Medium or High"));
    }

    @Test
    void openAiChatModelsTakeATemperatureAndNoEffort() {
        var o = new SendOptions(0.3, 700, ReasoningEffort.HIGH, true);
        assertFalse(SendTraits.hasReasoning(ProviderId.OPENAI, "gpt-4o-mini"));
        assertFalse(SendTraits.hasReasoning(ProviderId.OPENAI, "gpt-5.2-chat-latest"));
        ChatRequest r = SendTraits.apply(PROMPT, ProviderId.OPENAI, "gpt-4o-mini", o);
        assertEquals(0.3, r.temperature());
        assertNull(r.reasoningEffort());
        assertNull(SendTraits.temperatureRefusal(ProviderId.OPENAI, "gpt-4.1", null));
    }

    @Test
    void anthropicEffortIsAThinkingBudgetBelowTheCapAndThinkingTakesNoTemperature() {
        var o = new SendOptions(0.5, 8000, ReasoningEffort.MEDIUM, true);
        ChatRequest r = SendTraits.apply(PROMPT, ProviderId.ANTHROPIC, "claude-sonnet-4-5", o);
        assertEquals(4096, r.reasoningBudget());
        assertEquals(8000, r.maxOutputTokens());
        assertNull(r.temperature());
        assertNotNull(SendTraits.temperatureRefusal(ProviderId.ANTHROPIC, "claude-sonnet-4-5", ReasoningEffort.LOW));
        assertNull(SendTraits.temperatureRefusal(ProviderId.ANTHROPIC, "claude-sonnet-4-5", ReasoningEffort.NONE));
        ChatRequest plain = SendTraits.apply(PROMPT, ProviderId.ANTHROPIC, "claude-sonnet-4-5", o.withEffortNone());
        assertNull(plain.reasoningBudget());
        assertEquals(0.5, plain.temperature());
        assertFalse(SendTraits.hasReasoning(ProviderId.ANTHROPIC, "claude-3-5-haiku"));
        assertTrue(SendTraits.hasReasoning(ProviderId.ANTHROPIC, "claude-3-7-sonnet"));
        String p = SendTraits.problem(
                ProviderId.ANTHROPIC, "claude-opus-4-5", new SendOptions(null, 4096, ReasoningEffort.MEDIUM, true));
        assertTrue(p.contains("4,096 tokens") && p.contains("raise Max output tokens"), p);
        assertNull(SendTraits.problem(
                ProviderId.ANTHROPIC, "claude-opus-4-5", new SendOptions(null, 4097, ReasoningEffort.MEDIUM, true)));
    }

    @Test
    void geminiEffortIsAThinkingBudgetAndOldModelsHaveNone() {
        var o = new SendOptions(1.0, 900, ReasoningEffort.NONE, true);
        ChatRequest r = SendTraits.apply(PROMPT, ProviderId.GEMINI, "gemini-2.5-flash", o);
        assertEquals(0, r.reasoningBudget());
        assertEquals(1.0, r.temperature());
        assertEquals(
                24576,
                SendTraits.apply(
                                PROMPT,
                                ProviderId.GEMINI,
                                "gemini-3.5-flash",
                                new SendOptions(null, 900, ReasoningEffort.HIGH, true))
                        .reasoningBudget());
        assertFalse(SendTraits.hasReasoning(ProviderId.GEMINI, "gemini-2.0-flash"));
        assertNull(SendTraits.apply(PROMPT, ProviderId.GEMINI, "gemini-2.0-flash", o)
                .reasoningBudget());
    }
}
