// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.cost.CostBreakdown;
import dev.costbench.model.cost.CostLine;
import dev.costbench.model.cost.Money;
import dev.costbench.model.validation.JsonReading;

/**
 * A cost breakdown as JSON, stored with each trial so that a past run keeps the prices that were in force when it
 * ran. Money is a decimal string. Shape: {@code {model, provider, batch, residency, complete, total,
 * lines: [{item, tokens, pricePerMTok, usd, source, asOf, status, rule}], notes}}.
 */
public final class PricesInForce {

    private static final ObjectMapper MAPPER = JsonReading.mapper();

    private PricesInForce() {}

    public static String toJson(CostBreakdown b) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("model", b.model().id());
        o.put("provider", b.model().provider());
        o.put("batch", b.options().batch());
        o.put("residency", b.options().residency());
        o.put("complete", b.complete());
        o.put("total", Money.exact(b.total()));
        ArrayNode lines = o.putArray("lines");
        for (CostLine l : b.lines()) {
            ObjectNode n = lines.addObject();
            n.put("item", l.item());
            n.put("tokens", l.tokens());
            n.put("pricePerMTok", Money.exact(l.pricePerMTok()));
            n.put("usd", Money.exact(l.usd()));
            n.put("source", l.price() == null ? null : l.price().source());
            n.put("asOf", l.price() == null ? null : l.price().asOf());
            n.put("status", l.price() == null ? null : l.price().status().name());
            n.put("rule", l.rule());
        }
        ArrayNode notes = o.putArray("notes");
        b.notes().forEach(notes::add);
        return o.toString();
    }
}
