// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One month's bill, exact: the total, its lines, its split by request type and, for each "Agent task" request type,
 * its cost per successful task (its share of the bill over the tasks that succeed; absent when none succeeds).
 * Unpriced parts (a model without an output price, say) are left out and reported as warnings, never counted as $0
 * silently.
 *
 * @param lineNotes the assumptions behind a line, in words (the self-hosted GPUs: instances, hours, throughput;
 *                  the per-image and per-request fees: count × fee), for its tooltip and the report; may be empty
 */
public record Bill(
        BigDecimal total,
        Map<BillLine, BigDecimal> lines,
        Map<String, BigDecimal> byRequestType,
        Map<String, BigDecimal> perSuccessfulTask,
        Map<BillLine, List<String>> lineNotes) {

    public Bill {
        Map<BillLine, List<String>> notes = new EnumMap<>(BillLine.class);
        if (lineNotes != null) {
            lineNotes.forEach((k, v) -> notes.put(k, List.copyOf(v)));
        }
        lineNotes = Collections.unmodifiableMap(notes);
        lines = Collections.unmodifiableMap(new EnumMap<>(lines.isEmpty() ? new EnumMap<>(BillLine.class) : lines));
        byRequestType = Collections.unmodifiableMap(new LinkedHashMap<>(byRequestType));
        perSuccessfulTask = perSuccessfulTask == null
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(perSuccessfulTask));
    }

    /** A bill without agent tasks. */
    public Bill(BigDecimal total, Map<BillLine, BigDecimal> lines, Map<String, BigDecimal> byRequestType) {
        this(total, lines, byRequestType, Map.of());
    }

    /** A bill without notes on its lines. */
    public Bill(
            BigDecimal total,
            Map<BillLine, BigDecimal> lines,
            Map<String, BigDecimal> byRequestType,
            Map<String, BigDecimal> perSuccessfulTask) {
        this(total, lines, byRequestType, perSuccessfulTask, Map.of());
    }

    /** The assumptions behind {@code l}, one sentence each; empty when it has none. */
    public List<String> notes(BillLine l) {
        return lineNotes.getOrDefault(l, List.of());
    }

    /** The amount of one line (zero when absent). */
    public BigDecimal line(BillLine l) {
        return lines.getOrDefault(l, BigDecimal.ZERO);
    }
}
