// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.provider;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Cancels work in flight: a client registers what to abort (an HTTP call) and the UI's Cancel button fires it. */
public final class CancelToken {
    private volatile boolean cancelled;
    private final List<Runnable> onCancel = new CopyOnWriteArrayList<>();

    public static CancelToken none() {
        return new CancelToken();
    }

    public void cancel() {
        cancelled = true;
        for (Runnable r : onCancel) {
            r.run();
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Runs {@code r} on cancel (at once if already cancelled). */
    public void onCancel(Runnable r) {
        onCancel.add(r);
        if (cancelled) {
            r.run();
        }
    }
}
