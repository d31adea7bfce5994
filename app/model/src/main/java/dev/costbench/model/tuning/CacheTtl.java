// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tuning;

/** How long a cache entry lives without a hit (Anthropic prices 5-minute and 1-hour writes differently). */
public enum CacheTtl {
    FIVE_MINUTES(5, "5 minutes"),
    ONE_HOUR(60, "1 hour");

    private final int minutes;
    private final String label;

    CacheTtl(int minutes, String label) {
        this.minutes = minutes;
        this.label = label;
    }

    public int minutes() {
        return minutes;
    }

    public String label() {
        return label;
    }
}
