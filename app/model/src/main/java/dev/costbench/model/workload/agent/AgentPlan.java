// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.workload.agent;

import dev.costbench.model.catalog.ModelEntry;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Which models run an agent's steps and the levers on it.
 *
 * @param model                the model of every step (of the steps after the first when a planner is set)
 * @param planner              a stronger model for step one only; null: {@code model} plans too
 * @param failureRateWithPlanner the failure rate of every step when a planner makes the plan (a better plan makes
 *                             fewer mistakes downstream); null: the task's own rate
 * @param stepCap              the most steps a task may take; a task that needs more stops there and fails. Null:
 *                             no cap
 */
public record AgentPlan(ModelEntry model, ModelEntry planner, BigDecimal failureRateWithPlanner, Integer stepCap) {

    public AgentPlan {
        Objects.requireNonNull(model, "model");
        if (stepCap != null && stepCap < 1) {
            throw new IllegalArgumentException("The step cap must be at least 1 step; " + stepCap + " was given");
        }
        if (failureRateWithPlanner != null
                && (failureRateWithPlanner.signum() < 0 || failureRateWithPlanner.compareTo(BigDecimal.ONE) >= 0)) {
            throw new IllegalArgumentException("The failure rate with a planner must be from 0 % to below 100 %");
        }
    }

    /** One model for every step, no cap. */
    public static AgentPlan of(ModelEntry model) {
        return new AgentPlan(model, null, null, null);
    }

    public AgentPlan withStepCap(Integer cap) {
        return new AgentPlan(model, planner, failureRateWithPlanner, cap);
    }

    public AgentPlan withPlanner(ModelEntry p, BigDecimal rateWithPlanner) {
        return new AgentPlan(model, p, rateWithPlanner, stepCap);
    }
}
