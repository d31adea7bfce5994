// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/**
 * One backup of the lab database: a zip file in the {@code backups} folder next to it.
 *
 * @param file      the zip file
 * @param created   when it was made
 * @param sizeBytes its size on disk
 * @param kind      why it was made
 */
public record StoreBackup(Path file, Instant created, long sizeBytes, Kind kind) {

    /** Why a backup was made. */
    public enum Kind {
        /** When CostBench opened the store (at most one an hour). */
        START("when CostBench started"),
        /** While CostBench stays open, once a day. */
        DAILY("daily"),
        /** Before the store was upgraded to a newer CostBench's format. */
        BEFORE_UPGRADE("before an upgrade"),
        /** Asked for ({@code costbench store backup}). */
        MANUAL("made by hand");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The kind in the user's words. */
        public String label() {
            return label;
        }

        /** The kind in a backup's file name. */
        String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The backup's file name, which {@code costbench store restore} accepts. */
    public String name() {
        return file.getFileName().toString();
    }
}
