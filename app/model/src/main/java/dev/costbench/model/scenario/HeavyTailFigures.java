// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.cost.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What heavy-tail users cost: the bill per user at p50 / p90 / p99 (the typed units × the optimized cost per unit of
 * the request type), the margin of each plan price at each percentile, and the share of users who cost more than
 * their plan (from the lognormal fitted to the percentiles).
 *
 * @param typeName      the request type's name
 * @param unitCost      the optimized cost of one unit (conversation, task, query) in month 1
 * @param perUser       the bill per user at p50, p90 and p99
 * @param sigma         the fitted lognormal's sigma (its median is p50)
 * @param meanUnits     the fitted mean units per user a month
 * @param users         users a month; null when not given
 * @param plans         one entry per plan price
 */
public record HeavyTailFigures(
        String typeName,
        BigDecimal unitCost,
        List<BigDecimal> percentiles,
        List<BigDecimal> perUser,
        double sigma,
        double meanUnits,
        Long users,
        List<Plan> plans) {

    /** The labels of {@link #percentiles()} and {@link #perUser()}. */
    public static final List<String> LABELS = List.of("p50", "p90", "p99");

    /**
     * One plan price against the distribution.
     *
     * @param price          the plan's monthly price per user
     * @param margins        price − bill per user at p50, p90, p99 (negative: that user loses money)
     * @param breakEvenUnits units a month at which a user costs the plan price; null when a unit costs nothing
     * @param shareAbove     the share of users above break-even (who cost more than they pay), from the fit
     */
    public record Plan(BigDecimal price, List<BigDecimal> margins, BigDecimal breakEvenUnits, double shareAbove) {

        /** True when a user at some percentile costs more than the plan price. */
        public boolean losesMoney() {
            return margins.stream().anyMatch(m -> m.signum() < 0);
        }
    }

    public HeavyTailFigures {
        percentiles = List.copyOf(percentiles);
        perUser = List.copyOf(perUser);
        plans = List.copyOf(plans);
    }

    /** The figures of {@code s}'s heavy-tail users on {@code w}'s optimized month; null when none are asked. */
    static HeavyTailFigures of(Scenario s, Bill optimized) {
        HeavyTail h = s.workload().heavyTail();
        if (h == null) {
            return null;
        }
        RequestType t = type(s.workload(), h.requestType());
        if (t == null) {
            return null;
        }
        BigDecimal unit = FlowReport.per(t, s, optimized);
        List<BigDecimal> pct = List.of(h.p50(), h.p90(), h.p99());
        List<BigDecimal> perUser = pct.stream().map(p -> p.multiply(unit)).toList();
        Lognormal fit = Lognormal.fit(
                h.p50().doubleValue(), h.p90().doubleValue(), h.p99().doubleValue());
        List<Plan> plans = new ArrayList<>();
        for (BigDecimal price : h.planPrices()) {
            List<BigDecimal> margins = perUser.stream().map(price::subtract).toList();
            BigDecimal breakEven = unit.signum() == 0 ? null : price.divide(unit, MathContext.DECIMAL64);
            double above = breakEven == null ? 0 : fit.above(breakEven.doubleValue());
            plans.add(new Plan(price, margins, breakEven, above));
        }
        Long users = h.users() != null ? h.users() : s.workload().users();
        return new HeavyTailFigures(t.name(), unit, pct, perUser, fit.sigma(), fit.mean(), users, plans);
    }

    /** The type the units count: {@code id}, or the first conversation, agent or retrieval type, or the first. */
    static RequestType type(Workload w, String id) {
        for (RequestType t : w.requestTypes()) {
            if (id != null ? t.id().equals(id) : t.isConversationType() || t.isAgentTask() || t.isRetrievalType()) {
                return t;
            }
        }
        return id == null && !w.requestTypes().isEmpty() ? w.requestTypes().get(0) : null;
    }

    /** The text lines of the reports. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add("Heavy-tail users of “" + typeName + "” (" + Money.format(unitCost) + " each):");
        for (int i = 0; i < LABELS.size(); i++) {
            out.add(String.format(
                    Locale.ROOT,
                    "  %s: %s a month → %s per user",
                    LABELS.get(i),
                    percentiles.get(i).stripTrailingZeros().toPlainString(),
                    Money.format(perUser.get(i))));
        }
        for (Plan p : plans) {
            StringBuilder b = new StringBuilder("  Plan " + Money.format(p.price()) + ": margin");
            for (int i = 0; i < LABELS.size(); i++) {
                BigDecimal m = p.margins().get(i);
                b.append(i == 0 ? " " : ", ").append(LABELS.get(i)).append(' ').append(Money.format(m));
                if (m.signum() < 0) {
                    b.append(" (loss)");
                }
            }
            b.append(String.format(Locale.ROOT, "; %s of users above break-even", share(p.shareAbove())));
            out.add(b.toString());
        }
        return out;
    }

    /** The {@code heavyTail} object of the JSON report. */
    void json(ObjectNode o) {
        ObjectNode n = o.putObject("heavyTail");
        n.put("requestType", typeName);
        n.put("unitCostUsd", Money.exact(unitCost));
        n.put("sigma", sigma);
        n.put("meanUnitsPerUser", meanUnits);
        if (users != null) {
            n.put("users", users);
        }
        for (int i = 0; i < LABELS.size(); i++) {
            n.put(LABELS.get(i) + "Units", percentiles.get(i));
            n.put(LABELS.get(i) + "PerUserUsd", Money.exact(perUser.get(i)));
        }
        ArrayNode a = n.putArray("plans");
        for (Plan p : plans) {
            ObjectNode x = a.addObject();
            x.put("priceUsd", Money.exact(p.price()));
            for (int i = 0; i < LABELS.size(); i++) {
                x.put(LABELS.get(i) + "MarginUsd", Money.exact(p.margins().get(i)));
            }
            x.put("breakEvenUnits", p.breakEvenUnits() == null ? null : Money.exact(p.breakEvenUnits()));
            x.put("shareAboveBreakEven", p.shareAbove());
            x.put("losesMoney", p.losesMoney());
        }
    }

    /** A share as "12.3 %" (below 0.1 %: "< 0.1 %"). */
    public static String share(double s) {
        if (s > 0 && s < 0.001) {
            return "< 0.1 %";
        }
        return String.format(Locale.ROOT, "%.1f %%", s * 100);
    }
}
