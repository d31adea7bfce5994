// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.prompt.Role;
import dev.costbench.model.prompt.TextStats;
import dev.costbench.model.tokens.Encoding;
import dev.costbench.model.tokens.Tokenizers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Suggestions over a whole request: every part gets its cuts, and the request-level ones price what they claim. */
class RequestTunerTest {

    private static final ModelEntry GPT = ComponentBreakdownTest.model("gpt-4.1");

    private static RequestTuner.TextPart part(String key, Role role, String text) {
        return new RequestTuner.TextPart(key, key, role, text);
    }

    @Test
    void everyPartGetsItsOwnCutsWithPartIndexAndUniqueIds() {
        List<RequestTuner.TextPart> parts = List.of(
                part("system", Role.SYSTEM, "You are a support agent."),
                part("t1", Role.USER, "Please   kindly tell me where my order is."),
                part("t2", Role.ASSISTANT, "It is on its way."),
                part("user", Role.USER, "Could you please, in order to help me, check order 42?   \n\n\n\n"));
        List<RequestTuner.Item> items = RequestTuner.suggest(
                parts, 500, GPT, 1000, BillingOptions.INTERACTIVE, RequestTuner.Settings.defaults());
        assertTrue(items.stream().anyMatch(i -> i.part() == 3), "the user message gets suggestions");
        assertTrue(items.stream().anyMatch(i -> i.part() == 1), "a few-shot turn gets suggestions");
        assertEquals(
                items.size(),
                items.stream().map(RequestTuner.Item::id).distinct().count());
        for (RequestTuner.Item it : items) {
            if (it.part() >= 0 && !it.suggestion().edits().isEmpty()) {
                String text = parts.get(it.part()).text();
                String after = it.suggestion().apply(text);
                assertEquals(
                        Tokenizers.count(Encoding.O200K_BASE, text) - Tokenizers.count(Encoding.O200K_BASE, after),
                        it.suggestion().tokensSaved(Encoding.O200K_BASE),
                        it.id());
                assertEquals(text, it.suggestion().undo(after), it.id());
            }
        }
    }

    @Test
    void fewShotSelectionDropsWholeExamplePairsAndPricesTheirTokensWithFraming() {
        List<RequestTuner.TextPart> parts = new ArrayList<>();
        parts.add(part("system", Role.SYSTEM, "Classify the ticket."));
        String[] q = {
            "My parcel is late, where is it?",
            "I was charged twice for one order.",
            "My parcel is late, where is it now?",
            "How do I change my password?"
        };
        for (int i = 0; i < q.length; i++) {
            parts.add(part("q" + i, Role.USER, q[i]));
            parts.add(part("a" + i, Role.ASSISTANT, "category: " + i));
        }
        parts.add(part("user", Role.USER, "Where is my parcel?"));
        int budget = 30;
        RequestTuner.Settings s = new RequestTuner.Settings(budget, false, false, null, 2_000);
        RequestTuner.Item few = RequestTuner.suggest(parts, 10, GPT, 1000, BillingOptions.INTERACTIVE, s).stream()
                .filter(i -> i.suggestion().kind() == SuggestionKind.FEW_SHOT)
                .findFirst()
                .orElseThrow();
        assertFalse(few.dropParts().isEmpty());
        assertEquals(0, few.dropParts().size() % 2, "pairs are dropped together");
        long expected = 0;
        for (int k : few.dropParts()) {
            assertTrue(k >= 1 && k <= 8);
            expected += Tokenizers.count(Encoding.O200K_BASE, parts.get(k).text()) + 3; // + OpenAI message framing
        }
        assertEquals(expected, few.suggestion().modelTokensSaved());
        // gpt-4.1 input $2.00/1M
        ComponentBreakdownTest.assertUsd(
                new BigDecimal(expected)
                        .multiply(new BigDecimal("2"))
                        .movePointLeft(6)
                        .toPlainString(),
                few.suggestion().usdPerRequest());
        int keptTokens = 0;
        for (int k = 1; k <= 8; k++) {
            if (!few.dropParts().contains(k)) {
                keptTokens += Tokenizers.count(Encoding.O200K_BASE, parts.get(k).text());
            }
        }
        assertTrue(keptTokens <= budget + 4, "the kept examples fit the budget (each pair counted as one text)");
    }

