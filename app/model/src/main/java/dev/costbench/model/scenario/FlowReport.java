// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.cost.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The report lines of the request types that are more than one request (agent tasks, conversations, retrieval
 * queries), of heavy-tail users and of the budget: shared by the text, HTML and JSON reports.
 */
public final class FlowReport {

    private FlowReport() {}

    /** "per conversation of “Support chat”: $0.0023 → $0.0018" for each conversation and retrieval type. */
    public static List<String> perUnit(Scenario s, Waterfall w) {
        List<String> out = new ArrayList<>();
        for (RequestType t : s.workload().requestTypes()) {
            if (t.isConversationType() || t.isRetrievalType()) {
                out.add("per " + unit(t) + " of “" + t.name() + "”: " + Money.format(per(t, s, w.baseline())) + " → "
                        + Money.format(per(t, s, w.optimized())));
            }
        }
        return out;
    }

    /** Text lines, in the order the reports show them. */
    static List<String> lines(Scenario s, Waterfall w) {
        List<String> out = new ArrayList<>(AgentTaskFigures.lines(s, w));
        perUnit(s, w).forEach(l -> out.add("P" + l.substring(1)));
        if (w.heavyTail() != null) {
            out.addAll(w.heavyTail().lines());
        }
        out.addAll(BudgetBreach.lines(w.budget()));
        return out;
    }

    /** The {@code agentTasks}, {@code perUnit}, {@code heavyTail} and {@code budget} members of the JSON report. */
    static void json(ObjectNode o, Scenario s, Waterfall w) {
        AgentTaskFigures.json(o, s, w);
        ArrayNode a = null;
        for (RequestType t : s.workload().requestTypes()) {
            if (t.isConversationType() || t.isRetrievalType()) {
                a = a == null ? o.putArray("perUnit") : a;
                ObjectNode n = a.addObject();
                n.put("id", t.id());
                n.put("name", t.name());
                n.put("unit", unit(t));
                n.put("baselineUsd", Money.exact(per(t, s, w.baseline())));
                n.put("optimizedUsd", Money.exact(per(t, s, w.optimized())));
            }
        }
        if (w.heavyTail() != null) {
            w.heavyTail().json(o);
        }
        if (w.budget() != null) {
            w.budget().json(o);
        }
    }

    /** "conversation" or "query". */
    static String unit(RequestType t) {
        return t.isConversationType()
                ? "conversation"
                : t.isRetrievalType() ? "query" : t.isAgentTask() ? "task" : "request";
    }

    /** The bill of {@code t} in {@code b} over its units in month 1; zero without units. */
    static BigDecimal per(RequestType t, Scenario s, Bill b) {
        BigDecimal units = t.volume().perMonth(s.workload().daysPerMonth());
        BigDecimal cost = b.byRequestType().getOrDefault(t.id(), BigDecimal.ZERO);
        return units.signum() == 0 ? BigDecimal.ZERO : cost.divide(units, ScenarioEngine.MC);
    }
}
