// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The same-thread executor that view-model tests run on: outcome delivery, held jobs, cancel, lanes. */
class DirectTaskExecutorTest {

    @Test
    void successFailureAndAlwaysRunInOrder() {
        DirectTaskExecutor ex = new DirectTaskExecutor();
        List<String> seen = new ArrayList<>();
        ex.task("ok", p -> 42)
                .onSuccess(v -> seen.add("ok " + v))
                .always(() -> seen.add("always"))
                .start();
        ex.task("bad", p -> {
                    throw new IllegalStateException("boom");
                })
                .onFailure(e -> seen.add("failed " + e.getMessage()))
                .start();
        assertEquals(List.of("ok 42", "always", "failed boom"), seen);
        assertTrue(ex.unhandled().isEmpty());
    }

    @Test
    void anUnhandledFailureIsKeptNotDropped() {
        DirectTaskExecutor ex = new DirectTaskExecutor();
        ex.task("bad", p -> {
                    throw new IllegalStateException("boom");
                })
                .start();
        assertEquals(1, ex.unhandled().size());
    }

    @Test
    void heldJobsShowRunningUntilRunAndCanBeCancelled() {
        DirectTaskExecutor ex = DirectTaskExecutor.held();
        List<String> seen = new ArrayList<>();
        Job<Integer> a = ex.task("a", p -> 1).onSuccess(v -> seen.add("a")).start();
        Job<Integer> b = ex.task("b", p -> 2)
                .onSuccess(v -> seen.add("b"))
                .onCancelled(() -> seen.add("b cancelled"))
                .start();
        assertTrue(a.isRunning());
        b.cancel();
        assertEquals(2, ex.runPending());
        assertFalse(a.isRunning());
        assertFalse(b.isRunning());
        assertEquals(List.of("a", "b cancelled"), seen);
    }

    @Test
    void progressReachesTheJobsProperties() {
        DirectTaskExecutor ex = new DirectTaskExecutor();
        Job<Void> j = ex.<Void>task("p", p -> {
                    p.update(0.5, "half way");
                    return null;
                })
                .start();
        assertEquals(0.5, j.progressProperty().get());
        assertEquals("half way", j.messageProperty().get());
    }
}
