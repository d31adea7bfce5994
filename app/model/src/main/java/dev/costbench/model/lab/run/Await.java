// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waiting for the result of background work (a run, a judging) that never completes exceptionally by design. */
public final class Await {

    private Await() {}

    /** Waits for {@code result}; a failure of the work itself becomes an IllegalStateException ("the run failed"). */
    public static <T> T get(CompletableFuture<T> result, String what) throws InterruptedException {
        try {
            return result.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + " failed", e.getCause());
        }
    }

    /** Waits at most {@code timeout}; empty while the work still runs. */
    public static <T> Optional<T> get(CompletableFuture<T> result, Duration timeout, String what)
            throws InterruptedException {
        try {
            return Optional.of(result.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + " failed", e.getCause());
        }
    }
}
