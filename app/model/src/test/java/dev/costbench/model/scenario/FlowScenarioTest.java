// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import static dev.costbench.model.scenario.Fixtures.d;
import static dev.costbench.model.scenario.Fixtures.usd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.validation.JsonReading;
import dev.costbench.model.workload.conversation.Conversation;
import dev.costbench.model.workload.conversation.ConversationFiles;
import dev.costbench.model.workload.conversation.ConversationOptions;
import dev.costbench.model.workload.conversation.ConversationPricer;
import dev.costbench.model.workload.conversation.Strategy;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Conversation and retrieval request types, their levers, agent billing modes, heavy-tail users and the budget. */
class FlowScenarioTest {

    /**
     * 1,000 conversations a month on GPT-5 mini ($0.25 / $2.00 per 1M): 3 turns of 100 user and 200 assistant
     * tokens, a 1,000-token system prompt. Full history re-sends 1,100 + 1,400 + 1,700 = 4,200 input tokens
     * ($0.00105) and 600 output tokens ($0.0012): $0.00225 a conversation, $2.25 a month.
     */
    static RequestType chat() {
        return RequestType.text("chat", Volume.monthly(1000), "gpt-5-mini", TextTokens.NONE)
                .withConversation(ConversationShape.typed(3, 100, 200, 1000, 0));
    }

    static Scenario scenario(RequestType t, LeverEntry... levers) {
        return Fixtures.scenario(t, levers).withStartMonth(YearMonth.of(2026, 12));
    }

    static Waterfall compute(Scenario s) {
        return ScenarioEngine.compute(s, Fixtures.CATALOG, AgentTaskScenarioTest.DEC_2026);
    }

    @Test
    void aConversationTypeBillsConversationsTurnByTurn() {
        Waterfall w = compute(scenario(chat()));
        usd("2.25", w.baselineMonthly());
        usd("2.25", w.baseline().line(BillLine.CONVERSATION));
        assertTrue(w.warnings().isEmpty(), w.warnings().toString());
    }

    /** The sample support chat on Claude Sonnet 4.5: the scenario's cost per conversation is ConversationPricer's. */
    @Test
    void perConversationCostEqualsTheConversationPricers() throws Exception {
        RequestType t = RequestType.text("support", Volume.monthly(1), "claude-sonnet-4-5", TextTokens.NONE)
                .withConversation(new ConversationShape("support-chat-30-turns", null, null, null, null, null, null));
        ModelEntry m = Fixtures.CATALOG.find("claude-sonnet-4-5").orElseThrow();
        Conversation c = ConversationFiles.sample("support-chat-30-turns");
        ModelEntry summarizer = Fixtures.CATALOG.find(c.summarizerId()).orElseThrow();
        for (Strategy s : List.of(Strategy.FULL, Strategy.CACHE, Strategy.summarize(5), Strategy.window(8))) {
            LeverEntry lever = switch (s.kind()) {
                case FULL -> null;
                case CACHE -> LeverEntry.of("l", "Cache", new Lever.PromptCaching(d("1"), null));
                case SUMMARIZE -> LeverEntry.of("l", "Summarize", new Lever.Summarize(5, null));
                case WINDOW -> LeverEntry.of("l", "Window", new Lever.HistoryWindow(8));
            };
            Scenario sc = lever == null ? scenario(t) : scenario(t, lever);
            BigDecimal expected = ConversationPricer.price(
                            c,
                            m,
                            summarizer,
                            List.of(s),
                            ConversationOptions.DEFAULT.withBilling(BillingOptions.INTERACTIVE.at(
                                    YearMonth.of(2026, 12).atDay(1))))
                    .get(0)
                    .totalUsd();
            assertEquals(0, expected.compareTo(compute(sc).optimizedMonthly()), s.id() + ": " + expected);
        }
    }

