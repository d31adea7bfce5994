// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.ratecard;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.ServiceTier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The user's negotiated rates: discounts and markups applied after the list price, in order. Every matching line
 * applies to the amount left by the lines before it (they multiply): −15 % then +5 % is ×0.85 ×1.05 = ×0.8925.
 */
public record RateCard(List<RateAdjustment> adjustments) {

    /** No adjustments: list prices. */
    public static final RateCard NONE = new RateCard(List.of());

    public RateCard {
        adjustments = adjustments == null ? List.of() : List.copyOf(adjustments);
    }

    public boolean isEmpty() {
        return adjustments.isEmpty();
    }

    /** The lines that apply to {@code model} in {@code tier}, in the card's order. */
    public List<RateAdjustment> matching(ModelEntry model, ServiceTier tier) {
        return adjustments.stream().filter(a -> a.matches(model, tier)).toList();
    }

    /** One matching line applied to an amount: what it adds (negative for a discount) to the amount before it. */
    public record Applied(RateAdjustment adjustment, BigDecimal before, BigDecimal amount) {}

    /**
     * The matching lines applied in order to {@code total} (a list-price amount of {@code model} at {@code tier}):
     * each to the amount left by the ones before it. Empty when none matches.
     */
    public List<Applied> apply(ModelEntry model, ServiceTier tier, BigDecimal total) {
        return apply(model.provider(), model.id(), tier, total);
    }

    /** As {@link #apply(ModelEntry, ServiceTier, BigDecimal)} for a service that is not a catalog model. */
    public List<Applied> apply(String provider, String id, ServiceTier tier, BigDecimal total) {
        List<Applied> out = new ArrayList<>();
        BigDecimal running = total;
        for (RateAdjustment a :
                adjustments.stream().filter(x -> x.matches(provider, id, tier)).toList()) {
            BigDecimal amount = running.multiply(a.percent()).movePointLeft(2);
            out.add(new Applied(a, running, amount));
            running = running.add(amount);
        }
        return out;
    }

    /** {@code total} after the matching lines (null stays null: unpriced). */
    public BigDecimal adjusted(String provider, String id, ServiceTier tier, BigDecimal total) {
        if (total == null) {
            return null;
        }
        BigDecimal out = total;
        for (Applied a : apply(provider, id, tier, total)) {
            out = out.add(a.amount());
        }
        return out;
    }

    /** Every problem of every line, "line 2 (reseller): …"; empty when the card is valid. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < adjustments.size(); i++) {
            RateAdjustment a = adjustments.get(i);
            String name = a.label().isEmpty() ? "" : " (" + a.label() + ")";
            for (String p : a.problems()) {
                out.add("line " + (i + 1) + name + ": " + p);
            }
        }
        return out;
    }
}
