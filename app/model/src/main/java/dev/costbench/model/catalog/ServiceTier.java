// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.catalog;

import java.util.Locale;

/**
 * How fast and how reliably a provider serves a request, which it prices differently: OpenAI's {@code service_tier}
 * (default, flex, priority), the batch APIs, Anthropic's fast mode. Not to be confused with {@link Tier}, the
 * model's class (frontier, high, …).
 */
public enum ServiceTier {
    STANDARD("standard", "Standard"),
    BATCH("batch", "Batch"),
    FLEX("flex", "Flex"),
    PRIORITY("priority", "Priority"),
    FAST("fast", "Fast mode");

    private final String id;
    private final String label;

    ServiceTier(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The word used in catalog files and on the command line. */
    public String id() {
        return id;
    }

    /** The name shown to users. */
    public String label() {
        return label;
    }

    /** The tier named {@code s} (case-insensitive), e.g. {@code priority}. */
    public static ServiceTier parse(String s) {
        String k = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        for (ServiceTier t : values()) {
            if (t.id.equals(k)) {
                return t;
            }
        }
        throw new IllegalArgumentException(
                "unknown service tier '" + s + "' (known: standard, batch, flex, priority, fast)");
    }
}