    /**
     * Window of 1 turn: 1,100 + 1,400 + 1,400 = 3,900 input ($0.000975) + $0.0012 = $0.002175. Summarize every 2
     * turns: 1,100 + 1,400 + 1,300 = 3,800 input ($0.00095) + $0.0012 + the summarizer call (700 in, 200 out:
     * $0.000575) = $0.002725. Both act on the history: the cheaper one is kept, so the second lever saves nothing
     * beyond the window and the month is $2.175, never the product of the two.
     */
    @Test
    void historyLeversOverlapAndKeepTheCheaper() {
        Waterfall w = compute(scenario(
                chat(),
                LeverEntry.of("win", "Window", new Lever.HistoryWindow(1)),
                LeverEntry.of("sum", "Summarize", new Lever.Summarize(2, null))));
        usd("2.175", w.steps().get(0).monthlyAfter());
        usd("2.175", w.optimizedMonthly());
        usd("0", w.steps().get(1).saving());
        Waterfall alone = compute(scenario(chat(), LeverEntry.of("sum", "Summarize", new Lever.Summarize(2, null))));
        usd("2.725", alone.optimizedMonthly());
    }

    /**
     * Caching acts on another component (billing mode): with the window on too, caching's own ratio is applied to the
     * windowed history: window × cached ÷ full.
     */
    @Test
    void cachingMultipliesWithAHistoryLever() {
        RequestType big = RequestType.text("chat", Volume.monthly(1000), "claude-sonnet-4-5", TextTokens.NONE)
                .withConversation(ConversationShape.typed(10, 300, 300, 2000, 0));
        LeverEntry cache = LeverEntry.of("cache", "Cache", new Lever.PromptCaching(d("1"), null));
        LeverEntry win = LeverEntry.of("win", "Window", new Lever.HistoryWindow(3));
        BigDecimal full = compute(scenario(big)).baselineMonthly();
        BigDecimal cached = compute(scenario(big, cache)).optimizedMonthly();
        BigDecimal windowed = compute(scenario(big, win)).optimizedMonthly();
        BigDecimal both = compute(scenario(big, win, cache)).optimizedMonthly();
        assertTrue(cached.compareTo(full) < 0 && windowed.compareTo(full) < 0);
        usd(windowed.multiply(cached).divide(full, ScenarioEngine.MC).toPlainString(), both);
    }

    /** Pruning 1,000 tool tokens to 400 on the 3-turn chat: 3 × 600 fewer input tokens × $0.25 per 1M × 1,000. */
    @Test
    void pruningToolsCutsTheToolTokensOfEveryTurn() {
        RequestType t = RequestType.text("chat", Volume.monthly(1000), "gpt-5-mini", TextTokens.NONE)
                .withConversation(ConversationShape.typed(3, 100, 200, 1000, 1000));
        Waterfall w = compute(scenario(t, LeverEntry.of("prune", "Prune", new Lever.PruneTools(null, 400L))));
        usd("0.45", w.steps().get(0).saving());
        Waterfall none =
                compute(scenario(chat(), LeverEntry.of("prune", "Prune", new Lever.PruneTools(d("0.5"), null))));
        assertTrue(
                none.steps().get(0).notes().get(0).contains("nothing to act on"),
                none.steps().toString());
    }

    /**
     * 1,000 queries on GPT-5 mini: 500 instructions + 5 chunks × 400 + 50 query = 2,550 input ($0.0006375) and 200
     * output ($0.0004): $1.0375 a month. Reranking to 2 chunks: 1,350 input ($0.0003375): $0.7375.
     */
    @Test
    void aRetrievalTypeBillsQueriesAndReranksToFewerChunks() {
        RequestType t = RequestType.text("rag", Volume.monthly(1000), "gpt-5-mini", TextTokens.NONE)
                .withRetrieval(RetrievalRequest.of(500, 5, 400, 50, 200));
        Waterfall w = compute(scenario(t, LeverEntry.of("rr", "Rerank", new Lever.Rerank(2, null))));
        usd("1.0375", w.baselineMonthly());
        usd("0.7375", w.optimizedMonthly());
        assertEquals(Component.PROMPT_TOKENS, w.steps().get(0).component());
    }

    @Test
    void leversThatCannotApplySayWhyOnTheirRow() {
        RequestType rag = RequestType.text("rag", Volume.monthly(1000), "gpt-5-mini", TextTokens.NONE)
                .withRetrieval(RetrievalRequest.of(500, 5, 400, 50, 200))
                .withBatchableShare(BigDecimal.ONE);
        Waterfall w = compute(scenario(
                rag,
                LeverEntry.of("b", "Batch", new Lever.Batch(BigDecimal.ONE)),
                LeverEntry.of("trim", "Trim", new Lever.PromptTrimming(null, d("0.5"), null))));
        assertTrue(
                w.steps().get(0).notes().get(0).contains("not modelled for retrieval"),
                w.steps().toString());
        assertTrue(
                w.steps().get(1).notes().get(0).contains("Fewer, shorter chunks"),
                w.steps().toString());
        Waterfall agent = compute(AgentTaskScenarioTest.scenario(
                AgentTaskScenarioTest.TASK, LeverEntry.of("c", "Cache", new Lever.PromptCaching(d("0.9"), null))));
        assertTrue(agent.steps().get(0).notes().get(0).contains("not modelled for agent tasks"));
    }

