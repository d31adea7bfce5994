// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.common;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One background job made by a {@link TaskExecutor}: register callbacks, then {@link #start()}. Callbacks and the
 * observable state ({@link #runningProperty()}, {@link #progressProperty()}, {@link #messageProperty()}) change on
 * the UI thread only, so views may bind to them (a progress bar, a Cancel button that shows while running).
 */
public final class Job<T> {

    /** How a job is run; implemented by the executors. */
    interface Runner {
        void start(Job<?> job);

        void onUi(Runnable r);
    }

    private final String name;
    private final TaskExecutor.Work<T> work;
    private final Runner runner;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicBoolean started = new AtomicBoolean();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private Consumer<? super T> onSuccess = r -> {};
    private Consumer<Throwable> onFailure;
    private Runnable onCancelled = () -> {};
    private Runnable always = () -> {};
    private volatile Thread thread;

    Job(String name, TaskExecutor.Work<T> work, Runner runner) {
        this.name = Objects.requireNonNull(name);
        this.work = Objects.requireNonNull(work);
        this.runner = runner;
    }

    public String name() {
        return name;
    }

    /** Called on the UI thread with the result. */
    public Job<T> onSuccess(Consumer<? super T> c) {
        this.onSuccess = Objects.requireNonNull(c);
        return this;
    }

    /**
     * Called on the UI thread when the work throws. Without one, the failure goes to the executor's default handler
     * (which reports it to the user), never silently dropped.
     */
    public Job<T> onFailure(Consumer<Throwable> c) {
        this.onFailure = Objects.requireNonNull(c);
        return this;
    }

    /** Called on the UI thread when the job ends because it was cancelled. */
    public Job<T> onCancelled(Runnable r) {
        this.onCancelled = Objects.requireNonNull(r);
        return this;
    }

    /** Called on the UI thread after any of the above. */
    public Job<T> always(Runnable r) {
        this.always = Objects.requireNonNull(r);
        return this;
    }

    /** Starts the job (once). Returns this job, to keep as a handle for {@link #cancel()}. */
    public Job<T> start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("Job " + name + " was already started");
        }
        running.set(true);
        runner.start(this);
        return this;
    }

    /** Asks the job to stop: {@link TaskExecutor.Progress#isCancelled()} turns true and its thread is interrupted. */
    public void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            Thread t = thread;
            if (t != null) {
                t.interrupt();
            }
        }
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    /** Fraction done, or -1 while unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Runs the work on the current thread and delivers the outcome through the runner's UI thread. */
    void run(Consumer<Throwable> defaultFailure) {
        thread = Thread.currentThread();
        T result = null;
        Throwable failure = null;
        try {
            if (!cancelled.get()) {
                result = work.call(progressHandle());
            }
        } catch (Throwable e) {
            failure = e;
        } finally {
            thread = null;
            if (cancelled.get()) {
                Thread.interrupted(); // clear the interrupt cancel() may have set on this pooled thread
            }
        }
        T r = result;
        Throwable f = failure;
        runner.onUi(() -> finish(r, f, defaultFailure));
    }

    private void finish(T result, Throwable failure, Consumer<Throwable> defaultFailure) {
        running.set(false);
        try {
            if (cancelled.get()
                    && (failure == null
                            || failure instanceof InterruptedException
                            || failure instanceof CancellationException)) {
                onCancelled.run();
            } else if (failure != null) {
                (onFailure != null ? onFailure : defaultFailure).accept(failure);
            } else {
                onSuccess.accept(result);
            }
        } finally {
            always.run();
        }
    }

    private TaskExecutor.Progress progressHandle() {
        return new TaskExecutor.Progress() {
            @Override
            public void update(double fraction, String text) {
                runner.onUi(() -> {
                    progress.set(fraction);
                    message.set(text == null ? "" : text);
                });
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get();
            }

            @Override
            public void onUi(Runnable r) {
                runner.onUi(r);
            }
        };
    }
}