    @Test
    void outputCapStructuredOutputAndHistoryHint() {
        List<RequestTuner.TextPart> parts = new ArrayList<>();
        parts.add(part("system", Role.SYSTEM, "Classify the sentiment of the review and explain your reasoning."));
        String longTurn = "The customer wrote a very long message about the delivery. ".repeat(60);
        for (int i = 0; i < 4; i++) {
            parts.add(part("h" + i, i % 2 == 0 ? Role.USER : Role.ASSISTANT, longTurn));
        }
        parts.add(part("user", Role.USER, "Great product!"));
        RequestTuner.Settings s = new RequestTuner.Settings(0, false, false, 100L, 1_000);
        List<RequestTuner.Item> items = RequestTuner.suggest(parts, 600, GPT, 10_000, BillingOptions.INTERACTIVE, s);
        RequestTuner.Item cap = find(items, SuggestionKind.OUTPUT_CAP);
        assertEquals(128L, cap.suggestion().maxTokens());
        assertEquals(600 - 128, cap.suggestion().modelTokensSaved());
        // gpt-4.1 output $8.00/1M: 472 × 8 / 1e6 per request, × 10,000 a month
        ComponentBreakdownTest.assertUsd("0.003776", cap.suggestion().usdPerRequest());
        ComponentBreakdownTest.assertUsd("37.76", cap.suggestion().usdPerMonth());

        RequestTuner.Item st = find(items, SuggestionKind.STRUCTURED_OUTPUT);
        assertEquals(0, st.part(), "appended to the system prompt");
        String after = st.suggestion().apply(parts.get(0).text());
        assertTrue(after.startsWith(parts.get(0).text()) && after.endsWith(RequestTuner.STRUCTURED_INSTRUCTION));
        assertEquals(500, st.suggestion().modelTokensSaved(), "600 output tokens down to the expected 100");
        long added = Tokenizers.count(Encoding.O200K_BASE, after)
                - Tokenizers.count(Encoding.O200K_BASE, parts.get(0).text());
        ComponentBreakdownTest.assertUsd(
                new BigDecimal(500 * 8 - added * 2).movePointLeft(6).toPlainString(),
                st.suggestion().usdPerRequest());

        RequestTuner.Item h = find(items, SuggestionKind.HISTORY_SUMMARY);
        assertTrue(h.hint());
        assertTrue(h.suggestion().edits().isEmpty());
        long older = 2L * Tokenizers.count(Encoding.O200K_BASE, longTurn);
        assertEquals(older - Math.max(50, older / 10), h.suggestion().modelTokensSaved());

        // Already structured: no structured-output suggestion.
        parts.set(0, part("system", Role.SYSTEM, "Classify the review. Answer in JSON."));
        assertTrue(RequestTuner.suggest(parts, 600, GPT, 1, BillingOptions.INTERACTIVE, s).stream()
                .noneMatch(i -> i.suggestion().kind() == SuggestionKind.STRUCTURED_OUTPUT));
    }

    @Test
    void aRewriteIsMeasuredAndCarriesItsCallCost() {
        List<RequestTuner.TextPart> parts = List.of(
                part(
                        "system",
                        Role.SYSTEM,
                        "You are a helpful assistant. Please always answer every single question in a very polite way."),
                part("user", Role.USER, "Hi"));
        RequestTuner.Item r = RequestTuner.rewrite(
                parts,
                0,
                "Answer politely.",
                "gpt-4o-mini",
                GPT,
                1000,
                BillingOptions.INTERACTIVE,
                new BigDecimal("0.000042"));
        assertEquals(SuggestionKind.REWRITE, r.suggestion().kind());
        assertEquals("Answer politely.", r.suggestion().apply(parts.get(0).text()));
        assertEquals(
                Tokenizers.count(Encoding.O200K_BASE, parts.get(0).text())
                        - Tokenizers.count(Encoding.O200K_BASE, "Answer politely."),
                r.suggestion().tokensSaved(Encoding.O200K_BASE));
        assertEquals(0, new BigDecimal("0.000042").compareTo(r.costUsd()));
        assertEquals(parts.get(0).text(), r.suggestion().undo("Answer politely."));
    }

    /** CJK, Arabic, emoji and code in every part: no suggestion touches them, and undo restores exactly. */
    @Test
    void foreignScriptsAndCodeSurviveEveryPartSuggestion() {
        List<String> corpus = SuggestionPropertyTest.corpus(40, 7);
        Random r = new Random(3);
        int checked = 0;
        for (int n = 0; n + 3 < corpus.size(); n += 4) {
            List<RequestTuner.TextPart> parts = List.of(
                    part("system", Role.SYSTEM, corpus.get(n)),
                    part("t1", Role.USER, corpus.get(n + 1)),
                    part("t2", Role.ASSISTANT, corpus.get(n + 2)),
                    part("user", Role.USER, corpus.get(n + 3)));
            RequestTuner.Settings s = new RequestTuner.Settings(r.nextInt(40), r.nextBoolean(), true, 50L, 100);
            for (RequestTuner.Item it : RequestTuner.suggest(parts, 400, GPT, 1000, BillingOptions.INTERACTIVE, s)) {
                assertNotNull(it.suggestion().title());
                if (it.part() < 0) {
                    continue;
                }
                String text = parts.get(it.part()).text();
                String after = it.suggestion().apply(text);
                assertEquals(text, it.suggestion().undo(after), it.id());
                for (TextEdit e : it.suggestion().edits()) {
                    if (it.suggestion().kind() != SuggestionKind.REPEATED
                            && it.suggestion().kind() != SuggestionKind.JSON_DESCRIPTIONS) {
                        assertTrue(
                                e.original().codePoints().noneMatch(SuggestionPropertyTest::foreign),
                                it.id() + " rewrites '" + e.original() + "'");
                    }
                }
                assertEquals(TextStats.of(text).codePoints() > 0, true);
                checked++;
            }
        }
        assertTrue(checked > 20, "exercised: " + checked);
    }

    private static RequestTuner.Item find(List<RequestTuner.Item> items, SuggestionKind k) {
        return items.stream()
                .filter(i -> i.suggestion().kind() == k)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + k + " in "
                        + items.stream().map(RequestTuner.Item::id).toList()));
    }
}
