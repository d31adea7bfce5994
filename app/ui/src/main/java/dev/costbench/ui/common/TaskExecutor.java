// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.common;

/**
 * The one way the UI runs work off the FX thread. View models describe a job ({@link #task}), its callbacks run on
 * the UI thread. {@link FxTaskExecutor} runs jobs on named daemon threads and hands results to the FX thread;
 * {@link DirectTaskExecutor} runs them on the caller's thread, so view models can be tested without a display.
 */
public interface TaskExecutor {

    /** A job's body; runs in the background. It may report progress and should stop early when cancelled. */
    @FunctionalInterface
    interface Work<T> {
        T call(Progress progress) throws Exception;
    }

    /** Handed to a running job. */
    interface Progress {

        /** Fraction done in [0, 1] (negative: unknown) and a line that says what is happening. */
        void update(double fraction, String message);

        /** True once the job was cancelled; long work checks it between steps. */
        boolean isCancelled();

        /** Runs {@code r} on the UI thread (for intermediate results such as streamed text). */
        void onUi(Runnable r);
    }

    /**
     * Describes a job named {@code name} (the thread name, and what a failure names); start it with {@link
     * Job#start()}.
     */
    <T> Job<T> task(String name, Work<T> work);

    /** A job without a result. */
    default Job<Void> task(String name, Runnable work) {
        return task(name, p -> {
            work.run();
            return null;
        });
    }

    /** Runs {@code r} on the UI thread: later when called from elsewhere, at once in tests. */
    void onUi(Runnable r);

    /**
     * A lane that runs one job at a time and drops every job a newer one has replaced before it started (typing
     * into a prompt asks for many recounts; only the newest matters). Work in one lane runs on one thread at a
     * time, so it may keep unsynchronized state confined to the lane.
     */
    Lane lane(String name);

    /** See {@link TaskExecutor#lane}. */
    interface Lane extends AutoCloseable {

        /**
         * Describes a job of this lane; when started it replaces any job of the lane that has not begun yet (that
         * one ends as cancelled).
         */
        <T> Job<T> task(Work<T> work);

        @Override
        void close();
    }
}
