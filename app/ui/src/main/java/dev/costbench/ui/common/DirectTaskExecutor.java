// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.common;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Runs every job on the caller's thread, at once, and its callbacks right after: view models driven by it can be
 * unit-tested without a display or waits. With {@link #held()}, jobs wait until {@link #runPending()}, so a test can
 * look at the state while work is in flight (a running flag, a Cancel button) or cancel it.
 */
public final class DirectTaskExecutor implements TaskExecutor {

    private final boolean hold;
    private final Deque<Runnable> pending = new ArrayDeque<>();
    private final List<Throwable> unhandled = new ArrayList<>();

    private DirectTaskExecutor(boolean hold) {
        this.hold = hold;
    }

    /** Runs jobs as they start. */
    public DirectTaskExecutor() {
        this(false);
    }

    /** Keeps started jobs until {@link #runPending()}. */
    public static DirectTaskExecutor held() {
        return new DirectTaskExecutor(true);
    }

    @Override
    public <T> Job<T> task(String name, Work<T> work) {
        return new Job<>(name, work, new Job.Runner() {
            @Override
            public void start(Job<?> job) {
                Runnable r = () -> job.run(unhandled::add);
                if (hold) {
                    pending.add(r);
                } else {
                    r.run();
                }
            }

            @Override
            public void onUi(Runnable r) {
                r.run();
            }
        });
    }

    @Override
    public void onUi(Runnable r) {
        r.run();
    }

    @Override
    public Lane lane(String name) {
        return new Lane() {
            @Override
            public <T> Job<T> task(Work<T> work) {
                return DirectTaskExecutor.this.task(name, work);
            }

            @Override
            public void close() {
                // nothing runs in the background
            }
        };
    }

    /** Runs the jobs held so far (and any they start), in order. Returns how many ran. */
    public int runPending() {
        int n = 0;
        while (!pending.isEmpty()) {
            pending.poll().run();
            n++;
        }
        return n;
    }

    /** Failures of jobs that had no {@link Job#onFailure} handler: a test can assert there were none. */
    public List<Throwable> unhandled() {
        return unhandled;
    }
}
