// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Under a budget cap, a provider's first call runs alone. Until one call has been billed nothing shows whether the
 * provider bills within a request's limits, and the calls in flight when the first one comes back over its
 * reservation are the ones that can pass the cap ({@link BudgetGuarantee}); so the others wait for the first to end.
 * Once it has ended (billed, failed or cancelled), every call may go. Thread-safe.
 */
public final class FirstCallGate {

    private final boolean closed;
    private final AtomicBoolean taken = new AtomicBoolean();
    private final CountDownLatch ended = new CountDownLatch(1);

    /** @param enabled false: no gate (runs without a cap) */
    public FirstCallGate(boolean enabled) {
        this.closed = enabled;
    }

    /** True while the first call has not ended. */
    public boolean pending() {
        return closed && ended.getCount() > 0;
    }

    /** True for the one caller who makes the first call; it must call {@link #firstCallEnded()} when it ends. */
    public boolean tryTake() {
        return pending() && taken.compareAndSet(false, true);
    }

    /** Waits until the first call has ended, or {@code giveUp} says so. */
    public void await(BooleanSupplier giveUp) throws InterruptedException {
        while (pending() && !giveUp.getAsBoolean()) {
            ended.await(100, TimeUnit.MILLISECONDS);
        }
    }

    /** The first call has ended: every call may go. */
    public void firstCallEnded() {
        ended.countDown();
    }
}
