// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import java.math.BigDecimal;
import java.util.List;

/**
 * One enabled lever's bar in the waterfall: the monthly bill after it and everything before it, and its real
 * marginal saving in the order applied (negative when the lever costs more, e.g. self-hosting at low volume).
 *
 * @param notes why the lever did less than its headline (nothing to act on, below the minimum cacheable length…)
 */
public record WaterfallStep(
        String leverId,
        String label,
        String kind,
        Component component,
        BigDecimal monthlyAfter,
        BigDecimal saving,
        Bill bill,
        List<String> notes) {

    public WaterfallStep {
        notes = List.copyOf(notes);
    }
}
