// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.catalog.refresh;

import dev.costbench.model.catalog.Price;
import dev.costbench.model.catalog.PriceStatus;
import dev.costbench.model.cost.Money;
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
