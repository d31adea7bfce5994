// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import java.time.Duration;

/**
 * When the store backs itself up and how many backups it keeps.
 *
 * @param keep       backups kept; older ones are deleted after each new backup (at least 1)
 * @param startEvery a backup is made when the store opens if the newest one is older than this (so scripts that run
 *                   many commands do not push the older backups out)
 * @param dailyEvery while the store stays open, a backup is made once the newest one is older than this
 */
public record BackupPolicy(int keep, Duration startEvery, Duration dailyEvery) {

    /** Backups kept unless the setting says otherwise. */
    public static final int DEFAULT_KEEP = 10;

    public BackupPolicy {
        if (keep < 1) {
            throw new IllegalArgumentException("keep at least one backup");
        }
        if (startEvery.isNegative() || dailyEvery.isNegative() || dailyEvery.isZero()) {
            throw new IllegalArgumentException("backup intervals must be positive");
        }
    }

    /**
     * The user's setting: {@code -Dcostbench.backups.keep=N} or the environment variable
     * {@code COSTBENCH_BACKUPS_KEEP} (default 10); a backup at start at most once an hour; daily while open.
     */
    public static BackupPolicy fromSettings() {
        String v = System.getProperty("costbench.backups.keep");
        if (v == null || v.isBlank()) {
            v = System.getenv("COSTBENCH_BACKUPS_KEEP");
        }
        int keep = DEFAULT_KEEP;
        if (v != null && !v.isBlank()) {
            try {
                keep = Math.max(1, Integer.parseInt(v.trim()));
            } catch (NumberFormatException e) {
                keep = DEFAULT_KEEP; // a typo keeps the default rather than stopping the store
            }
        }
        return new BackupPolicy(keep, Duration.ofHours(1), Duration.ofDays(1));
    }
}
