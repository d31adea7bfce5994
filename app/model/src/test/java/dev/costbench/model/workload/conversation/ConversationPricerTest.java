// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.workload.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.tuning.CacheTtl;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each strategy's arithmetic against hand-computed examples. Claude Sonnet 4.5: input $3, cache read $0.30, 5-minute
 * write $3.75 (1.25×), 1-hour write $6 (2×), output $15 per 1M tokens, minimum cacheable 1,024 tokens. GPT-5: input
 * $1.25, cached $0.125, output $10, no write fee. Amounts below are in millionths of a dollar (tokens × $/1M).
 */
class ConversationPricerTest {

    static final Catalog CATALOG = CatalogBuilder.builtIn();
    static final ConversationOptions OPTIONS =
            ConversationOptions.DEFAULT.withBilling(BillingOptions.INTERACTIVE.at(LocalDate.of(2026, 12, 1)));
    static final ModelEntry SONNET = CATALOG.find("claude-sonnet-4-5").orElseThrow();
    static final ModelEntry GPT5 = CATALOG.find("gpt-5").orElseThrow();

    static Conversation chat(long system, int turns, long user, long assistant, long gapSeconds) {
        return new Conversation(
                "test",
                Sized.tokens(system),
                Sized.NONE,
                Conversation.generate(turns, user, assistant),
                null,
                gapSeconds,
                5,
                null);
    }

    static StrategyCost one(Conversation c, ModelEntry m, Strategy s, ConversationOptions o) {
        return ConversationPricer.price(c, m, null, List.of(s), o).get(0);
    }

