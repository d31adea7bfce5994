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
public record CostBreakdown(
        ModelEntry model,
        CanonicalUsage usage,
        BillingOptions options,
        List<CostLine> lines,
        BigDecimal total,
        List<String> notes) {

    public CostBreakdown {
        lines = List.copyOf(lines);
        notes = List.copyOf(notes);
    }

    public boolean complete() {
        return lines.stream().noneMatch(CostLine::unpriced);
    }

    /**
     * True when nothing at all could be priced. Zero-amount lines without tokens (the service-tier and long-context
     * lines, a residency uplift on nothing) do not count as priced.
     */
    public boolean unpriced() {
        List<CostLine> counted = lines.stream()
                .filter(l -> !(l.tokens() == 0 && l.usd() != null && l.usd().signum() == 0))
                .toList();
        return counted.stream().allMatch(CostLine::unpriced) && !counted.isEmpty();
    }

    /**
     * The total before the user's rate card — the list price (with tier, long context and residency) — that is
     * {@link #total()} less the rate-card lines; {@link #total()} itself when no card applied.
     */
    public BigDecimal listTotal() {
        BigDecimal out = total;
        for (CostLine l : lines) {
            if (l.item().startsWith(RateCardLines.PREFIX) && l.usd() != null) {
                out = out.subtract(l.usd());
            }
        }
        return out;
    }

    /** True when at least one line of the user's rate card applied. */
    public boolean rateCardApplied() {
        return lines.stream().anyMatch(l -> l.item().startsWith(RateCardLines.PREFIX));
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
