// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.workload.agent;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.BillingOptions;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The Agent workload's figures: the task as typed, the step cap lever, how the cost moves with the failure rate,
 * and seed 001's trade-off ("a reasoning model's higher accuracy on the planning step can reduce total pipeline
 * cost"): a stronger planner model on step one that lowers the failure rate downstream, against the cheap model on
 * every step.
 *
 * @param asTyped    the task on the cheap model, no cap
 * @param capped     the task with the step cap; null when no cap is set
 * @param cheap      the comparison's "cheap model everywhere" side (with the cap when set)
 * @param planned    the comparison's "planner on step one" side; null without a planner model
 * @param sweep      cost per attempted and per successful task as the failure rate varies (with the cap when set;
 *                   the success share always computed)
 */
public record AgentStudy(Result asTyped, Result capped, Result cheap, Result planned, List<Point> sweep) {

    /** The figures of one plan, with the number of tasks a month for the monthly bill. */
    public record Result(AgentCost.Result cost, BigDecimal perMonth) {}

    /** One failure rate and its costs. */
    public record Point(BigDecimal failureRate, BigDecimal perAttemptedTask, BigDecimal perSuccessfulTask) {}

    /** The failure rates the sweep shows: 0 % to 50 % in steps of 5 %. */
    public static final List<BigDecimal> SWEEP_RATES = rates();

    private static List<BigDecimal> rates() {
        List<BigDecimal> r = new ArrayList<>();
        for (int i = 0; i <= 10; i++) {
            r.add(BigDecimal.valueOf(5L * i, 2));
        }
        return List.copyOf(r);
    }

    /**
     * The study of {@code task} on {@code model}; {@code planner} and {@code rateWithPlanner} the comparison's
     * planner side (null: none), {@code stepCap} the cap lever (null: off).
     */
    public static AgentStudy of(
            AgentTokens tokens,
            AgentTask task,
            BigDecimal tasksPerMonth,
            ModelEntry model,
            ModelEntry planner,
            BigDecimal rateWithPlanner,
            Integer stepCap,
            LocalDate date) {
        BillingOptions opts = BillingOptions.INTERACTIVE;
        AgentPlan base = AgentPlan.of(model);
        AgentPlan cheapPlan = base.withStepCap(stepCap);
        Result asTyped = result(tokens, task, base, tasksPerMonth, date);
        Result capped = stepCap == null ? null : result(tokens, task, cheapPlan, tasksPerMonth, date);
        Result cheap = capped == null ? asTyped : capped;
        Result planned = planner == null
                ? null
                : result(tokens, task, cheapPlan.withPlanner(planner, rateWithPlanner), tasksPerMonth, date);
        List<Point> sweep = new ArrayList<>();
        for (BigDecimal rate : SWEEP_RATES) {
            AgentCost.Result r =
                    AgentCost.compute(tokens, task.withSuccessShare(null).withFailureRate(rate), cheapPlan, opts, date);
            sweep.add(new Point(rate, r.perAttemptedTask(), r.perSuccessfulTask()));
        }
        return new AgentStudy(asTyped, capped, cheap, planned, sweep);
    }

    private static Result result(
            AgentTokens tokens, AgentTask task, AgentPlan plan, BigDecimal tasksPerMonth, LocalDate date) {
        AgentCost.Result r = AgentCost.compute(tokens, task, plan, BillingOptions.INTERACTIVE, date);
        return new Result(r, r.perAttemptedTask().multiply(tasksPerMonth));
    }
}
