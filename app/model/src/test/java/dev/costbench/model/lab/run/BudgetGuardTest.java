// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The budget guard when a provider bills more than a call's worst case. */
class BudgetGuardTest {

    private static BigDecimal usd(String s) {
        return new BigDecimal(s);
    }

    private static void same(String expected, BigDecimal actual) {
        assertEquals(0, usd(expected).compareTo(actual), "expected " + expected + ", got " + actual);
    }

    @Test
    void anOverrunScalesLaterReservationsAndTheOpenOnesByTheWorstRatioSeen() {
        BudgetGuard g = new BudgetGuard(usd("1.00"), BigDecimal.ZERO);
        BudgetGuard.Reservation a = g.tryReserve(usd("0.10"));
        BudgetGuard.Reservation b = g.tryReserve(usd("0.10"));
        same("0.20", g.reserved());

        g.settle(a, usd("0.30")); // three times its worst case
        same("3", g.scale());
        assertEquals(1, g.overruns());
        same("0.20", g.overbilled());
        same("0.30", g.reserved()); // b, still in flight, now counts as 3 × 0.10
        same("0.40", g.remaining());

        BudgetGuard.Reservation c = g.tryReserve(usd("0.10"));
        assertNotNull(c);
        same("0.30", c.amount());
        same("0.10", c.worstCase());
        assertNull(g.tryReserve(usd("0.05")), "0.30 spent + 0.60 open + 0.15 > 1.00");
        BudgetStop stop = g.refusal();
        same("0.15", stop.nextCallUsd());
        same("0.10", stop.remainingUsd());

        g.settle(c, usd("0.20")); // within its scaled reservation: no overrun, the scale stays
        same("3", g.scale());
        assertEquals(1, g.overruns());
        g.settle(b, usd("0.50")); // five times: the worst ratio now
        same("5", g.scale());
        assertEquals(2, g.overruns());
        same("1.00", g.spent());
        assertNull(g.tryReserve(usd("0.01")), "nothing is left");
        same("0.05", g.refusal().nextCallUsd());
        same("0", g.refusal().remainingUsd());
    }

    @Test
    void aScaledReservationCoversTheBillThatSetTheScale() {
        BudgetGuard g = new BudgetGuard(usd("10"), BigDecimal.ZERO);
        BigDecimal worst = usd("0.000123");
        BigDecimal bill = usd("0.000456789"); // ratio 3.7137...: not a finite decimal
        g.settle(g.tryReserve(worst), bill);
        BudgetGuard.Reservation r = g.tryReserve(worst);
        assertTrue(r.amount().compareTo(bill) >= 0, r.amount() + " ≥ " + bill);
        g.settle(r, bill);
        assertEquals(1, g.overruns(), "the same bill again is covered");
    }

    @Test
    void everyDecisionIsObservedInOrderWithTheStateItWasTakenIn() {
        BudgetGuard g = new BudgetGuard(usd("1"), usd("0.5"));
        List<BudgetGuard.Event> events = new ArrayList<>();
        g.observe(events::add);
        BudgetGuard.Reservation r = g.tryReserve(usd("0.25"));
        g.settle(r, usd("0.5"));
        assertNull(g.tryReserve(usd("0.25")));
        assertEquals(
                List.of(BudgetGuard.Event.Kind.GRANTED, BudgetGuard.Event.Kind.SETTLED, BudgetGuard.Event.Kind.REFUSED),
                events.stream().map(BudgetGuard.Event::kind).toList());
        BudgetGuard.Event refused = events.get(2);
        same("1.0", refused.spent());
        same("2", refused.scale());
        same("0.5", refused.amount());
        assertEquals(0, refused.inFlight());
    }

    @Test
    void theStopSaysWhatTheNextCallCouldCostAndWhatIsLeftWithTheMoneyFormatter() {
        BudgetGuard g = new BudgetGuard(usd("0.05"), usd("0.0488"));
        assertNull(g.tryReserve(usd("0.002134")));
        assertEquals(
                "stopped: the next call could cost up to $0.002134 and $0.0012 of the $0.05 budget remains",
                g.refusal().message("call", "budget"));
        assertEquals(0, g.refusal().overruns());
    }

