// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.scenario.PlanState.TypeState;
import dev.costbench.model.workload.agent.AgentCost;
import dev.costbench.model.workload.agent.AgentPlan;
import dev.costbench.model.workload.agent.AgentTokens;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;

/**
 * Prices one route of an "Agent task" request type with {@link AgentCost}: one call's tokens as the levers left
 * them (prompt trimming, output caps), the step cap and the better-planner levers, the route's model, billed at
 * the tier the batch, flex and priority levers send it to.
 */
final class AgentTaskPricer {

    private AgentTaskPricer() {}

    /** The expected cost of one task of {@code ts} on {@code m}; null when the planner model is unknown. */
    static AgentCost.Result price(
            TypeState ts, ModelEntry m, Models models, BillingOptions options, Set<String> warnings) {
        AgentTokens tokens =
                new AgentTokens(whole(ts.system.add(ts.fewShot)), whole(ts.user), whole(ts.output.add(ts.reasoning)));
        AgentPlan plan = new AgentPlan(m, null, null, ts.stepCap);
        if (ts.planner != null) {
            ModelEntry planner = models.entry(ts.planner.model());
            if (planner == null) {
                warnings.add("unknown planner model '" + ts.planner.model() + "': '" + ts.rt.name()
                        + "' is priced without the planner");
            } else {
                plan = plan.withPlanner(planner, ts.planner.failureRate());
            }
        }
        if (ts.hasMedia() || ts.rt.audio() != null) {
            warnings.add("'" + ts.rt.name() + "' is an agent task: only its text tokens are priced; its images, "
                    + "video and audio are left out. Give them as tokens in the system or user tokens instead");
        }
        AgentCost.Result r = AgentCost.compute(tokens, ts.rt.agent(), plan, options, options.at());
        warnings.addAll(r.warnings());
        return r;
    }

    private static long whole(BigDecimal tokens) {
        return tokens.setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
