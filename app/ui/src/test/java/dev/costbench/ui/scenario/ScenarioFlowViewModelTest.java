// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.scenario.LeverEntry;
import dev.costbench.model.scenario.RequestType;
import dev.costbench.model.scenario.Scenario;
import dev.costbench.model.scenario.TextTokens;
import dev.costbench.model.scenario.Volume;
import dev.costbench.model.scenario.Waterfall;
import dev.costbench.model.scenario.Workload;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The request form's Conversation and Retrieval sections, their levers, and "Users and budget", without a display. */
class ScenarioFlowViewModelTest extends HeadlessScenario {

    private void type(String field, String text) {
        vm.requests().form().field(field).set(text);
    }

    /** One single-request type of 1,000 a month on GPT-5 mini, starting December 2026, no levers. */
    private void showPlain() {
        RequestType t = RequestType.text("chat", Volume.monthly(1000), "gpt-5-mini", TextTokens.of(100, 50, 20));
        vm.show(Scenario.of("Chat", Workload.of(t), List.of(), new LeverEntry[0])
                .withStartMonth(YearMonth.of(2026, 12)));
    }

    /** The notes on lever row {@code row} say {@code text}. */
    private void assertNote(int row, String text) {
        String notes = vm.levers().rows().get(row).notesProperty().get();
        assertTrue(notes.contains(text), notes);
    }

    private Waterfall waterfall() {
        return vm.results().waterfallProperty().get();
    }

    private RequestType first() {
        return vm.scenario().workload().requestTypes().get(0);
    }

    /** 3 turns of 100 / 200 tokens and a 1,000-token system prompt: $0.00225 a conversation (FlowScenarioTest). */
    private void conversation() {
        showPlain();
        vm.requests().form().conversationProperty().set(true);
        type("convTurns", "3");
        type("convUser", "100");
        type("convAssistant", "200");
        type("convSystem", "1000");
        type("convTools", "0");
    }

    @Test
    void theConversationSectionMakesAConversationTypePricedTurnByTurn() {
        conversation();
        assertTrue(first().isConversationType());
        assertEquals(3, first().conversation().turns());
        assertEquals(
                0,
                new BigDecimal("2.25").compareTo(waterfall().baselineMonthly()),
                waterfall().baselineMonthly().toPlainString());
        assertEquals(List.of(), vm.results().errors());
        String totals = vm.results().totalsProperty().get();
        assertTrue(totals.contains("per conversation of “chat”: $0.00225 → $0.00225"), totals);
        // one kind at a time: the agent box switches the conversation off
        vm.requests().form().agentProperty().set(true);
        assertFalse(vm.requests().form().conversationProperty().get());
        assertTrue(first().isAgentTask() && !first().isConversationType());
    }

    @Test
    void aSampleIsChosenByItsName() {
        conversation();
        assertEquals("Support chat: 30 turns with tools", FlowChoices.samples().get("support-chat-30-turns"));
        type("convSample", "support-chat-30-turns");
        type("convTurns", "");
        assertEquals("support-chat-30-turns", first().conversation().sample());
        assertNull(first().conversation().turns());
        assertTrue(waterfall().baselineMonthly().signum() > 0);
    }

    @Test
    void aTurnCountOutOfRangeIsMarked() {
        conversation();
        type("convTurns", "0");
        assertTrue(
                vm.results().invalidFields().contains("convTurns"),
                vm.results().errors().toString());
    }

    /** Window of 1 turn: $2.175 a month (FlowScenarioTest); the slider moves the turns kept. */
    @Test
    void theHistoryLeversAreOfferedAndMoveTheBill() {
        conversation();
        assertTrue(vm.levers()
                .kinds()
                .containsAll(List.of("Summarize history", "History window", "Fewer, shorter chunks", "Prune tools")));
        vm.levers().add("History window");
        LeverRow row = vm.levers().rows().get(0);
        assertEquals("turns kept", row.knobName());
        assertTrue(row.showsNotes());
        assertTrue(waterfall().optimizedMonthly().compareTo(waterfall().baselineMonthly()) <= 0);
        vm.levers().add("Prune tools");
        assertNote(1, "nothing to act on");
    }

    /** 500 instructions + 5 chunks × 400 + 50 query, 200 out: $1.0375 a month; batch says why it cannot apply. */
    @Test
    void theRetrievalSectionMakesARetrievalType() {
        showPlain();
        vm.requests().form().retrievalProperty().set(true);
        type("ragInstructions", "500");
        type("ragTools", "0");
        type("ragPrefix", "0");
        type("ragChunks", "5");
        type("ragChunkTokens", "400");
        type("ragQuery", "50");
        type("ragOutput", "200");
        type("batchable", "100");
        assertTrue(first().isRetrievalType());
        assertEquals(0, new BigDecimal("1.0375").compareTo(waterfall().baselineMonthly()));
        vm.levers().add("Batch API");
        assertNote(0, "not modelled for retrieval");
        vm.levers().add("Fewer, shorter chunks");
        assertTrue(waterfall().optimizedMonthly().compareTo(waterfall().baselineMonthly()) < 0);
    }

    @Test
    void promptCachingOnAnAgentTaskSaysWhyOnItsRow() {
        showPlain();
        vm.requests().form().agentProperty().set(true);
        vm.levers().add("Prompt caching");
        assertNote(0, "not modelled for agent tasks");
    }

    /** $0.00225 a conversation; 10 / 40 / 100 a month; a $0.10 plan loses $0.125 at p99 (FlowScenarioTest). */
    @Test
    void usersAndBudgetShowBillsPerUserMarginsAndTheBreach() {
        conversation();
        OutlookModel o = vm.outlook();
        o.field("p50").set("10");
        o.field("p90").set("40");
        o.field("p99").set("100");
        o.field("plans").set("0.10, 1");
        o.field("budget").set("5");
        assertEquals(
                0,
                new BigDecimal("100")
                        .compareTo(vm.scenario().workload().heavyTail().p99()));
        String summary = o.summaryProperty().get();
        assertTrue(summary.contains("p99 −$0.125 (loss); 7.0 % of users above break-even"), summary);
        assertTrue(summary.contains("Budget $5.00 a month: not exceeded within 36 months"), summary);
        o.field("p90").set("forty");
        assertTrue(
                o.problemProperty().get().startsWith("Not a number: p90"),
                o.problemProperty().get());
        // opening another scenario shows its own (none)
        showPlain();
        assertEquals("", o.field("p50").get());
        assertEquals("", o.problemProperty().get());
    }
}
