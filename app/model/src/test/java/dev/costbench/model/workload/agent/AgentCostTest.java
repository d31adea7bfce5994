// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.workload.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.scenario.CustomModel;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentCostTest {

    static final Catalog CATALOG = CatalogBuilder.builtIn();
    static final LocalDate DAY = LocalDate.of(2026, 12, 7);
    /** GPT-5 mini: $0.25 input, $2.00 output per 1M tokens. */
    static final ModelEntry MINI = CATALOG.find("gpt-5-mini").orElseThrow();

    /** 2,000 instructions, 200 task, 100 output per step; each tool returns 400 tokens. */
    static final AgentTokens TOKENS = new AgentTokens(2000, 200, 100);

    static void usd(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> expected + " but was " + actual);
    }

    static AgentCost.Result compute(AgentTask task, AgentPlan plan) {
        return AgentCost.compute(TOKENS, task, plan, BillingOptions.INTERACTIVE, DAY);
    }

    @Test
    void theTriangularDistributionWeighsEveryStepCount() {
        // 2 / 3 / 5: up = 5 − 3 + 1 = 3, down = 3 − 2 + 1 = 2 → 1×3, 2×3, 2×2, 1×2 = 3, 6, 4, 2 (sum 15)
        AgentTask t = new AgentTask(2, 3, 5, 0, BigDecimal.ZERO, 0, null);
        assertEquals(List.of(3L, 6L, 4L, 2L), t.weights());
        // (2×3 + 3×6 + 4×4 + 5×2) / 15 = 50 / 15
        usd("3.333333333333333333333333333333333", t.meanSteps());
        assertThrows(IllegalArgumentException.class, () -> new AgentTask(3, 2, 5, 0, null, 0, null));
    }

    /**
     * Worked example. Steps 2 / 3 / 4 → weights 2, 4, 2 (¼, ½, ¼). Failure 10 % a try, one retry: a reached step
     * costs 1 + 0.1 = 1.1 calls and succeeds with 1 − 0.1² = 0.99. Input of step j = 2,200 + (j − 1) × 500; a call
     * costs input × $0.25/1M + 100 × $2/1M: c1 = $0.00075, c2 = $0.000875, c3 = $0.001, c4 = $0.001125.
     * Expected per step (reach × 1.1 × c): 0.000825, 0.99 × … = 0.000952875, 0.9801 × … = 0.00107811,
     * 0.970299 × … = 0.0012007450125; cumulated to 2, 3, 4 steps: 0.001777875, 0.002855985, 0.0040567300125.
     * Per attempted task = (2 × 0.001777875 + 4 × 0.002855985 + 2 × 0.0040567300125) / 8 = $0.002886643753125.
     * Success = (2 × 0.99² + 4 × 0.99³ + 2 × 0.99⁴) / 8 = 0.9703235025.
     */
    @Test
    void workedExampleWithARetryCap() {
        AgentTask task = new AgentTask(2, 3, 4, 400, new BigDecimal("0.1"), 1, null);
        AgentCost.Result r = compute(task, AgentPlan.of(MINI));
        usd("0.002886643753125", r.perAttemptedTask());
        usd("0.9703235025", r.computedSuccess());
        usd("0.002974929233072966817064188342691411", r.perSuccessfulTask());
        assertEquals(0, r.perAttemptedTask().compareTo(r.inputCost().add(r.outputCost())));
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
    }

    /**
     * Fixed 2 steps, failure 50 %, one retry: step 1 costs 1.5 × $0.00075 = $0.001125; step 2 is reached with
     * 1 − 0.5² = 0.75 and costs 0.75 × 1.5 × $0.000875 = $0.000984375 → $0.002109375 per attempted task; success
     * 0.75² = 0.5625 → $0.00375 per successful task. Without the retry (cap 0): 0.00075 + 0.5 × 0.000875 =
     * $0.0011875 per attempt, success 0.25 → $0.00475 per success: the retry is dearer per attempt, cheaper per
     * success.
     */
    @Test
    void theRetryCapTradesCostPerAttemptForSuccess() {
        AgentCost.Result retry = compute(AgentTask.fixed(2, 400, new BigDecimal("0.5"), 1), AgentPlan.of(MINI));
        usd("0.002109375", retry.perAttemptedTask());
        usd("0.5625", retry.successShare());
        usd("0.00375", retry.perSuccessfulTask());
        usd("2.625", retry.callsPerTask()); // 1.5 + 0.75 × 1.5
        AgentCost.Result none = compute(AgentTask.fixed(2, 400, new BigDecimal("0.5"), 0), AgentPlan.of(MINI));
        usd("0.0011875", none.perAttemptedTask());
        usd("0.00475", none.perSuccessfulTask());
    }

    /**
     * The worked example capped at 3 steps: the tasks needing 4 stop after step 3 and fail. Per attempted =
     * (2 × 0.001777875 + 6 × 0.002855985) / 8 = $0.0025864575; success = (2 × 0.9801 + 4 × 0.970299) / 8 = 0.7301745.
     */
    @Test
    void aStepCapStopsLongTasksAndTheyFail() {
        AgentTask task = new AgentTask(2, 3, 4, 400, new BigDecimal("0.1"), 1, null);
        AgentCost.Result r = compute(task, AgentPlan.of(MINI).withStepCap(3));
        usd("0.0025864575", r.perAttemptedTask());
        usd("0.7301745", r.successShare());
        AgentCost.Result none = compute(task, AgentPlan.of(MINI).withStepCap(1).withStepCap(1));
        usd("0", none.successShare());
        assertNull(none.perSuccessfulTask());
        assertTrue(none.warnings().get(0).contains("step cap"));
    }

    @Test
    void aTypedSuccessShareIsUsedForTheCostPerSuccessfulTask() {
        AgentTask task = AgentTask.fixed(2, 400, new BigDecimal("0.5"), 1).withSuccessShare(new BigDecimal("0.5"));
        AgentCost.Result r = compute(task, AgentPlan.of(MINI));
        usd("0.5625", r.computedSuccess());
        usd("0.00421875", r.perSuccessfulTask()); // 0.002109375 / 0.5
    }

    /**
     * Seed 001's trade-off, on typed prices. Every call: 1,000 input tokens, no output. Cheap model $1/1M → $0.001 a
     * call; planner $3/1M → $0.003. Two steps, no retry. Cheap everywhere at 50 % failure: 0.001 + 0.5 × 0.001 =
     * $0.0015 per attempt, success 0.25 → $0.006 per successful task. Planner on step one, 10 % failure with its
     * plan: 0.003 + 0.9 × 0.001 = $0.0039 per attempt, success 0.81 → $0.0048148… per successful task: dearer per
     * attempt, cheaper per success.
     */
    @Test
    void aStrongerPlannerCanCostLessPerSuccessfulTask() {
        ModelEntry cheap = CustomModel.of("cheap", "1", "4").toEntry();
        ModelEntry planner = CustomModel.of("planner", "3", "12").toEntry();
        AgentTokens tokens = new AgentTokens(1000, 0, 0);
        AgentTask task = AgentTask.fixed(2, 0, new BigDecimal("0.5"), 0);
        AgentStudy s =
                AgentStudy.of(tokens, task, BigDecimal.valueOf(1000), cheap, planner, new BigDecimal("0.1"), null, DAY);
        usd("0.0015", s.cheap().cost().perAttemptedTask());
        usd("0.006", s.cheap().cost().perSuccessfulTask());
        usd("1.5", s.cheap().perMonth());
        usd("0.0039", s.planned().cost().perAttemptedTask());
        usd("0.81", s.planned().cost().successShare());
        usd("0.004814814814814814814814814814814815", s.planned().cost().perSuccessfulTask());
    }

    @Test
    void theSweepRisesWithTheFailureRate() {
        AgentTask task = new AgentTask(2, 3, 4, 400, new BigDecimal("0.1"), 1, new BigDecimal("0.9"));
        AgentStudy s = AgentStudy.of(TOKENS, task, BigDecimal.ONE, MINI, null, null, null, DAY);
        assertEquals(11, s.sweep().size());
        usd("0", s.sweep().get(0).failureRate());
        // At 0 % every task succeeds: per attempted = per successful.
        usd(
                s.sweep().get(0).perAttemptedTask().toPlainString(),
                s.sweep().get(0).perSuccessfulTask());
        for (int i = 1; i < s.sweep().size(); i++) {
            assertTrue(s.sweep()
                            .get(i)
                            .perSuccessfulTask()
                            .compareTo(s.sweep().get(i - 1).perSuccessfulTask())
                    > 0);
        }
        assertNull(s.planned());
        assertNull(s.capped());
    }
}
