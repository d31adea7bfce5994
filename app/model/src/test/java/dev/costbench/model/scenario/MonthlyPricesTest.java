// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import static dev.costbench.model.scenario.Fixtures.CATALOG;
import static dev.costbench.model.scenario.Fixtures.usd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each projected month is priced at its own catalog prices (gemini-3.8-flash: introductory price to 2026-12-31). */
class MonthlyPricesTest {

    private static final Clock DEC_2026 = Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC);

    /** 1M requests a month of 1,000 tokens in and 100 out: $750 + $375 before 2027, $1,500 + $750 from 2027. */
    private static Scenario flash(String start) {
        RequestType t =
                RequestType.text("chat", Volume.monthly(1_000_000), "gemini-3.8-flash", TextTokens.of(0, 1000, 100));
        return Scenario.of("flash", Workload.of(t), List.of())
                .withStartMonth(start == null ? null : YearMonth.parse(start));
    }

    private static Waterfall compute(Scenario s) {
        return ScenarioEngine.compute(s, CATALOG, DEC_2026);
    }

    @Test
    void aScenarioStartingIn2027IsPricedAfterThePromotion() {
        Waterfall w = compute(flash("2027-01"));
        usd("2250", w.baselineMonthly());
        usd("27000", w.baselineYearly());
        assertEquals(12, w.months().size());
        assertEquals(YearMonth.of(2027, 1), w.months().get(0).month());
        assertTrue(w.priceChanges().isEmpty(), () -> w.priceChanges().toString());
    }

    @Test
    void aScenarioStartingInNovemberStepsUpInJanuaryAndWarns() {
        Waterfall w = compute(flash("2026-11"));
        usd("1125", w.baselineMonthly());
        usd("1125", w.months().get(1).baseline()); // December 2026
        usd("2250", w.months().get(2).baseline()); // January 2027
        usd("2250", w.months().get(2).optimized());
        usd("1125", w.months().get(0).optimized());
        usd(String.valueOf(2 * 1125 + 10 * 2250), w.baselineYearly());
        assertEquals(1, w.priceChanges().size(), () -> w.priceChanges().toString());
        assertEquals(
                "Gemini 3.8 Flash: the introductory price ends on 2026-12-31 (input $0.75 → $1.50, cached input (read) "
                        + "$0.075 → $0.15, output $3.75 → $7.50 per 1M tokens); from January 2027 this scenario "
                        + "costs $1,125.00 more a month",
                w.priceChanges().get(0));
    }

    @Test
    void growthAndPricesCombineMonthByMonth() {
        Scenario s = flash("2026-12");
        RequestType t = s.workload().requestTypes().get(0);
        s = s.withWorkload(Workload.of(t.withVolume(t.volume().withGrowth(new BigDecimal("0.1")))));
        Waterfall w = compute(s);
        usd("1125", w.months().get(0).baseline());
        usd("2475", w.months().get(1).baseline()); // 1.1 × 1M requests at the 2027 prices
    }

    @Test
    void withoutAStartMonthTheScenarioStartsInTheCurrentMonth() {
        Scenario s = flash(null);
        assertNull(s.startMonth());
        assertEquals(YearMonth.of(2026, 12), compute(s).months().get(0).month());
    }

    @Test
    void aChangeOnlyTheBillBeforeTheLeversSeesIsNamedSo() {
        Scenario s = flash("2026-12")
                .withLevers(List.of(LeverEntry.of(
                        "route",
                        null,
                        new Lever.Routing(List.of(new Lever.Routing.Route("gpt-5-mini", BigDecimal.ONE))))));
        Waterfall w = compute(s);
        assertEquals(1, w.priceChanges().size());
        assertTrue(
                w.priceChanges()
                        .get(0)
                        .endsWith("from January 2027 the bill before the levers costs $1,125.00 more a month (after "
                                + "the levers it does not change)"),
                w.priceChanges().get(0));
    }
}
