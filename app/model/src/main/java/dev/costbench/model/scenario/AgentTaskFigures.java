// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.cost.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The cost per successful task of each "Agent task" request type, before and after the levers, for the reports and
 * the planner's totals line.
 *
 * @param name      the request type's name as the user typed it
 * @param baseline  per successful task with no lever; null when no task succeeds
 * @param optimized per successful task after every enabled lever; null when no task succeeds
 */
public record AgentTaskFigures(String id, String name, BigDecimal baseline, BigDecimal optimized) {

    /** One entry per agent task type of {@code s}, in the scenario's order. */
    public static List<AgentTaskFigures> of(Scenario s, Waterfall w) {
        List<AgentTaskFigures> out = new ArrayList<>();
        for (RequestType t : s.workload().requestTypes()) {
            if (t.isAgentTask()) {
                out.add(new AgentTaskFigures(
                        t.id(),
                        t.name(),
                        w.baseline().perSuccessfulTask().get(t.id()),
                        w.optimized().perSuccessfulTask().get(t.id())));
            }
        }
        return out;
    }

    /** "Per successful task of “Research agent”: $0.0500 → $0.0410" (— when no task succeeds). */
    public String line() {
        return "Per successful task of “" + name + "”: " + money(baseline) + " → " + money(optimized);
    }

    /** Text lines of every agent task type, for the text and HTML reports. */
    static List<String> lines(Scenario s, Waterfall w) {
        return of(s, w).stream().map(AgentTaskFigures::line).toList();
    }

    /** The {@code agentTasks} array of the JSON report (omitted when there is no agent task type). */
    static void json(ObjectNode o, Scenario s, Waterfall w) {
        List<AgentTaskFigures> all = of(s, w);
        if (all.isEmpty()) {
            return;
        }
        ArrayNode a = o.putArray("agentTasks");
        for (AgentTaskFigures f : all) {
            ObjectNode n = a.addObject();
            n.put("id", f.id());
            n.put("name", f.name());
            n.put("baselinePerSuccessfulTaskUsd", Money.exact(f.baseline()));
            n.put("perSuccessfulTaskUsd", Money.exact(f.optimized()));
        }
    }

    private static String money(BigDecimal v) {
        return v == null ? "— (no task succeeds)" : Money.format(v);
    }
}