    /** AgentTaskScenarioTest's 1,000 tasks ($2.886643753125) all through the batch API at half price. */
    @Test
    void agentTasksHonourBatch() {
        RequestType t = AgentTaskScenarioTest.agent(AgentTaskScenarioTest.TASK).withBatchableShare(BigDecimal.ONE);
        Scenario s = scenario(t, LeverEntry.of("b", "Batch", new Lever.Batch(BigDecimal.ONE)));
        Waterfall w = compute(s);
        usd("2.886643753125", w.baselineMonthly());
        usd("1.4433218765625", w.optimizedMonthly());
        assertTrue(w.warnings().isEmpty(), w.warnings().toString());
        BigDecimal flex = compute(scenario(t, LeverEntry.of("f", "Flex", new Lever.Flex(BigDecimal.ONE, null))))
                .optimizedMonthly();
        usd("1.4433218765625", flex);
    }

    /** An exact lognormal (median 10, sigma 1) is returned as is; Φ at known points. */
    @Test
    void theLognormalFitRecoversItsPercentiles() {
        Lognormal l = Lognormal.fit(10, 10 * Math.exp(Lognormal.Z90), 10 * Math.exp(Lognormal.Z99));
        assertEquals(1.0, l.sigma(), 1e-12);
        assertEquals(Math.log(10), l.mu(), 1e-12);
        assertEquals(36.022244792791575, l.at(Lognormal.Z90), 1e-9);
        assertEquals(0.975, Lognormal.phi(1.959963984540054), 1e-6);
        assertEquals(0.5, Lognormal.phi(0), 1e-7);
        assertEquals(0.10, l.above(l.at(Lognormal.Z90)), 1e-6);
    }

    /**
     * $0.00225 a conversation; 10 / 40 / 100 a month at p50 / p90 / p99 → $0.0225 / $0.09 / $0.225 per user. A $0.10
     * plan keeps $0.0775 and $0.01 and loses $0.125 at p99. Fit: sigma = (1.28155 ln 4 + 2.32635 ln 10) / (1.28155² +
     * 2.32635²) = 1.011192; break-even 44.44 a month, z = ln(4.444) / 1.011192 = 1.475145, above: 7.01 %.
     */
    @Test
    void heavyTailUsersShowBillsMarginsAndTheShareAboveBreakEven() throws Exception {
        Scenario s = scenario(chat());
        s = s.withWorkload(s.workload()
                .withHeavyTail(new HeavyTail(null, d("10"), d("40"), d("100"), 5000L, List.of(d("0.10"), d("1")))));
        Waterfall w = compute(s);
        HeavyTailFigures h = w.heavyTail();
        usd("0.0225", h.perUser().get(0));
        usd("0.09", h.perUser().get(1));
        usd("0.225", h.perUser().get(2));
        HeavyTailFigures.Plan p = h.plans().get(0);
        usd("-0.125", p.margins().get(2));
        assertTrue(p.losesMoney());
        assertFalse(h.plans().get(1).losesMoney());
        assertEquals(1.0111922015166754, h.sigma(), 1e-12);
        assertEquals(0.0700868, p.shareAbove(), 1e-5);
        String text = ScenarioReport.text(s, w);
        assertTrue(text.contains("p99: 100 a month → $0.225 per user"), text);
        assertTrue(text.contains("p99 −$0.125 (loss); 7.0 % of users above break-even"), text);
        JsonNode j = JsonReading.mapper().readTree(ScenarioReport.json(s, w));
        assertEquals("-0.125", j.at("/heavyTail/plans/0/p99MarginUsd").asText());
        assertTrue(j.at("/heavyTail/plans/0/losesMoney").asBoolean());
        assertEquals("0.00225", j.at("/perUnit/0/optimizedUsd").asText());
    }