    static void assertUsd(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> "expected $" + expected + ", got $" + actual);
    }

    @Test
    void fullHistoryResendsEveryEarlierTurn() {
        // system 100, three turns of 10 user / 20 assistant:
        // t1 in 110 → 330 + out 20 × 15 = 300 → 630; t2 in 100 + 30 + 10 = 140 → 420 + 300 = 720; t3 in 170 → 810
        StrategyCost full = one(chat(100, 3, 10, 20, 60), SONNET, Strategy.FULL, OPTIONS);
        assertEquals(
                List.of(110L, 140L, 170L),
                full.turns().stream().map(TurnCost::inputTokens).toList());
        assertUsd("0.00063", full.turns().get(0).costUsd());
        assertUsd("0.00072", full.turns().get(1).costUsd());
        assertUsd("0.00216", full.turns().get(2).cumulativeUsd());
        assertUsd("0.00216", full.totalUsd());
        assertEquals(90, full.finalHistoryTokens(), "three turns of 30 tokens");
        assertNull(full.payoffTurn());
        assertUsd("0", full.savingUsd());
    }

    @Test
    void aSlidingWindowKeepsTheLastNTurns() {
        // window:1 — t3 carries only turn 2: in 100 + 30 + 10 = 140 → 720; total 630 + 720 + 720 = 2,070
        StrategyCost w = one(chat(100, 3, 10, 20, 60), SONNET, Strategy.window(1), OPTIONS);
        assertEquals(
                List.of(110L, 140L, 140L),
                w.turns().stream().map(TurnCost::inputTokens).toList());
        assertUsd("0.00207", w.totalUsd());
        assertUsd("0.00009", w.savingUsd());
        assertEquals(3, w.payoffTurn(), "cheaper from turn 3 on");
    }

    @Test
    void summarizingAddsTheSummarizerCallAndCarriesTheSummary() {
        // summarize:2, summaries of 5 tokens, summarizer instructions 100: after t2 the call reads 100 + 0 + 60 = 160
        // → 480, writes 5 × 15 = 75 → 555. t3 carries the summary: in 100 + 5 + 10 = 115 → 345 + 300 = 645.
        // Total 630 + 720 + 555 + 645 = 2,550 (full history: 2,160, so it costs 390 more on so short a chat).
        StrategyCost s = one(chat(100, 3, 10, 20, 60), SONNET, Strategy.summarize(2), OPTIONS);
        assertUsd("0.000555", s.turns().get(1).summarizerUsd());
        assertUsd("0.001275", s.turns().get(1).costUsd());
        assertEquals(115, s.turns().get(2).inputTokens());
        assertEquals(35, s.finalHistoryTokens(), "the summary and turn 3");
        assertUsd("0.00255", s.totalUsd());
        assertUsd("-0.00039", s.savingUsd());
        assertNull(s.payoffTurn(), "never cheaper");
    }

    @Test
    void noSummaryIsMadeAfterTheLastTurn() {
        StrategyCost s = one(chat(100, 2, 10, 20, 60), SONNET, Strategy.summarize(2), OPTIONS);
        assertUsd("0", s.turns().get(1).summarizerUsd());
    }

    @Test
    void anthropicCachingReadsThePreviousPrefixAndWritesTheNewPartAtTheWritePremium() {
        // system 1,000, turns of 30 / 50, 60 s apart (inside 5 minutes):
        // t1 in 1,030 ≥ 1,024: write 1,030 × 3.75 = 3,862.5 + out 50 × 15 = 750 → 4,612.5
        // t2 in 1,110: read 1,030 × 0.3 = 309 + write 80 × 3.75 = 300 + 750 → 1,359
        // t3 in 1,190: read 1,110 × 0.3 = 333 + write 80 × 3.75 = 300 + 750 → 1,383; total 7,354.5
        // full history: 1,030 × 3 + 750 = 3,840; 4,080; 4,320 → 12,240
        StrategyCost c = one(chat(1000, 3, 30, 50, 60), SONNET, Strategy.CACHE, OPTIONS);
        TurnCost t2 = c.turns().get(1);
        assertEquals(1110, t2.inputTokens());
        assertEquals(1030, t2.cachedTokens());
        assertEquals(80, t2.cacheWriteTokens());
        assertUsd("0.0046125", c.turns().get(0).costUsd());
        assertUsd("0.001359", t2.costUsd());
        assertUsd("0.0073545", c.totalUsd());
        assertUsd("0.0048855", c.savingUsd());
        assertEquals(2, c.payoffTurn(), "the first turn pays the write premium, the second reads");
    }

    @Test
    void belowTheMinimumLengthNothingIsCached() {
        // system 900: t1 in 930 and t2 in 1,010 are below 1,024: plain input (2,790 + 750; 3,030 + 750);
        // t3 in 1,090 writes all of it: 1,090 × 3.75 = 4,087.5 + 750 = 4,837.5 (full: 3,270 + 750 = 4,020);
        // total 3,540 + 3,780 + 4,837.5 = 12,157.5 against full history 11,340
        StrategyCost c = one(chat(900, 3, 30, 50, 60), SONNET, Strategy.CACHE, OPTIONS);
        assertEquals(0, c.turns().get(1).cachedTokens() + c.turns().get(1).cacheWriteTokens());
        assertEquals(1090, c.turns().get(2).cacheWriteTokens());
        assertUsd("0.0048375", c.turns().get(2).costUsd());
        assertUsd("0.0121575", c.totalUsd());
        assertUsd("-0.0008175", c.savingUsd());
    }

    @Test
    void aTurnGapLongerThanTheCacheLifeRewritesThePrefixEveryTurn() {
        // 600 s apart, 5-minute cache: nothing read; t2 writes all 1,110 × 3.75 = 4,162.5 + 750 = 4,912.5
        StrategyCost c = one(chat(1000, 3, 30, 50, 600), SONNET, Strategy.CACHE, OPTIONS);
        assertEquals(0, c.turns().get(1).cachedTokens());
        assertUsd("0.0049125", c.turns().get(1).costUsd());
        assertTrue(
                c.notes().stream().anyMatch(n -> n.contains("expired")),
                c.notes().toString());
        // a 1-hour cache lives through the gap, its writes cost 2×: t1 1,030 × 6 = 6,180 + 750 = 6,930;
        // t2 read 309 + write 80 × 6 = 480 + 750 = 1,539
        StrategyCost hour = one(chat(1000, 3, 30, 50, 600), SONNET, Strategy.CACHE, OPTIONS.withTtl(CacheTtl.ONE_HOUR));
        assertUsd("0.00693", hour.turns().get(0).costUsd());
        assertUsd("0.001539", hour.turns().get(1).costUsd());
    }

    @Test
    void openAiReadsIn128TokenStepsWithoutAWriteFee() {
        // GPT-5, system 1,100, turns of 50 / 100: t1 in 1,150 → 1,437.5 + 1,000 = 2,437.5 (no write fee)
        // t2 in 1,300: the cached 1,150 reads as 1,024 (the next step, 1,152, is beyond it): 1,024 × 0.125 = 128
        // + 276 × 1.25 = 345 + 1,000 → 1,473
        StrategyCost c = one(chat(1100, 2, 50, 100, 60), GPT5, Strategy.CACHE, OPTIONS);
        assertEquals(0, c.turns().get(0).cacheWriteTokens());
        assertUsd("0.0024375", c.turns().get(0).costUsd());
        assertEquals(1024, c.turns().get(1).cachedTokens());
        assertUsd("0.001473", c.turns().get(1).costUsd());
    }

    @Test
    void seed001SummarizationReproduces() throws Exception {
        // Seed 001: "A 20-turn conversation might be 4000 tokens; a summary of the first 15 turns plus the last 5
        // verbatim might be 1200 tokens." The sample: 20 turns of 80 + 120 tokens, system 500, summaries of 200.
        Conversation seed = ConversationFiles.sample("seed001-20-turn-chat");
        List<StrategyCost> r =
                ConversationPricer.price(seed, SONNET, null, List.of(Strategy.FULL, Strategy.summarize(15)), OPTIONS);
        StrategyCost full = r.get(0);
        StrategyCost sum = r.get(1);
        assertEquals(4000, full.finalHistoryTokens());
        assertEquals(1200, sum.finalHistoryTokens(), "a 200-token summary of turns 1–15 + turns 16–20 verbatim");
        // Full: Σ inputs = 20 × 580 + 200 × (0 + 1 + … + 19) = 49,600 × $3 + 20 × 120 × $15 = 184,800 → $0.1848.
        assertUsd("0.1848", full.totalUsd());
        // Turns 16–20 each carry 2,800 fewer tokens (3,000 of turns 1–15 → the 200 summary): 14,000 × 3 = 42,000;
        // the summarizer call after turn 15: in 100 + 3,000 = 3,100 × 3 = 9,300, out 200 × 15 = 3,000 → 12,300.
        // Saving per conversation on Claude Sonnet 4.5: 42,000 − 12,300 = $0.0297.
        assertUsd("0.0297", sum.savingUsd());
        assertUsd("0.1551", sum.totalUsd());
        // Cumulative saving: turn 16 8,400 < 12,300; turn 17 16,800 > 12,300 → pays off from turn 17.
        assertEquals(17, sum.payoffTurn());
    }
}
