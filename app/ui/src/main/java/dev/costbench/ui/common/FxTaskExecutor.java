// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.common;

import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import javafx.application.Platform;

/**
 * Runs jobs on a pool of named daemon threads and delivers their outcome on the JavaFX application thread. The one
 * place in the UI that starts threads; lanes each have a single thread of their own.
 */
public final class FxTaskExecutor implements TaskExecutor, AutoCloseable {

    private final ExecutorService pool;
    private final BiConsumer<String, Throwable> defaultFailure;
    /** Set by {@link #close()}: what jobs report afterwards is dropped (no dialog while the application stops). */
    private volatile boolean closed;

    /**
     * @param defaultFailure called on the FX thread with the job's name and its failure when the job has no
     *     {@link Job#onFailure} of its own (the composition root shows it through the dialog service)
     */
    public FxTaskExecutor(BiConsumer<String, Throwable> defaultFailure) {
        this.defaultFailure = Objects.requireNonNull(defaultFailure);
        this.pool = Executors.newCachedThreadPool(daemons("CostBench worker"));
    }

    @Override
    public <T> Job<T> task(String name, Work<T> work) {
        return new Job<>(name, work, new Job.Runner() {
            @Override
            public void start(Job<?> job) {
                if (closed) {
                    return; // the window is closing: work started by a late callback is dropped, not refused
                }
                try {
                    pool.execute(() -> runNamed(job));
                } catch (RejectedExecutionException closing) {
                    // close() ran between the check and execute(): the same as above
                }
            }

            @Override
            public void onUi(Runnable r) {
                FxTaskExecutor.this.onUi(r);
            }
        });
    }

    private void runNamed(Job<?> job) {
        Thread t = Thread.currentThread();
        String before = t.getName();
        t.setName("CostBench " + job.name());
        try {
            job.run(e -> defaultFailure.accept(job.name(), e));
        } finally {
            t.setName(before);
        }
    }

    @Override
    public void onUi(Runnable r) {
        if (closed) {
            return;
        }
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }

    @Override
    public Lane lane(String name) {
        ExecutorService single = Executors.newSingleThreadExecutor(daemons("CostBench " + name));
        AtomicReference<Job<?>> pending = new AtomicReference<>();
        AtomicBoolean laneClosed = new AtomicBoolean();
        return new Lane() {
            @Override
            public <T> Job<T> task(Work<T> work) {
                return new Job<>(name, work, new Job.Runner() {
                    @Override
                    public void start(Job<?> job) {
                        if (closed || laneClosed.get()) {
                            return; // as for task(): nothing starts after close
                        }
                        Job<?> replaced = pending.getAndSet(job);
                        if (replaced != null) {
                            replaced.cancel();
                            single.execute(() -> replaced.run(e -> {}));
                        }
                        single.execute(() -> {
                            Job<?> latest = pending.getAndSet(null);
                            if (latest != null) {
                                latest.run(e -> defaultFailure.accept(name, e));
                            }
                        });
                    }

                    @Override
                    public void onUi(Runnable r) {
                        if (!laneClosed.get()) { // a job cut short by close() reports nothing
                            FxTaskExecutor.this.onUi(r);
                        }
                    }
                });
            }

            @Override
            public void close() {
                laneClosed.set(true);
                single.shutdownNow();
            }
        };
    }

    @Override
    public void close() {
        closed = true;
        pool.shutdownNow();
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + " " + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
