// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Keeps a run (or a judging) within its budget cap; {@link BudgetGuarantee#TEXT} says what that guarantees.
 *
 * <p>Before a call starts, the caller gives its <em>worst case</em> — the most it can cost when the provider bills
 * within the request's limits ({@link Estimator#worstCase}). The guard reserves that worst case times the
 * <em>scale</em>, the highest ratio of billed cost to worst case seen so far (1 until a call bills more than its
 * worst case), and lets the call start only when what was billed plus every open reservation plus its own stays
 * within the cap. Open reservations count at the current scale too: once a provider is seen billing twice a call's
 * worst case, the calls still in flight are expected to cost twice theirs. When the call ends, its reservation is
 * released and the billed cost is added to what was spent.
 *
 * <p>So the amount spent passes the cap only when a call bills more than its reservation, and by no more than what
 * the calls in flight when the last call started were billed beyond their reservations.
 *
 * <p>Thread-safe; every method is synchronized on this guard.
 */
public final class BudgetGuard {

    /** Ratios keep 12 significant digits, rounded up so that a scaled reservation covers the bill that set it. */
    private static final MathContext RATIO = new MathContext(12, RoundingMode.CEILING);
    /** Scaled amounts keep 10 decimals of a dollar, rounded up. */
    private static final int USD_SCALE = 10;

    /**
     * A call's reservation.
     *
     * @param id        1 for this guard's first reservation, 2 for the next …
     * @param worstCase what the call can cost when billed within its limits
     * @param amount    what was reserved: the worst case times the scale when it was reserved
     */
    public record Reservation(long id, BigDecimal worstCase, BigDecimal amount) {}

    /**
     * A guard's decision or settlement, in the order they happened (for tests and diagnostics).
     *
     * @param kind      what happened
     * @param id        the reservation's id (0 for REFUSED)
     * @param worstCase the call's worst case
     * @param amount    its reservation (GRANTED, REFUSED: what it needed; SETTLED: what it had reserved)
     * @param billed    SETTLED: what the call cost (null when nothing was billed); otherwise null
     * @param spent     what was spent before this event
     * @param committed open reservations at the scale before this event
     * @param scale     the scale before this event
     * @param inFlight  open reservations before this event
     */
    public record Event(
            Kind kind,
            long id,
            BigDecimal worstCase,
            BigDecimal amount,
            BigDecimal billed,
            BigDecimal spent,
            BigDecimal committed,
            BigDecimal scale,
            int inFlight) {
        /** What the guard did. */
        public enum Kind {
            GRANTED,
            REFUSED,
            SETTLED
        }
    }

    private final BigDecimal cap;
    private BigDecimal spent;
    /** The sum of the open reservations' worst cases. */
    private BigDecimal openWorst = BigDecimal.ZERO;

    private int outstanding;
    private BigDecimal scale = BigDecimal.ONE;
    private int overruns;
    private BigDecimal overbilled = BigDecimal.ZERO;
    private long reservations;
    private Reservation refused;
    private BigDecimal refusedLeft;
    /** Set by a refusal with nothing in flight: the budget is spent, and no later call starts (even a cheaper one). */
    private boolean exhausted;

    private Consumer<Event> observer;

    /**
     * @param cap          the most that may be spent, in USD, or null for no cap
     * @param alreadySpent what was spent before (earlier sessions of the same experiment)
     */
    public BudgetGuard(BigDecimal cap, BigDecimal alreadySpent) {
        this.cap = cap;
        this.spent = alreadySpent == null ? BigDecimal.ZERO : alreadySpent;
    }

    /** A guard that {@code observer} hears ({@link #observe}); null: none. */
    public static BudgetGuard observed(BigDecimal cap, BigDecimal alreadySpent, Consumer<Event> observer) {
        BudgetGuard guard = new BudgetGuard(cap, alreadySpent);
        if (observer != null) {
            guard.observe(observer);
        }
        return guard;
    }

    /**
     * Hears every decision and settlement, in order, under the guard's lock (tests check the guarantee with it); the
     * observer must be quick and must not call the guard.
     */
    public synchronized void observe(Consumer<Event> o) {
        this.observer = o;
    }

