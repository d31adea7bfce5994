// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import static dev.costbench.model.scenario.Fixtures.d;
import static dev.costbench.model.scenario.Fixtures.usd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.workload.agent.AgentTask;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentTaskScenarioTest {

    static final Clock DEC_2026 = Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC);

    /** 2 / 3 / 4 steps, 400 tool tokens a step, 10 % failure, one retry (AgentCostTest's worked example). */
    static final AgentTask TASK = new AgentTask(2, 3, 4, 400, d("0.1"), 1, null);

    /** 1,000 tasks a month on GPT-5 mini: 2,000 instructions, a 200-token task, 100 output tokens a step. */
    static RequestType agent(AgentTask task) {
        return RequestType.text("research", Volume.monthly(1000), "gpt-5-mini", new TextTokens(2000, 0, 200, 100, 0))
                .withAgent(task);
    }

    static Scenario scenario(AgentTask task, LeverEntry... levers) {
        return Scenario.of("agent", Workload.of(agent(task)), List.of(), levers).withStartMonth(YearMonth.of(2026, 12));
    }

    static Waterfall compute(Scenario s) {
        return ScenarioEngine.compute(s, Fixtures.CATALOG, DEC_2026);
    }

    /**
     * The volume counts tasks: 1,000 × $0.002886643753125 (AgentCostTest) = $2.886643753125 a month; per successful
     * task $0.002886643753125 / 0.9703235025. Capping at 3 steps: 1,000 × $0.0025864575 = $2.5864575, success
     * 0.7301745 → per successful task $0.0035422457…: the cap saves per month but costs more per success.
     */
    @Test
    void anAgentTaskBillsTasksAndShowsCostPerSuccessfulTask() {
        Waterfall w = compute(scenario(TASK, LeverEntry.of("cap", "Cap steps at 3", new Lever.StepCap(3))));
        usd("2.886643753125", w.baselineMonthly());
        usd(
                "0.002974929233072966817064188342691411",
                w.baseline().perSuccessfulTask().get("research"));
        usd("2.5864575", w.optimizedMonthly());
        usd(
                "0.003542245723453777145052312837547737",
                w.optimized().perSuccessfulTask().get("research"));
        usd("1000", w.requestsPerMonth());
        assertEquals(Component.CALLS, w.steps().get(0).component());
        assertEquals(
                "Per successful task of “research”: $0.002975 → $0.003542",
                AgentTaskFigures.of(scenario(TASK), w).get(0).line());
    }

    @Test
    void costPerSuccessfulTaskRisesWithTheFailureRate() {
        BigDecimal previous = null;
        for (String rate : List.of("0", "0.05", "0.1", "0.2", "0.4")) {
            Waterfall w = compute(scenario(TASK.withFailureRate(d(rate))));
            BigDecimal perSuccess = w.baseline().perSuccessfulTask().get("research");
            if (previous != null) {
                assertTrue(perSuccess.compareTo(previous) > 0, rate + ": " + perSuccess + " ≤ " + previous);
            }
            previous = perSuccess;
        }
    }

    /**
     * The better planner (GPT-5 on step one, 2 % failure with its plan) stacks with the cap by component: the cap
     * acts on calls, the planner on the price per token; each step recomputes the bill.
     */
    @Test
    void theBetterPlannerStacksWithTheStepCap() {
        Scenario s = scenario(
                TASK,
                LeverEntry.of("cap", "Cap steps at 3", new Lever.StepCap(3)),
                LeverEntry.of("plan", "GPT-5 plans", new Lever.BetterPlanner("gpt-5", d("0.02"))));
        Waterfall w = compute(s);
        assertEquals(Component.PRICE_PER_TOKEN, w.steps().get(1).component());
        // Step one on GPT-5 ($1.25 / $10) costs more per call; fewer retries downstream raise the success share.
        assertTrue(w.steps().get(1).saving().signum() < 0);
        assertTrue(w.optimized().perSuccessfulTask().get("research").signum() > 0);
        assertTrue(w.warnings().isEmpty(), w.warnings().toString());
    }

    @Test
    void theAgentTypeRoundTripsThroughAFile() throws Exception {
        Scenario s = scenario(
                TASK.withSuccessShare(d("0.8")),
                LeverEntry.of("cap", "Cap steps at 3", new Lever.StepCap(3)),
                LeverEntry.of("plan", "GPT-5 plans", new Lever.BetterPlanner("gpt-5", d("0.02"))));
        String json = ScenarioFiles.toJson(s);
        assertTrue(json.contains("\"agent\": {"), json);
        assertTrue(json.contains("\"type\": \"stepCap\""), json);
        Scenario back = ScenarioFiles.fromJson(json, "agent.json");
        assertEquals(s, back);
        assertTrue(ScenarioEngine.validate(back, Fixtures.CATALOG).isEmpty());
    }

    @Test
    void filesWithoutAgentTasksStillOpenAsSingleRequests() throws Exception {
        for (String name : ScenarioFiles.SAMPLES) {
            for (RequestType t : ScenarioFiles.sample(name).workload().requestTypes()) {
                assertNull(t.agent(), name);
            }
        }
        String old = "{\"schemaVersion\": 1, \"name\": \"old\", \"workload\": {\"requestTypes\": [{\"id\": \"chat\","
                + " \"volume\": {\"amount\": 10, \"per\": \"month\"}, \"model\": \"gpt-5-mini\","
                + " \"text\": {\"system\": 100, \"user\": 50, \"output\": 20}}]}}";
        Scenario s = ScenarioFiles.fromJson(old, "old.json");
        assertEquals(false, s.workload().requestTypes().get(0).isAgentTask());
        assertTrue(compute(s).baseline().perSuccessfulTask().isEmpty());
        assertTrue(!ScenarioFiles.toJson(s).contains("agent"));
    }

    @Test
    void aStepCapOnASingleRequestSaysItHasNothingToActOn() {
        Scenario s = Fixtures.scenario(
                RequestType.text("chat", Volume.monthly(10), "gpt-5-mini", TextTokens.of(100, 50, 20)),
                LeverEntry.of("cap", "Cap steps", new Lever.StepCap(3)));
        Waterfall w = compute(s.withStartMonth(YearMonth.of(2026, 12)));
        assertTrue(
                w.steps().get(0).notes().get(0).contains("nothing to act on"),
                w.steps().get(0).notes().toString());
    }
}
