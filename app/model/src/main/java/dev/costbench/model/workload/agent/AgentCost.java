// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.workload.agent;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.Price;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.CostEngine;
import dev.costbench.model.cost.UnitPrices;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The expected cost of an agent task. Step {@code j} is reached when every earlier step succeeded within its tries;
 * a step is tried up to {@code 1 + retryCap} times, each try failing with the step's failure rate {@code p}, so a
 * reached step costs {@code 1 + p + … + p^retryCap} calls and succeeds with {@code 1 − p^(retryCap+1)}. A task that
 * needs {@code n} steps stops at the step cap (and then fails). The distribution of steps is enumerated, count by
 * count with its exact weight: no sampling, no randomness. Every sum is exact; the only division is by the sum of
 * the weights (and by the success share for the cost per successful task), to 34 significant digits.
 */
public final class AgentCost {

    private AgentCost() {}

    /**
     * The figures of one task shape.
     *
     * @param perAttemptedTask   expected cost of a task, failed ones included
     * @param inputCost          the input-token part of {@code perAttemptedTask}
     * @param outputCost         the output-token part of {@code perAttemptedTask}
     * @param callsPerTask       expected calls per task, retries included
     * @param computedSuccess    the share of tasks that succeed, from the failure rate and the caps
     * @param successShare       the share used for the cost per successful task: typed in when the task gives one,
     *                           else {@code computedSuccess}
     * @param perSuccessfulTask  {@code perAttemptedTask ÷ successShare}; null when no task succeeds
     * @param warnings           unpriced parts (left out, never counted as $0)
     */
    public record Result(
            BigDecimal perAttemptedTask,
            BigDecimal inputCost,
            BigDecimal outputCost,
            BigDecimal callsPerTask,
            BigDecimal computedSuccess,
            BigDecimal successShare,
            BigDecimal perSuccessfulTask,
            List<String> warnings) {

        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    /** The expected cost of {@code task} on {@code plan}, at the catalog prices of {@code date}. */
    public static Result compute(
            AgentTokens tokens, AgentTask task, AgentPlan plan, BillingOptions options, LocalDate date) {
        int last = plan.stepCap() == null ? task.maxSteps() : Math.min(task.maxSteps(), plan.stepCap());
        Set<String> warnings = new LinkedHashSet<>();
        // reach = the chance step j is reached; cost/in/out/calls: expected sums over steps 1..j.
        BigDecimal reach = BigDecimal.ONE;
        BigDecimal in = BigDecimal.ZERO;
        BigDecimal out = BigDecimal.ZERO;
        BigDecimal calls = BigDecimal.ZERO;
        BigDecimal[] inUpTo = new BigDecimal[last + 1];
        BigDecimal[] outUpTo = new BigDecimal[last + 1];
        BigDecimal[] callsUpTo = new BigDecimal[last + 1];
        BigDecimal[] reachAfter = new BigDecimal[last + 1];
        for (int j = 1; j <= last; j++) {
            boolean planning = j == 1 && plan.planner() != null;
            ModelEntry m = planning ? plan.planner() : plan.model();
            BigDecimal p = plan.planner() != null && plan.failureRateWithPlanner() != null
                    ? plan.failureRateWithPlanner()
                    : task.failureRate();
            BigDecimal tries = BigDecimal.ZERO;
            for (int i = 0; i <= task.retryCap(); i++) {
                tries = tries.add(p.pow(i));
            }
            BigDecimal expectedCalls = reach.multiply(tries);
            long input = tokens.inputAt(j, task.toolOutputTokens());
            UnitPrices prices = CostEngine.unitPrices(m, input, options.at(date));
            in = in.add(expectedCalls.multiply(perToken(prices.input(), input, m, "input", warnings)));
            out = out.add(
                    expectedCalls.multiply(perToken(prices.output(), tokens.outputPerStep(), m, "output", warnings)));
            calls = calls.add(expectedCalls);
            reach = reach.multiply(BigDecimal.ONE.subtract(p.pow(task.retryCap() + 1)));
            inUpTo[j] = in;
            outUpTo[j] = out;
            callsUpTo[j] = calls;
            reachAfter[j] = reach;
        }
        List<Long> weights = task.weights();
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal eIn = BigDecimal.ZERO;
        BigDecimal eOut = BigDecimal.ZERO;
        BigDecimal eCalls = BigDecimal.ZERO;
        BigDecimal eSuccess = BigDecimal.ZERO;
        for (int k = 0; k < weights.size(); k++) {
            int n = task.minSteps() + k;
            int done = Math.min(n, last);
            BigDecimal w = BigDecimal.valueOf(weights.get(k));
            sum = sum.add(w);
            eIn = eIn.add(w.multiply(inUpTo[done]));
            eOut = eOut.add(w.multiply(outUpTo[done]));
            eCalls = eCalls.add(w.multiply(callsUpTo[done]));
            if (n <= last) {
                eSuccess = eSuccess.add(w.multiply(reachAfter[n]));
            }
        }
        BigDecimal inputCost = eIn.divide(sum, AgentTask.MC);
        BigDecimal outputCost = eOut.divide(sum, AgentTask.MC);
        BigDecimal attempted = inputCost.add(outputCost);
        BigDecimal computed = eSuccess.divide(sum, AgentTask.MC);
        BigDecimal share = task.successShare() != null ? task.successShare() : computed;
        BigDecimal perSuccess = share.signum() == 0 ? null : attempted.divide(share, AgentTask.MC);
        if (perSuccess == null) {
            warnings.add("No task succeeds: every task needs more steps than the step cap allows");
        }
        return new Result(
                attempted,
                inputCost,
                outputCost,
                eCalls.divide(sum, AgentTask.MC),
                computed,
                share,
                perSuccess,
                new ArrayList<>(warnings));
    }

    /** USD for {@code tokens} tokens at {@code price} per 1M; zero (and a warning) when the model lists none. */
    private static BigDecimal perToken(Price price, long tokens, ModelEntry m, String what, Set<String> warnings) {
        if (tokens == 0) {
            return BigDecimal.ZERO;
        }
        if (price == null) {
            warnings.add(m.name() + " lists no " + what + " price: that part of each call is left out");
            return BigDecimal.ZERO;
        }
        return price.perMTok().multiply(BigDecimal.valueOf(tokens)).movePointLeft(6);
    }
}
