// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import java.math.BigDecimal;
import java.util.function.BooleanSupplier;

/**
 * Keeps a run within its budget cap. Before a call starts, its worst-case cost is reserved: the call may start only
 * when what was spent plus every reservation outstanding plus its own stays within the cap. When the call ends its
 * reservation is released and the real billed cost is added to what was spent. So as long as no call bills more than
 * its worst case, the amount spent never passes the cap, however many calls run at once.
 *
 * <p>Thread-safe; every method is synchronized on this guard.
 */
public final class BudgetGuard {

    private final BigDecimal cap;
    private BigDecimal spent;
    private BigDecimal reserved = BigDecimal.ZERO;
    private int outstanding;

    /**
     * @param cap          the most that may be spent, in USD, or null for no cap
     * @param alreadySpent what was spent before (earlier sessions of the same experiment)
     */
    public BudgetGuard(BigDecimal cap, BigDecimal alreadySpent) {
        this.cap = cap;
        this.spent = alreadySpent == null ? BigDecimal.ZERO : alreadySpent;
    }

    /** Reserves {@code amount} when it fits under the cap; false (and nothing reserved) when it does not. */
    public synchronized boolean tryReserve(BigDecimal amount) {
        if (cap != null && spent.add(reserved).add(amount).compareTo(cap) > 0) {
            return false;
        }
        reserved = reserved.add(amount);
        outstanding++;
        return true;
    }

    /**
     * Reserves {@code amount}, waiting for calls in flight to settle when it does not fit yet (their real cost is
     * usually below their worst case). Gives up — false — when it still does not fit with nothing outstanding, or
     * when {@code stop} says so.
     */
    public synchronized boolean reserveOrWait(BigDecimal amount, BooleanSupplier stop) throws InterruptedException {
        while (true) {
            if (stop.getAsBoolean()) {
                return false;
            }
            if (tryReserve(amount)) {
                return true;
            }
            if (outstanding == 0) {
                return false;
            }
            wait(200);
        }
    }

    /**
     * Releases a reservation and books the real cost.
     *
     * @param reservation what {@link #tryReserve} reserved for the call
     * @param actual      what the provider billed (null or zero when nothing was, e.g. a failed call)
     */
    public synchronized void settle(BigDecimal reservation, BigDecimal actual) {
        reserved = reserved.subtract(reservation);
        outstanding--;
        if (actual != null) {
            spent = spent.add(actual);
        }
        notifyAll();
    }

    /** Wakes threads waiting in {@link #reserveOrWait} (to see a stop). */
    public synchronized void wakeUp() {
        notifyAll();
    }

    public BigDecimal cap() {
        return cap;
    }

    public synchronized BigDecimal spent() {
        return spent;
    }

    public synchronized BigDecimal reserved() {
        return reserved;
    }

    /** What is left under the cap after spending and reservations, or null without a cap. */
    public synchronized BigDecimal remaining() {
        return cap == null ? null : cap.subtract(spent).subtract(reserved);
    }
}
