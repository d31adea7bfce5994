// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.cost;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.PriceStatus;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The cost of one request on one model, line by line. {@link #total()} is exact; when any needed price is missing
 * the total covers only the priced lines and {@link #complete()} is false (shown as "unpriced", never as $0).
 */
public record CostBreakdown(ModelEntry model, CanonicalUsage usage, BillingOptions options, List<CostLine> lines,
                            BigDecimal total, List<String> notes) {

    public CostBreakdown {
        lines = List.copyOf(lines);
        notes = List.copyOf(notes);
    }

    public boolean complete() {
        return lines.stream().noneMatch(CostLine::unpriced);
    }

    /** True when nothing at all could be priced. */
    public boolean unpriced() {
        return lines.stream().allMatch(CostLine::unpriced) && !lines.isEmpty();
    }

    /**
     * Where this figure may mislead: input above the model's context window, output above its maximum output
     * ({@link CostWarnings}). Empty when the request fits.
     */
    public List<String> warnings() {
        return CostWarnings.of(model, usage);
    }

    /** The statuses of the prices used, other than LISTED (UNCONFIRMED, CONFLICT, derived). */
    public Set<PriceStatus> flags() {
        EnumSet<PriceStatus> s = EnumSet.noneOf(PriceStatus.class);
        for (CostLine l : lines) {
            if (l.price() != null && l.price().status() != PriceStatus.LISTED) {
                s.add(l.price().status());
            }
        }
        return s;
    }
}
