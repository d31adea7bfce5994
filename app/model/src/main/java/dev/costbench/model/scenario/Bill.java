// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One month's bill, exact: the total, its lines, its split by request type and, for each "Agent task" request type,
 * its cost per successful task (its share of the bill over the tasks that succeed; absent when none succeeds).
 * Unpriced parts (a model without an output price, say) are left out and reported as warnings, never counted as $0
 * silently.
 */
public record Bill(
        BigDecimal total,
        Map<BillLine, BigDecimal> lines,
        Map<String, BigDecimal> byRequestType,
        Map<String, BigDecimal> perSuccessfulTask) {

    public Bill {
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

    /** The amount of one line (zero when absent). */
    public BigDecimal line(BillLine l) {
        return lines.getOrDefault(l, BigDecimal.ZERO);
    }
}
