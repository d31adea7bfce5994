// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.provider;

import java.util.Objects;

/**
 * An API key. {@link #toString()} never shows it, so a key that slips into a log line or an exception message
 * prints as {@code ****abcd}-free text. Only {@link #reveal()} gives the value, for the one header that needs it.
 */
public final class Secret {
    private final String value;
    private final String source;

    public Secret(String value, String source) {
        this.value = Objects.requireNonNull(value, "value").trim();
        this.source = source;
    }

    /** The key itself. Call only where it goes into a request header. */
    public String reveal() {
        return value;
    }

    /** Where the key came from, e.g. "environment OPENAI_API_KEY" or "system keychain". */
    public String source() {
        return source;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    /** A masked form for display: the first 3 and last 4 characters of long keys, nothing of short ones. */
    public String masked() {
        if (value.length() < 16) {
            return "••••";
        }
        return value.substring(0, 3) + "…" + value.substring(value.length() - 4);
    }

    /** Replaces every occurrence of the key in {@code text} (error bodies, raw JSON kept for the user). */
    public String redact(String text) {
        if (text == null || value.isEmpty()) {
            return text;
        }
        return text.replace(value, "[REDACTED]");
    }

    @Override
    public String toString() {
        return "Secret[" + (source == null ? "" : source) + "]";
    }
}
