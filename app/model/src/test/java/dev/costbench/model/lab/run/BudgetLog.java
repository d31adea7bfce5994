// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A budget guard's events in order ({@link BudgetGuard#observe}), and the checks of the guarantee that need them,
 * reckoned here from the events alone: which calls were in flight when, what they reserved and were billed. Shared with
 * app/cli's runner tests through the model's test jar.
 */
public final class BudgetLog implements Consumer<BudgetGuard.Event> {

    final List<BudgetGuard.Event> events = new CopyOnWriteArrayList<>();

    @Override
    public void accept(BudgetGuard.Event e) {
        events.add(e);
    }

    public List<BudgetGuard.Event> of(BudgetGuard.Event.Kind kind) {
        return events.stream().filter(e -> e.kind() == kind).toList();
    }

    /** The reservations open just before event {@code index}, by id (granted, not settled). */
    public Map<Long, BudgetGuard.Event> openBefore(int index) {
        Map<Long, BudgetGuard.Event> open = new LinkedHashMap<>();
        for (int i = 0; i < index; i++) {
            BudgetGuard.Event e = events.get(i);
            if (e.kind() == BudgetGuard.Event.Kind.GRANTED) {
                open.put(e.id(), e);
            } else if (e.kind() == BudgetGuard.Event.Kind.SETTLED) {
                open.remove(e.id());
            }
        }
        return open;
    }

    /** What each call was billed, by reservation id (zero when nothing was). */
    public Map<Long, BigDecimal> billed() {
        Map<Long, BigDecimal> out = new HashMap<>();
        for (BudgetGuard.Event e : of(BudgetGuard.Event.Kind.SETTLED)) {
            out.put(e.id(), e.billed() == null ? BigDecimal.ZERO : e.billed());
        }
        return out;
    }

    /** The index of the first settlement above its reservation, or -1. */
    public int firstOverrun() {
        for (int i = 0; i < events.size(); i++) {
            BudgetGuard.Event e = events.get(i);
            if (e.kind() == BudgetGuard.Event.Kind.SETTLED
                    && e.billed() != null
                    && e.billed().compareTo(e.amount()) > 0) {
                return i;
            }
        }
        return -1;
    }

    /** The calls in flight at the first overrun (the overrunning one included); empty without an overrun. */
    public List<Long> inFlightAtFirstOverrun() {
        int i = firstOverrun();
        return i < 0 ? List.of() : new ArrayList<>(openBefore(i).keySet());
    }

    /** The sum of what {@code ids} were billed. */
    public BigDecimal billedBy(List<Long> ids) {
        Map<Long, BigDecimal> b = billed();
        return ids.stream().map(id -> b.getOrDefault(id, BigDecimal.ZERO)).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The sum of what {@code ids} were billed beyond their reservations. */
    public BigDecimal overbilledBy(List<Long> ids) {
        Map<Long, BigDecimal> b = billed();
        Map<Long, BigDecimal> reserved = new HashMap<>();
        of(BudgetGuard.Event.Kind.GRANTED).forEach(e -> reserved.put(e.id(), e.amount()));
        BigDecimal sum = BigDecimal.ZERO;
        for (long id : ids) {
            BigDecimal over = b.getOrDefault(id, BigDecimal.ZERO).subtract(reserved.get(id));
            sum = over.signum() > 0 ? sum.add(over) : sum;
        }
        return sum;
    }

    /** The calls in flight when the last call started, that one included. */
    public List<Long> inFlightAtLastStart() {
        int last = -1;
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).kind() == BudgetGuard.Event.Kind.GRANTED) {
                last = i;
            }
        }
        if (last < 0) {
            return List.of();
        }
        List<Long> ids = new ArrayList<>(openBefore(last).keySet());
        ids.add(events.get(last).id());
        return ids;
    }

    /**
     * Checks the guarantee for calls that are all over-billed by the same ratio: the first call ran alone, and what
     * was spent passed the cap by no more than the calls in flight at the first overrun were billed — and, the ratio
     * being the same for every call, by no more than those calls were billed beyond their reservations.
     */
    public void assertFirstOverrunBound(BigDecimal spent, BigDecimal cap) {
        List<Long> first = inFlightAtFirstOverrun();
        assertEquals(List.of(1L), first, "under a cap the first call runs alone");
        assertTrue(
                spent.compareTo(cap.add(billedBy(first))) <= 0,
                "spent " + spent + " ≤ cap " + cap + " + what the calls in flight at the first overrun were billed");
        assertTrue(
                spent.compareTo(cap.add(overbilledBy(first))) <= 0,
                "every call over-billed by the same ratio: only those calls passed their reservations; spent " + spent
                        + " ≤ cap " + cap + " + " + overbilledBy(first));
    }

    /** No call started that the budget left could not cover, and each of the {@code calls} had one reservation. */
    public void assertSoundDecisions(BigDecimal cap, int calls) {
        assertEquals(List.of(), violations(cap), "no call started that the budget left could not cover");
        assertEquals(calls, of(BudgetGuard.Event.Kind.GRANTED).size(), "one reservation per call");
    }

    /**
     * Problems with the decisions, reckoned from the events: a call granted although what was billed plus the open
     * reservations plus its own passed the cap; a reservation below its worst case times the worst ratio of billed
     * cost to worst case settled before it; a call granted after the final refusal.
     */
    public List<String> violations(BigDecimal cap) {
        List<String> out = new ArrayList<>();
        BigDecimal worstRatio = BigDecimal.ONE;
        BigDecimal spent = events.isEmpty() ? BigDecimal.ZERO : events.get(0).spent();
        boolean finalRefusal = false;
        for (int i = 0; i < events.size(); i++) {
            BudgetGuard.Event e = events.get(i);
            switch (e.kind()) {
                case GRANTED -> {
                    BigDecimal open = openBefore(i).values().stream()
                            .map(BudgetGuard.Event::worstCase)
                            .reduce(BigDecimal.ZERO, BigDecimal::add)
                            .multiply(worstRatio);
                    if (spent.add(open).add(e.amount()).compareTo(cap.add(new BigDecimal("1e-9"))) > 0) {
                        out.add("call " + e.id() + " started with " + spent + " spent, " + open + " open and "
                                + e.amount() + " to reserve, over the cap " + cap);
                    }
                    BigDecimal least = e.worstCase().multiply(worstRatio);
                    if (e.amount().compareTo(least.subtract(new BigDecimal("1e-9"))) < 0) {
                        out.add("call " + e.id() + " reserved " + e.amount() + " < worst case " + e.worstCase() + " × "
                                + worstRatio);
                    }
                    if (finalRefusal) {
                        out.add("call " + e.id() + " started after the final refusal");
                    }
                }
                case SETTLED -> {
                    if (e.billed() != null) {
                        spent = spent.add(e.billed());
                        if (e.worstCase().signum() > 0) {
                            worstRatio = worstRatio.max(
                                    e.billed().divide(e.worstCase(), new MathContext(12, RoundingMode.HALF_UP)));
                        }
                    }
                }
                case REFUSED -> finalRefusal = finalRefusal || openBefore(i).isEmpty();
                default -> throw new IllegalStateException();
            }
        }
        return out;
    }
}
