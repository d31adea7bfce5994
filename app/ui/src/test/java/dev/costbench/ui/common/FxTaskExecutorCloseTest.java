// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.common;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A closed executor delivers nothing more to the FX thread: a job cut short while the application stops shows no
 * dialog (one did, and the toolkit crashed with the dialog's nested event loop still open). No display needed: the
 * FX toolkit is never touched.
 */
class FxTaskExecutorCloseTest {

    @Test
    void afterCloseNothingReachesTheFxThread() {
        AtomicBoolean reported = new AtomicBoolean();
        FxTaskExecutor tasks = new FxTaskExecutor((job, e) -> reported.set(true));
        tasks.close();
        AtomicBoolean ran = new AtomicBoolean();
        tasks.onUi(() -> ran.set(true)); // without the toolkit, Platform.runLater would throw
        assertFalse(ran.get());
        assertFalse(reported.get());
    }

    @Test
    void aJobStartedAfterCloseIsDroppedNotRefused() {
        // A job's success callback started a second job while the window closed (LabHistoryTest saw a
        // RejectedExecutionException from the results page storing its similarities).
        FxTaskExecutor tasks = new FxTaskExecutor((job, e) -> {});
        TaskExecutor.Lane lane = tasks.lane("test lane");
        tasks.close();
        AtomicBoolean ran = new AtomicBoolean();
        assertDoesNotThrow(() -> tasks.task("late", p -> {
                    ran.set(true);
                    return null;
                })
                .start());
        assertDoesNotThrow(() -> lane.task(p -> {
                    ran.set(true);
                    return null;
                })
                .start());
        assertFalse(ran.get());
    }
}
