// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tuning;

import static dev.costbench.model.tuning.ComponentBreakdownTest.assertUsd;
import static dev.costbench.model.tuning.ComponentBreakdownTest.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.tokens.Encoding;
import dev.costbench.model.tokens.Tokenizers;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CachePlannerTest {

    static final CacheSettings S = CacheSettings.of(100_000, 0.9).withOutput(300);

    @Test
    void anthropicBreakEvenByHand() {
        // 5 min: 1.25 + (n-1)·0.1 < n  ⇔  n > 1.15 / 0.9 = 1.28  → 2nd call
        CachePlan five = CachePlanner.plan(model("claude-sonnet-4-5"), 2_000, 500, S);
        assertEquals(CacheMode.EXPLICIT, five.mode());
        assertEquals(2, five.breakEvenCalls());
        assertEquals("cheaper from the 2nd call within 5 minutes", five.breakEven());
        assertEquals(0, new BigDecimal("1.25").compareTo(five.writePremium()));
        assertEquals(0, new BigDecimal("0.9").compareTo(five.readDiscount()));
        // 1 h: 2 + (n-1)·0.1 < n  ⇔  n > 1.9 / 0.9 = 2.11  → 3rd call
        CachePlan hour = CachePlanner.plan(model("claude-sonnet-4-5"), 2_000, 500, S.withTtl(CacheTtl.ONE_HOUR));
        assertEquals(3, hour.breakEvenCalls());
        assertEquals("cheaper from the 3rd call within 1 hour", hour.breakEven());
    }

    @Test
    void anthropicMonthlyByHand() {
        // without: 100k × (2,500 × $3 + 300 × $15) / 1M = $1,200
        // with:    100k × (500 × $3 + 2,000 × (0.9 × $0.30 + 0.1 × $3.75) + 300 × $15) / 1M = $729
        CachePlan p = CachePlanner.plan(model("claude-sonnet-4-5"), 2_000, 500, S);
        assertUsd("1200", p.monthlyWithout());
        assertUsd("729", p.monthlyWith());
        assertUsd("471", p.monthlySaving());
    }

    @Test
    void openAiHasNoWriteFeeBeforeGpt56() {
        CachePlan p = CachePlanner.plan(model("gpt-4.1"), 1_500, 100, S);
        assertEquals(CacheMode.AUTOMATIC, p.mode());
        assertEquals(0, BigDecimal.ONE.compareTo(p.writePremium()));
        assertEquals(2, p.breakEvenCalls()); // 2 + (n-1)·0.5 < 2n ⇔ n > 1
        // with: 100k × (1,500 × (0.9 × 0.5 + 0.1 × 2) + 100 × 2 + 300 × 8) / 1M = 100k × 3,575 / 1M
        assertUsd("357.5", p.monthlyWith());
        CachePlan p56 = CachePlanner.plan(model("gpt-5.6"), 1_500, 100, S);
        assertEquals(0, new BigDecimal("1.25").compareTo(p56.writePremium()));
        assertEquals(2, p56.breakEvenCalls()); // n > (6.25 − 0.5) / 4.5 = 1.28
    }

    @Test
    void belowTheMinimumNothingIsCached() {
        CachePlan p = CachePlanner.plan(model("claude-haiku-4-5"), 2_000, 500, S); // minimum 4,096
        assertFalse(p.cacheable());
        assertNull(p.breakEvenCalls());
        assertEquals(p.monthlyWithout(), p.monthlyWith());
        assertTrue(p.notes().get(0).contains("(2,000 tokens) is below")
                && p.notes().get(0).contains("of 4,096 tokens"));
        assertTrue(
                p.notes().get(0).contains("below Claude Haiku 4.5's minimum"),
                "the display name, not the id: " + p.notes());
        assertFalse(CachePlanner.plan(model("gpt-4.1"), 1_023, 5_000, S).cacheable());
    }

    @Test
    void geminiExplicitAddsStorage() {
        // flash $0.30 in, $0.03 cached; storage $1 / 1M / h for 1 h: n > (0.30 + 1) / 0.27 = 4.81 → 5th call
        CachePlan p = CachePlanner.plan(
                model("gemini-2.5-flash"),
                10_000,
                100,
                S.withTtl(CacheTtl.ONE_HOUR).withGeminiExplicit(BigDecimal.ONE));
        assertEquals(CacheMode.EXPLICIT_STORED, p.mode());
        assertEquals(5, p.breakEvenCalls());
        CachePlan implicit = CachePlanner.plan(model("gemini-2.5-flash"), 10_000, 100, S);
        assertEquals(CacheMode.IMPLICIT, implicit.mode());
        assertEquals(2, implicit.breakEvenCalls()); // no write fee: n > (0.30 − 0.03) / 0.27 = 1
        // explicit month: 100k × (10,000 × 0.03 + 100 × 0.30 + 300 × 2.5) + 1 × 10,000 × 730 + 10,000 × 0.30, / 1M
        assertUsd(
                new BigDecimal(100_000L * (300 + 30 + 750) + 7_300_000L + 3_000)
                        .movePointLeft(6)
                        .toPlainString(),
                p.monthlyWith());
    }

    @Test
    void noDiscountNeverBreaksEven() {
        CachePlan p = CachePlanner.plan(model("gpt-5-pro"), 5_000, 100, S);
        assertEquals(CacheMode.NONE, p.mode());
        assertFalse(p.cacheable());
    }

    @Test
    void hitRateFromArrivals() {
        assertEquals(1 - Math.exp(-5), CachePlanner.hitRate(1, CacheTtl.FIVE_MINUTES), 1e-12);
        assertEquals(0, CachePlanner.hitRate(0, CacheTtl.ONE_HOUR));
        CacheSettings s = CacheSettings.atRate(2, CacheTtl.FIVE_MINUTES);
        assertEquals(2 * 60 * 730, s.monthlyRequests());
        assertEquals(1 - Math.exp(-10), s.hitRate(), 1e-12);
    }

    @Test
    void promptWithBreakpointsWarnsAboutVariableContent() {
        String rules = "You are the support bot for Acme.\n".repeat(200);
        String prompt = "Today is 2026-11-25. Hello {{user_name}}, session 123e4567-e89b-12d3-a456-426614174000.\n"
                + rules + "<<BREAK>>Question: {question}";
        int bp = prompt.indexOf("<<BREAK>>");
        PromptCachePlan plan = CachePlanner.plan(model("claude-sonnet-4-5"), prompt, List.of(bp), S);
        assertEquals(1, plan.breakpoints().size());
        long prefix = Tokenizers.count(Encoding.CL100K_BASE, prompt.substring(0, bp));
        assertEquals(prefix, plan.breakpoints().get(0).prefixTokens());
        assertTrue(plan.breakpoints().get(0).reachesMinimum());
        assertEquals(prefix, plan.plan().prefixTokens());
        List<String> kinds = plan.warnings().stream().map(CacheWarning::kind).toList();
        assertEquals(List.of("phrase", "date", "placeholder", "id"), kinds);
        assertTrue(
                plan.warnings().stream().noneMatch(w -> w.message().contains("{question}")),
                "after the breakpoint is fine");
        assertTrue(plan.warnings().get(2).message().contains("{{user_name}}"));
        assertTrue(plan.plan().notes().stream().anyMatch(n -> n.startsWith("Token counts are an estimate")));
    }

    @Test
    void ordinals() {
        assertEquals("1st", CachePlanner.ordinal(1));
        assertEquals("12th", CachePlanner.ordinal(12));
        assertEquals("23rd", CachePlanner.ordinal(23));
    }

    @Test
    void markersBecomeBreakpoints() {
        CachePlanner.Marked m = CachePlanner.splitAtMarkers("系统提示<<C>>tools<<C>>{{q}}", "<<C>>");
        assertEquals("系统提示tools{{q}}", m.prompt());
        assertEquals(List.of(4, 9), m.breakpoints());
        assertTrue(CachePlanner.variableContent(m.prompt(), m.breakpoints()).isEmpty());
        assertEquals(List.of(), CachePlanner.splitAtMarkers("plain", "<<C>>").breakpoints());
    }
}
