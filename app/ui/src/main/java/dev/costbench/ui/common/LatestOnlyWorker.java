// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * Runs background computations one at a time on a single named daemon thread, skipping every request that a newer
 * one has superseded, and hands each result to the FX thread. Work submitted here is confined to that one thread,
 * so it may keep unsynchronized state (e.g. incremental token counters).
 */
public final class LatestOnlyWorker implements AutoCloseable {

    private final ExecutorService executor;
    private final AtomicReference<Runnable> pending = new AtomicReference<>();
    private final Consumer<Throwable> onError;

    public LatestOnlyWorker(String name, Consumer<Throwable> onError) {
        this.onError = onError;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Called on the FX thread. {@code work} runs on the worker thread (unless superseded first); {@code done}
     * receives its result on the FX thread.
     */
    public <T> void submit(Supplier<T> work, Consumer<T> done) {
        Runnable task = () -> {
            try {
                T result = work.get();
                Platform.runLater(() -> done.accept(result));
            } catch (RuntimeException | Error e) {
                Platform.runLater(() -> onError.accept(e));
            }
        };
        if (pending.getAndSet(task) == null) {
            executor.execute(() -> {
                Runnable latest = pending.getAndSet(null);
                if (latest != null) {
                    latest.run();
                }
            });
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