    /**
     * $2.25 in December 2026 growing 50 % a month: $3.375 in January, $5.0625 in February, over a $5 budget: month 3.
     * A $100 budget holds for the 12 months looked at.
     */
    @Test
    void theBudgetIsBreachedInTheFirstMonthOverIt() throws Exception {
        RequestType t = chat().withVolume(Volume.monthly(1000).withGrowth(d("0.5")));
        Scenario s = scenario(t);
        Waterfall w = compute(s.withWorkload(s.workload().withBudget(new Budget(d("5"), null))));
        assertEquals(YearMonth.of(2027, 2), w.budget().month());
        assertEquals(3, w.budget().index());
        usd("5.0625", w.budget().bill());
        assertEquals(
                "Budget $5.00 a month: exceeded in February 2027 (month 3), at $5.06",
                w.budget().line());
        Waterfall never = compute(
                s.withWorkload(s.workload().withRequestTypes(List.of(chat())).withBudget(new Budget(d("100"), 12))));
        assertFalse(never.budget().breached());
        assertEquals(
                "Budget $100.00 a month: not exceeded within 12 months",
                never.budget().line());
        JsonNode j = JsonReading.mapper().readTree(ScenarioReport.json(s, w));
        assertEquals("2027-02", j.at("/budget/firstMonth").asText());
        // Beyond the projected year the months are priced one by one: 5 % a month passes $5 in month 18 ($2.25 ×
        // 1.05^17 = $5.16).
        Scenario slow = scenario(chat().withVolume(Volume.monthly(1000).withGrowth(d("0.05"))));
        Waterfall late = compute(slow.withWorkload(slow.workload().withBudget(new Budget(d("5"), null))));
        assertEquals(18, late.budget().index());
    }

    @Test
    void newTypesRoundTripAndOldFilesOpenUnchanged() throws Exception {
        RequestType rag = RequestType.text("rag", Volume.monthly(10), "gpt-5-mini", TextTokens.NONE)
                .withRetrieval(new RetrievalRequest(
                        500, 300, 2000, 5, 400, 50, 200, 1_000_000, d("1"), "text-embedding-3-small", d("2")));
        Scenario s = Scenario.of(
                        "flows",
                        new Workload(List.of(chat(), rag), 100L, 30)
                                .withHeavyTail(new HeavyTail("chat", d("10"), d("40"), d("100"), null, List.of(d("5"))))
                                .withBudget(new Budget(d("50"), 24)),
                        List.of(),
                        LeverEntry.of("sum", "Summarize", new Lever.Summarize(5, 150L)),
                        LeverEntry.of("win", "Window", new Lever.HistoryWindow(4)),
                        LeverEntry.of("rr", "Rerank", new Lever.Rerank(3, 300L)),
                        LeverEntry.of("prune", "Prune", new Lever.PruneTools(d("0.5"), null)))
                .withStartMonth(YearMonth.of(2026, 12));
        String json = ScenarioFiles.toJson(s);
        assertTrue(json.contains("\"conversation\": {") && json.contains("\"retrieval\": {"), json);
        assertTrue(json.contains("\"type\": \"historyWindow\"") && json.contains("\"heavyTail\": {"), json);
        Scenario back = ScenarioFiles.fromJson(json, "flows.json");
        assertEquals(s, back);
        assertTrue(
                ScenarioEngine.validate(back, Fixtures.CATALOG).isEmpty(),
                ScenarioEngine.validate(back, Fixtures.CATALOG).toString());
        for (String name : ScenarioFiles.SAMPLES) {
            Scenario old = ScenarioFiles.sample(name);
            assertNull(old.workload().heavyTail(), name);
            assertNull(compute(old).budget(), name);
            assertFalse(ScenarioFiles.toJson(old).contains("\"conversation\": {"), name);
        }
    }

    @Test
    void badShapesAreRefusedWithTheirField() {
        RequestType t =
                chat().withConversation(new ConversationShape("no-such-chat", null, null, null, null, null, null));
        List<FieldError> e = ScenarioEngine.validate(scenario(t), Fixtures.CATALOG);
        assertEquals("requestTypes[0].conversation.sample", e.get(0).field());
        Scenario s = scenario(chat());
        s = s.withWorkload(s.workload().withHeavyTail(new HeavyTail(null, d("10"), d("5"), d("100"), null, null)));
        assertEquals(
                "workload.heavyTail.p90",
                ScenarioEngine.validate(s, Fixtures.CATALOG).get(0).field());
    }
}
