// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab;

import java.util.Locale;

/** Why a real API call was made. Stored as {@link #code()}. */
public enum LedgerPurpose {
    TRIAL,
    JUDGE,
    COUNT_TOKENS,
    PING,
    OTHER;

    /** "trial", "judge", "count_tokens", "ping", "other". */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The purpose for a stored code; a code written by a newer version reads as {@link #OTHER}. */
    public static LedgerPurpose fromCode(String code) {
        for (LedgerPurpose p : values()) {
            if (p.code().equals(code)) {
                return p;
            }
        }
        return OTHER;
    }
}
