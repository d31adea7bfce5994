// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.Price;
import dev.costbench.model.catalog.PriceKind;
import dev.costbench.model.cost.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The twelve months of a scenario: each priced at the catalog prices of its first day with the month's growth, and a
 * warning for every month in which a price the scenario uses changes ("from January 2027 this scenario costs $X more
 * a month").
 */
final class Projection {

    static final int MONTHS = 12;

    /**
     * The per-token prices a price-change warning names (explicit-cache storage is per token-hour: its change shows
     * in the amount, not in this list).
     */
    private static final Set<PriceKind> PRICED = EnumSet.complementOf(EnumSet.of(PriceKind.CACHE_STORAGE));

    private final PlanState base;
    private final PlanState plan;
    private final Models models;
    private final YearMonth start;
    private final Set<String> warnings;

    final List<MonthFigures> months = new ArrayList<>();
    final List<String> priceChanges = new ArrayList<>();

    Projection(PlanState base, PlanState plan, Models models, YearMonth start, Set<String> warnings) {
        this.base = base;
        this.plan = plan;
        this.models = models;
        this.start = start;
        this.warnings = warnings;
        for (int i = 0; i < MONTHS; i++) {
            LocalDate day = start.plusMonths(i).atDay(1);
            months.add(new MonthFigures(start.plusMonths(i), total(base, i, day), total(plan, i, day)));
            if (i > 0) {
                priceChange(i, day, start.plusMonths(i - 1).atDay(1));
            }
        }
    }

    BigDecimal baselineYearly() {
        return months.stream().map(MonthFigures::baseline).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    BigDecimal optimizedYearly() {
        return months.stream().map(MonthFigures::optimized).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private BigDecimal total(PlanState p, int month, LocalDate day) {
        return Pricer.price(p, models, month, day, warnings).bill().total();
    }

    /** Adds a warning when a price used in month {@code i} differs from the month before. */
    private void priceChange(int i, LocalDate day, LocalDate before) {
        List<String> changed = new ArrayList<>();
        for (String id : usedModels()) {
            ModelEntry m = models.entry(id);
            if (m == null || m.schedule().isEmpty()) {
                continue;
            }
            String what = changes(m.at(before), m.at(day));
            if (!what.isEmpty()) {
                changed.add(m.name() + ": " + ending(m, before) + what);
            }
        }
        if (changed.isEmpty()) {
            return;
        }
        BigDecimal delta = months.get(i).optimized().subtract(total(plan, i, before));
        String who = "this scenario costs ";
        String tail = " a month";
        if (delta.signum() == 0) {
            delta = months.get(i).baseline().subtract(total(base, i, before));
            who = "the bill before the levers costs ";
            tail = " a month (after the levers it does not change)";
        }
        if (delta.signum() == 0) {
            return;
        }
        YearMonth m = start.plusMonths(i);
        priceChanges.add(String.join("; ", changed) + "; from "
                + m.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + m.getYear() + " " + who
                + Money.format(delta.abs()) + (delta.signum() > 0 ? " more" : " less") + tail);
    }

    /** "the introductory price ends on 2026-12-31 " (the price's note names it) when the old price had an end date. */
    private static String ending(ModelEntry m, LocalDate before) {
        for (Price p : m.at(before).prices().values()) {
            if (p.validUntil() != null && !p.validUntil().isBefore(before)) {
                String name = p.note().isBlank() ? "price" : p.note();
                return "the " + name + " ends on " + p.validUntil() + " ";
            }
        }
        return "its price changes ";
    }

    /** "(input $0.75 → $1.50, output … per 1M tokens)", or "" when no price differs. */
    private static String changes(ModelEntry a, ModelEntry b) {
        List<String> parts = new ArrayList<>();
        Set<PriceKind> kinds = EnumSet.noneOf(PriceKind.class);
        kinds.addAll(a.prices().keySet());
        kinds.addAll(b.prices().keySet());
        for (PriceKind k : kinds) {
            if (!a.schedule().containsKey(k) || !PRICED.contains(k)) {
                continue;
            }
            BigDecimal x = perMTok(a.prices(), k);
            BigDecimal y = perMTok(b.prices(), k);
            if (x == null ? y != null : y == null || x.compareTo(y) != 0) {
                parts.add(k.label().toLowerCase(Locale.ROOT) + " " + Money.perMTok(x) + " → " + Money.perMTok(y));
            }
        }
        return parts.isEmpty() ? "" : "(" + String.join(", ", parts) + " per 1M tokens)";
    }

    private static BigDecimal perMTok(Map<PriceKind, Price> prices, PriceKind k) {
        Price p = prices.get(k);
        return p == null ? null : p.perMTok();
    }

    private Set<String> usedModels() {
        Set<String> ids = new LinkedHashSet<>();
        for (PlanState p : List.of(base, plan)) {
            for (PlanState.TypeState ts : p.types) {
                for (PlanState.Route r : ts.routes) {
                    ids.add(r.model());
                }
            }
        }
        return ids;
    }
}