    @Test
    void afterAnOverrunTheStopSaysHowMuchMoreWasBilledAndWhatThatDid() {
        BudgetGuard over = new BudgetGuard(usd("0.05"), BigDecimal.ZERO);
        BudgetGuard.Reservation a = over.tryReserve(usd("0.01"));
        BudgetGuard.Reservation b = over.tryReserve(usd("0.01"));
        over.settle(a, usd("0.04"));
        over.settle(b, usd("0.04"));
        assertNull(over.tryReserve(usd("0.01")));
        assertEquals(
                "stopped: the next judge call could cost up to $0.04 and $0.00 of the $0.05 judge budget "
                        + "remains; 2 calls were billed $0.06 more than reserved (up to 4 times the most a call can cost "
                        + "within its limits: the provider reported more output than the request's cap or more input than "
                        + "counted; check its usage figures), so $0.08 was spent, $0.03 over the judge budget",
                over.refusal().message("judge call", "judge budget"));

        BudgetGuard within = new BudgetGuard(usd("1"), BigDecimal.ZERO);
        within.settle(within.tryReserve(usd("0.1")), usd("0.25"));
        assertNotNull(within.tryReserve(usd("0.25")));
        assertNull(within.tryReserve(usd("0.2")));
        assertTrue(
                within.refusal()
                        .message("call", "budget")
                        .endsWith("(up to 2.5 times the most a call can cost "
                                + "within its limits: the provider reported more output than the request's cap or more input than "
                                + "counted; check its usage figures), so later calls reserved that much more"),
                within.refusal().message("call", "budget"));
    }

    @Test
    void aRefusalWithNothingInFlightEndsTheBudgetEvenForACheaperCall() {
        BudgetGuard g = new BudgetGuard(usd("0.05"), BigDecimal.ZERO);
        BudgetGuard.Reservation a = g.tryReserve(usd("0.04"));
        assertNotNull(a);
        BudgetGuard.Reservation open = g.tryReserve(usd("0.005"));
        assertNotNull(open);
        assertNull(g.tryReserve(usd("0.02")), "0.045 open + 0.02 > 0.05, with calls in flight: not final yet");
        g.settle(a, usd("0.04"));
        g.settle(open, usd("0.001"));
        assertNotNull(g.tryReserve(usd("0.005")), "a refusal while calls were in flight does not end the budget");
    }

    /** Fails before: a cheaper call (another provider's thread) started after the run's final refusal. */
    @Test
    void oneFinalRefusalIsFinal() {
        BudgetGuard g = new BudgetGuard(usd("0.05"), BigDecimal.ZERO);
        g.settle(g.tryReserve(usd("0.04")), usd("0.04"));
        assertNull(g.tryReserve(usd("0.02")), "0.04 spent + 0.02 > 0.05 with nothing in flight");
        assertNull(g.tryReserve(usd("0.005")), "0.005 would fit, but the run's budget was declared spent");
    }

    @Test
    void theGuaranteeIsOneSentenceThatNamesTheMarginTheCapAndTheBound() {
        String t = BudgetGuarantee.TEXT;
        assertTrue(t.endsWith(".") && !t.substring(0, t.length() - 1).matches(".*[.!?] .*"), "one sentence: " + t);
        assertTrue(
                t.contains("25 %")
                        && t.contains("output cap")
                        && t.contains("reasoning budget")
                        && t.contains("in flight"),
                t);
        assertEquals(1.25, BudgetGuarantee.ESTIMATED_INPUT_MARGIN);
        assertEquals(BudgetGuarantee.ESTIMATED_INPUT_MARGIN, Runner.ESTIMATED_INPUT_MARGIN);
    }

    /** The worked example of docs/reliability/budget.md, step by step. */
    @Test
    void theWorkedExampleOfTheDocs() {
        BudgetGuard g = new BudgetGuard(usd("0.05"), BigDecimal.ZERO);
        BigDecimal worst = usd("0.0020"); // 500 input tokens at $1/M + 300 output tokens at $5/M
        BudgetGuard.Reservation first = g.tryReserve(worst);
        g.settle(first, usd("0.0154")); // 400 input + 3,000 output tokens
        same("7.7", g.scale());
        BudgetGuard.Reservation second = g.tryReserve(worst);
        same("0.0154", second.amount());
        BudgetGuard.Reservation third = g.tryReserve(worst);
        assertNotNull(third, "0.0154 + 0.0154 + 0.0154 = 0.0462 ≤ 0.05");
        assertNull(g.tryReserve(worst), "0.0154 + 0.0308 + 0.0154 = 0.0616 > 0.05: waits");
        g.settle(second, usd("0.0154"));
        g.settle(third, usd("0.0154"));
        same("0.0462", g.spent());
        assertNull(g.tryReserve(worst));
        assertEquals(
                "stopped: the next call could cost up to $0.0154 and $0.0038 of the $0.05 budget remains; 1 call "
                        + "was billed $0.0134 more than reserved (up to 7.7 times the most a call can cost within its limits: "
                        + "the provider reported more output than the request's cap or more input than counted; check its "
                        + "usage figures), so later calls reserved that much more",
                g.refusal().message("call", "budget"));
    }
}
