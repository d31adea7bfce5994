// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.provider;

import java.util.Locale;

/** How hard a reasoning model should think, in words common to every provider (see {@link SendTraits}). */
public enum ReasoningEffort {
    NONE("None"),
    LOW("Low"),
    MEDIUM("Medium"),
    HIGH("High");

    private final String label;

    ReasoningEffort(String label) {
        this.label = label;
    }

    /** The word shown to users ("None", "Low", …). */
    public String label() {
        return label;
    }

    /** The stored form ("none", "low", …). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The effort stored as {@code code}, or null for null or an unknown code. */
    public static ReasoningEffort fromCode(String code) {
        for (ReasoningEffort e : values()) {
            if (e.code().equals(code)) {
                return e;
            }
        }
        return null;
    }
}
