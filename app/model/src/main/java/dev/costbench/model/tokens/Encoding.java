// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tokens;

import java.util.Locale;

/** The byte-pair encodings CostBench counts exactly (identical to tiktoken's {@code encode_ordinary}). */
public enum Encoding {
    O200K_BASE("o200k_base"),
    CL100K_BASE("cl100k_base"),
    /**
     * gpt-oss. Same ranks as o200k_base; only its special tokens differ, and special-token text typed by a user is
     * counted as ordinary text, so ordinary counts equal o200k_base's.
     */
    O200K_HARMONY("o200k_harmony");

    private final String id;

    Encoding(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The encoding whose ranks are used for ordinary text. */
    public Encoding ranks() {
        return this == O200K_HARMONY ? O200K_BASE : this;
    }

    public static Encoding parse(String s) {
        if (s != null) {
            String k = s.trim().toLowerCase(Locale.ROOT);
            for (Encoding e : values()) {
                if (e.id.equals(k)) {
                    return e;
                }
            }
        }
        throw new IllegalArgumentException(
                "unknown encoding '" + s + "' (known: o200k_base, cl100k_base, o200k_harmony)");
    }

    @Override
    public String toString() {
        return id;
    }
}
