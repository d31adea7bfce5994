// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.catalog;

/** How far a price can be trusted. Anything but LISTED is shown to the user next to the number. */
public enum PriceStatus {
    /** Listed by the cited source. */
    LISTED(""),
    /** No source confirms it (provider-rules.md marks it UNCONFIRMED). */
    UNCONFIRMED("UNCONFIRMED"),
    /** Sources disagree; the value used and the alternatives are both kept. */
    CONFLICT("CONFLICT"),
    /** Computed from a provider rule (e.g. batch = 50 % of the listed price), not listed itself. */
    DERIVED("derived");

    private final String marker;

    PriceStatus(String marker) {
        this.marker = marker;
    }

    /** Short text shown beside a value; empty for LISTED. */
    public String marker() {
        return marker;
    }
}
