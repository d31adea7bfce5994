// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.catalog.refresh;

import dev.costbench.model.catalog.Price;
import dev.costbench.model.catalog.PriceStatus;
import dev.costbench.model.cost.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** A price as a catalog lists it: one value, or dated values (a promotion, a scheduled change), oldest first. */
public record SheetPrice(List<Price> periods) {

    public SheetPrice {
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("a price needs a value");
        }
        periods = List.copyOf(periods);
    }

    public static SheetPrice of(Price p) {
        return new SheetPrice(List.of(p));
    }

    /** The first value (the only one unless the price is dated). */
    public Price first() {
        return periods.get(0);
    }

    /** The source key of the first value. */
    public String source() {
        return first().source();
    }

    /** True when a source marks it CONFLICT. */
    public boolean conflict() {
        return periods.stream().anyMatch(p -> p.status() == PriceStatus.CONFLICT);
    }

    /**
     * This price as from {@code date}: the values that ended before it left out (history), the one in force then
     * without its start date; unchanged when every value ended before {@code date}.
     */
    public SheetPrice from(LocalDate date) {
        List<Price> keep = periods.stream()
                .filter(p -> p.validUntil() == null || !p.validUntil().isBefore(date))
                .toList();
        if (keep.isEmpty()) {
            return this;
        }
        Price f = keep.get(0);
        if (f.validFrom() == null || f.validFrom().isAfter(date)) {
            return new SheetPrice(keep);
        }
        List<Price> out = new ArrayList<>(keep);
        out.set(
                0,
                new Price(
                        f.perMTok(),
                        f.source(),
                        f.asOf(),
                        f.status(),
                        f.alternatives(),
                        f.note(),
                        f.origin(),
                        null,
                        f.validUntil()));
        return new SheetPrice(out);
    }

    /** The value in force on {@code date}; null when none is. */
    public Price at(LocalDate date) {
        return periods.stream().filter(p -> p.covers(date)).findFirst().orElse(null);
    }

    /** True when both list the same value on {@code date} (and both list one). */
    public boolean sameOn(SheetPrice o, LocalDate date) {
        Price a = at(date);
        Price b = o == null ? null : o.at(date);
        return a != null && b != null && a.perMTok().compareTo(b.perMTok()) == 0;
    }

    /** Same values over the same periods (sources, notes and marks aside). */
    public boolean sameAs(SheetPrice o) {
        if (o == null || o.periods.size() != periods.size()) {
            return false;
        }
        for (int i = 0; i < periods.size(); i++) {
            Price a = periods.get(i);
            Price b = o.periods.get(i);
            if (a.perMTok().compareTo(b.perMTok()) != 0
                    || !Objects.equals(a.validFrom(), b.validFrom())
                    || !Objects.equals(a.validUntil(), b.validUntil())) {
                return false;
            }
        }
        return true;
    }

    /** "$1.25", or "$0.75 until 2026-12-31, $1.50 from 2027-01-01" for a dated price. */
    public String display() {
        return periods.stream()
                .map(p -> Money.perMTok(p.perMTok())
                        + (p.validFrom() == null ? "" : " from " + p.validFrom())
                        + (p.validUntil() == null ? "" : " until " + p.validUntil()))
                .collect(Collectors.joining(", "));
    }
}
