// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.Price;
import dev.costbench.model.catalog.PriceKind;
import dev.costbench.model.catalog.ServiceTier;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.CostBreakdown;
import dev.costbench.model.cost.CostEngine;
import dev.costbench.model.cost.CostRow;
import dev.costbench.model.cost.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The selected model's request priced at every service tier, and the dated prices that end soon after the chosen
 * date: the "Tiers" part of the breakdown.
 *
 * @param model   the model compared
 * @param chosen  the service tier the cost table uses
 * @param tiers   one entry per service tier, in {@link ServiceTier} order
 * @param endings "the introductory price ends on …; from … this request costs …", one per end date within
 *                {@link #SOON_DAYS} days of the chosen date
 */
public record TierComparison(ModelEntry model, ServiceTier chosen, List<TierCost> tiers, List<String> endings) {

    /** How far ahead of the chosen date a price's end is announced. */
    public static final int SOON_DAYS = 90;

    public TierComparison {
        tiers = List.copyOf(tiers);
        endings = List.copyOf(endings);
    }

    /**
     * This request at one tier.
     *
     * @param offered  false when the model does not offer the tier (no cost then)
     * @param cost     the breakdown at this tier; null when not offered
     */
    public record TierCost(ServiceTier tier, boolean offered, CostBreakdown cost) {

        /** "$0.0125", "$0.0125 + unpriced lines", "unpriced" or "not offered". */
        public String text() {
            if (!offered) {
                return "not offered";
            }
            if (cost.unpriced()) {
                return "unpriced";
            }
            return Money.format(cost.total()) + (cost.complete() ? "" : " + unpriced lines");
        }
    }

    /**
     * Re-prices {@code row}'s usage (same tokens, cache reads, residency) at each tier, on {@code billing}'s date.
     *
     * @param billing what the cost table was priced with; its date must be set
     */
    public static TierComparison of(CostRow row, BillingOptions billing) {
        ModelEntry m = row.model();
        List<TierCost> out = new ArrayList<>();
        for (ServiceTier t : ServiceTier.values()) {
            boolean offered = m.offers(t);
            out.add(new TierCost(
                    t, offered, offered ? CostEngine.price(m, row.breakdown().usage(), billing.withTier(t)) : null));
        }
        return new TierComparison(m, billing.serviceTier(), out, endings(row, billing));
    }

    private static List<String> endings(CostRow row, BillingOptions billing) {
        ModelEntry m = row.model();
        LocalDate at = billing.at();
        Map<LocalDate, String> ends = new TreeMap<>();
        for (Map.Entry<PriceKind, List<Price>> e : m.schedule().entrySet()) {
            for (Price p : e.getValue()) {
                LocalDate until = p.validUntil();
                if (p.covers(at) && until != null && !until.isAfter(at.plusDays(SOON_DAYS))) {
                    String what = p.note().isBlank() ? "current" : p.note();
                    ends.merge(until, what, (a, b) -> a.equals(b) ? a : "current");
                }
            }
        }
        List<String> out = new ArrayList<>();
        ends.forEach((until, what) -> {
            LocalDate next = until.plusDays(1);
            CostBreakdown after = CostEngine.price(m, row.breakdown().usage(), billing.at(next));
            String price = what.endsWith(" price") ? what : what + " price";
            String then = after.unpriced()
                    ? "from " + next + " no price is listed, so this request is unpriced"
                    : "from " + next + " this request costs " + Money.format(after.total())
                            + (after.complete() ? "" : " + unpriced lines")
                            + " (" + Money.format(row.perRequest()) + " on " + at + ")";
            out.add("The " + price + " ends on " + until + "; " + then + ".");
        });
        return out;
    }

    /** The cost at {@code t}. */
    public TierCost at(ServiceTier t) {
        return tiers.get(t.ordinal());
    }

    /** The cost at {@code t} divided by the standard cost (e.g. 2 for priority on gpt-5); null when either is not. */
    public BigDecimal ratio(ServiceTier t) {
        TierCost x = at(t);
        TierCost std = at(ServiceTier.STANDARD);
        if (!x.offered()
                || !x.cost().complete()
                || !std.cost().complete()
                || std.cost().total().signum() == 0) {
            return null;
        }
        return x.cost().total().divide(std.cost().total(), MathContext.DECIMAL64);
    }
}
