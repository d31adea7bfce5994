// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One price, in USD per 1M tokens (or a plain multiplier for residency), with where it came from.
 *
 * @param perMTok      the value used in calculations
 * @param source       source key (see the catalog's {@code sources}) or a rule name for derived prices
 * @param asOf         date the source was read (ISO yyyy-MM-dd)
 * @param status       listed, UNCONFIRMED, CONFLICT or derived
 * @param alternatives for CONFLICT: the other values sources give
 * @param note         free text shown in the breakdown
 * @param origin       built-in catalog, user catalog or LiteLLM import
 * @param validFrom    first day this price applies (inclusive); null: since always
 * @param validUntil   last day this price applies (inclusive); null: no end is known
 */
public record Price(
        BigDecimal perMTok,
        String source,
        String asOf,
        PriceStatus status,
        List<BigDecimal> alternatives,
        String note,
        Origin origin,
        LocalDate validFrom,
        LocalDate validUntil) {

    public Price {
        Objects.requireNonNull(perMTok, "perMTok");
        status = status == null ? PriceStatus.LISTED : status;
        alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
        origin = origin == null ? Origin.BUILT_IN : origin;
        source = source == null ? "" : source;
        asOf = asOf == null ? "" : asOf;
        note = note == null ? "" : note;
        if (validFrom != null && validUntil != null && validUntil.isBefore(validFrom)) {
            throw new IllegalArgumentException("validUntil " + validUntil + " is before validFrom " + validFrom);
        }
    }

    public static Price listed(String value, String source, String asOf) {
        return listed(new BigDecimal(value), source, asOf, "", Origin.BUILT_IN);
    }

    /** A listed price without alternatives or a validity period. */
    public static Price listed(BigDecimal perMTok, String source, String asOf, String note, Origin origin) {
        return new Price(perMTok, source, asOf, PriceStatus.LISTED, List.of(), note, origin, null, null);
    }

    /** This price without its validity period. */
    public Price undated() {
        return new Price(perMTok, source, asOf, status, alternatives, note, origin, null, null);
    }

    /** A price computed from this one by a provider rule. */
    public Price derive(BigDecimal factor, String rule) {
        String why = rule + " applied to " + perMTok.stripTrailingZeros().toPlainString() + " (" + source + ")";
        PriceStatus st = status == PriceStatus.LISTED ? PriceStatus.DERIVED : status;
        return new Price(perMTok.multiply(factor), source, asOf, st, alternatives, why, origin, validFrom, validUntil);
    }

    /** True when this price has a validity period (a promotion, a scheduled change). */
    public boolean dated() {
        return validFrom != null || validUntil != null;
    }

    /** True when this price applies on {@code date}. */
    public boolean covers(LocalDate date) {
        return (validFrom == null || !date.isBefore(validFrom)) && (validUntil == null || !date.isAfter(validUntil));
    }

    public boolean overridden() {
        return origin != Origin.BUILT_IN;
    }
}