    /**
     * Reserves a call whose worst case is {@code worstCase} when its scaled reservation fits under the cap; null (and
     * nothing reserved) when it does not.
     */
    public synchronized Reservation tryReserve(BigDecimal worstCase) {
        Objects.requireNonNull(worstCase, "worstCase");
        BigDecimal amount = scaled(worstCase);
        BigDecimal committed = committed();
        if (cap != null && (exhausted || spent.add(committed).add(amount).compareTo(cap) > 0)) {
            exhausted = exhausted || outstanding == 0;
            refused = new Reservation(0, worstCase, amount);
            refusedLeft = cap.subtract(spent).subtract(committed);
            tell(Event.Kind.REFUSED, 0, worstCase, amount, null, committed);
            return null;
        }
        Reservation r = new Reservation(++reservations, worstCase, amount);
        tell(Event.Kind.GRANTED, r.id(), worstCase, amount, null, committed);
        openWorst = openWorst.add(worstCase);
        outstanding++;
        return r;
    }

    /**
     * Reserves a call, waiting for calls in flight to settle when it does not fit yet (their real cost is usually
     * below their reservation). Gives up — null — when it still does not fit with nothing outstanding, or when
     * {@code stop} says so.
     */
    public synchronized Reservation reserveOrWait(BigDecimal worstCase, BooleanSupplier stop)
            throws InterruptedException {
        while (true) {
            if (stop.getAsBoolean()) {
                return null;
            }
            Reservation r = tryReserve(worstCase);
            if (r != null) {
                return r;
            }
            if (outstanding == 0) {
                return null;
            }
            wait(200);
        }
    }

    /**
     * Releases a reservation and books the real cost. A cost above the reservation is an overrun: the scale becomes
     * at least the cost divided by the call's worst case.
     *
     * @param reservation what {@link #tryReserve} reserved for the call
     * @param billed      what the provider billed (null or zero when nothing was, e.g. a failed call)
     */
    public synchronized void settle(Reservation reservation, BigDecimal billed) {
        tell(Event.Kind.SETTLED, reservation.id(), reservation.worstCase(), reservation.amount(), billed, committed());
        openWorst = openWorst.subtract(reservation.worstCase());
        outstanding--;
        if (billed != null) {
            spent = spent.add(billed);
            if (billed.compareTo(reservation.amount()) > 0) {
                overruns++;
                overbilled = overbilled.add(billed.subtract(reservation.amount()));
                if (reservation.worstCase().signum() > 0) {
                    BigDecimal ratio = billed.divide(reservation.worstCase(), RATIO);
                    scale = scale.max(ratio);
                }
            }
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

    /** What the open reservations hold now: their worst cases at the current scale. */
    public synchronized BigDecimal reserved() {
        return committed();
    }

    /** What is left under the cap after spending and reservations (negative once passed), or null without a cap. */
    public synchronized BigDecimal remaining() {
        return cap == null ? null : cap.subtract(spent).subtract(committed());
    }

    /** The highest ratio of billed cost to worst case seen so far; 1 while every call billed within its worst case. */
    public synchronized BigDecimal scale() {
        return scale;
    }

    /** Calls that were billed more than they had reserved. */
    public synchronized int overruns() {
        return overruns;
    }

    /** What those calls were billed beyond their reservations, in total. */
    public synchronized BigDecimal overbilled() {
        return overbilled;
    }

    /**
     * Why the last reservation was refused, with what had been spent then; null when none was.
     */
    public synchronized BudgetStop refusal() {
        if (refused == null) {
            return null;
        }
        return new BudgetStop(refused.amount(), refusedLeft, cap, spent, overruns, overbilled, scale);
    }

    private BigDecimal scaled(BigDecimal worstCase) {
        if (scale.compareTo(BigDecimal.ONE) == 0) {
            return worstCase;
        }
        return worstCase.multiply(scale).setScale(Math.max(USD_SCALE, worstCase.scale()), RoundingMode.CEILING);
    }

    private BigDecimal committed() {
        return outstanding == 0 ? BigDecimal.ZERO : scaled(openWorst);
    }

    private void tell(
            Event.Kind kind,
            long id,
            BigDecimal worstCase,
            BigDecimal amount,
            BigDecimal billed,
            BigDecimal committed) {
        if (observer != null) {
            observer.accept(new Event(kind, id, worstCase, amount, billed, spent, committed, scale, outstanding));
        }
    }
}
