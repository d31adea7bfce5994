// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.workload.agent;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * What an agent does per task, beside the tokens of its prompt. The number of steps a task needs is a triangular
 * distribution a PM can type: the fewest steps, the most usual number and the most; the weight of {@code n} steps
 * rises in a straight line from {@code minSteps} to {@code modeSteps} and falls in a straight line to
 * {@code maxSteps}, every count in between keeping a weight above zero (see {@link #weights()}).
 *
 * @param toolOutputTokens tokens a tool returns after each step; the agent's next call carries them (and the
 *                         step's own output) in its context
 * @param failureRate      the chance that one call of a step fails and has to be sent again (0–1)
 * @param retryCap         how many times a failed step is sent again; when every try fails the task fails
 * @param successShare     the share of tasks that succeed, when measured and typed in; null: computed from the
 *                         failure rate, the retry cap and the step cap
 */
public record AgentTask(
        int minSteps,
        int modeSteps,
        int maxSteps,
        long toolOutputTokens,
        BigDecimal failureRate,
        int retryCap,
        BigDecimal successShare) {

    static final MathContext MC = MathContext.DECIMAL128;

    public AgentTask {
        failureRate = failureRate == null ? BigDecimal.ZERO : failureRate;
        if (minSteps < 1 || modeSteps < minSteps || maxSteps < modeSteps) {
            throw new IllegalArgumentException("Steps per task: the fewest (" + minSteps + "), the most usual ("
                    + modeSteps + ") and the most (" + maxSteps + ") must be at least 1 and in that order");
        }
        if (maxSteps > 500) {
            throw new IllegalArgumentException(
                    "Steps per task: at most 500 steps can be priced; " + maxSteps + " were given");
        }
        if (toolOutputTokens < 0 || retryCap < 0) {
            throw new IllegalArgumentException("Tool output tokens and the retry cap must be 0 or more");
        }
        if (failureRate.signum() < 0 || failureRate.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("The failure rate per step must be from 0 % to below 100 %; "
                    + failureRate.movePointRight(2).stripTrailingZeros().toPlainString() + " % was given");
        }
        if (successShare != null && (successShare.signum() <= 0 || successShare.compareTo(BigDecimal.ONE) > 0)) {
            throw new IllegalArgumentException("The share of tasks that succeed must be above 0 % and at most 100 %");
        }
    }

    /** A task of always {@code steps} steps. */
    public static AgentTask fixed(int steps, long toolOutputTokens, BigDecimal failureRate, int retryCap) {
        return new AgentTask(steps, steps, steps, toolOutputTokens, failureRate, retryCap, null);
    }

    public AgentTask withFailureRate(BigDecimal rate) {
        return new AgentTask(minSteps, modeSteps, maxSteps, toolOutputTokens, rate, retryCap, successShare);
    }

    public AgentTask withSuccessShare(BigDecimal share) {
        return new AgentTask(minSteps, modeSteps, maxSteps, toolOutputTokens, failureRate, retryCap, share);
    }

    /**
     * The integer weight of each step count, {@code minSteps} first: {@code (n − min + 1) × (max − mode + 1)} up to
     * the mode and {@code (max − n + 1) × (mode − min + 1)} from it. E.g. 2 / 3 / 5 → 2 steps: 3, 3 steps: 6,
     * 4 steps: 4, 5 steps: 2 (a 3-in-15 chance of 2 steps). Exact: a probability is a weight over their sum.
     */
    public List<Long> weights() {
        List<Long> w = new ArrayList<>();
        long up = maxSteps - modeSteps + 1L;
        long down = modeSteps - minSteps + 1L;
        for (int n = minSteps; n <= maxSteps; n++) {
            w.add(n <= modeSteps ? (n - minSteps + 1L) * up : (maxSteps - n + 1L) * down);
        }
        return List.copyOf(w);
    }

    /** The mean number of steps a task needs (before any step cap). */
    public BigDecimal meanSteps() {
        List<Long> w = weights();
        long sum = 0;
        long weighted = 0;
        for (int i = 0; i < w.size(); i++) {
            sum += w.get(i);
            weighted += w.get(i) * (minSteps + i);
        }
        return BigDecimal.valueOf(weighted).divide(BigDecimal.valueOf(sum), MC);
    }
}
