// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.catalog;

import java.util.Locale;

/** Model tiers, from the most capable (and expensive) to self-hosted open models. */
public enum Tier {
    FRONTIER("Frontier"),
    HIGH("High"),
    MID("Mid"),
    LIGHT("Lightweight"),
    OPEN("Open / self-hosted");

    private final String label;

    Tier(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Tier parse(String s) {
        for (Tier t : values()) {
            if (t.id().equalsIgnoreCase(s == null ? "" : s.trim())) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown tier '" + s + "' (known: frontier, high, mid, light, open)");
    }
}
