// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.http;

import java.time.Duration;

/** The end of one API call's time budget ({@code ProviderSettings.callTimeout()}), on {@link System#nanoTime()}. */
final class Deadline {
    private final Duration limit;
    private final long end;

    private Deadline(Duration limit) {
        this.limit = limit;
        this.end = System.nanoTime() + limit.toNanos();
    }

    static Deadline after(Duration limit) {
        return new Deadline(limit);
    }

    long remainingNanos() {
        return end - System.nanoTime();
    }

    boolean expired() {
        return remainingNanos() <= 0;
    }

    /** True when a wait of {@code d} would end past the deadline. */
    boolean endsBefore(Duration d) {
        return remainingNanos() <= d.toNanos();
    }

    /** The whole budget, for messages ("the 300 s limit for one call"). */
    Duration limit() {
        return limit;
    }
}
