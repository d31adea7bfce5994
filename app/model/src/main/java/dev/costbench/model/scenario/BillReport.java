// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.cost.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The lines of the monthly bills in the scenario report: what the money goes to before and after the levers, with
 * the explicit-cache storage, the per-image and per-request fees, the self-hosted GPUs and the rate card as lines of
 * their own, each with the assumptions behind it ("notes"). JSON keeps the exact values; text goes through
 * the one money formatter.
 */
final class BillReport {

    private BillReport() {}

    /** The bill's lines in order: [{"line": "Prompt tokens", "id": "text_input", "usd": "1000"}, …]. */
    static ArrayNode json(Bill b) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (Map.Entry<BillLine, BigDecimal> e : b.lines().entrySet()) {
            ObjectNode n = out.addObject();
            n.put("line", e.getKey().label());
            n.put("id", e.getKey().name().toLowerCase(Locale.ROOT));
            n.put("usd", Money.exact(e.getValue()));
            List<String> notes = b.notes(e.getKey());
            if (!notes.isEmpty()) {
                ArrayNode a = n.putArray("notes");
                notes.forEach(a::add);
            }
        }
        return out;
    }

    /** "baselineBill" and "optimizedBill" on the report. */
    static void json(ObjectNode o, Waterfall w) {
        o.set("baselineBill", json(w.baseline()));
        o.set("optimizedBill", json(w.optimized()));
    }

    /** "Bill after the levers:" with one line per bill line. */
    static void text(StringBuilder b, Waterfall w) {
        if (w.optimized().lines().isEmpty()) {
            return;
        }
        b.append("\nMonthly bill after the levers:\n");
        int width = 0;
        for (BillLine l : w.optimized().lines().keySet()) {
            width = Math.max(width, l.label().length());
        }
        for (Map.Entry<BillLine, BigDecimal> e : w.optimized().lines().entrySet()) {
            String label = e.getKey().label();
            b.append("  ")
                    .append(label)
                    .append(" ".repeat(width - label.length()))
                    .append("  ")
                    .append(Money.format(e.getValue()))
                    .append('\n');
            for (String note : w.optimized().notes(e.getKey())) {
                b.append("    ").append(note).append('\n');
            }
        }
    }
}
