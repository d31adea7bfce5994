// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import static dev.costbench.model.scenario.Fixtures.CATALOG;
import static dev.costbench.model.scenario.Fixtures.d;
import static dev.costbench.model.scenario.Fixtures.usd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.ratecard.RateAdjustment;
import dev.costbench.model.ratecard.RateCard;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tornado is priced as the bill is: the scenario's start month, its tiers and the user's rate card. */
class TornadoPricingTest {

    private static final Clock DEC_2026 = Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC);
    private static final RateCard GOOGLE_10 =
            new RateCard(List.of(new RateAdjustment("Google commit", "google", null, null, d("-10"))));

    /**
     * 1M requests a month of 1,000 tokens in and 100 out on gemini-3.8-flash from January 2027 (after its
     * introductory price): $1,500 input + $750 output = $2,250 at list price; −10 % = $2,025.
     */
    private static Scenario flash2027() {
        RequestType t =
                RequestType.text("chat", Volume.monthly(1_000_000), "gemini-3.8-flash", TextTokens.of(0, 1000, 100));
        return Scenario.of("flash", Workload.of(t), List.of()).withStartMonth(YearMonth.of(2027, 1));
    }

    @Test
    void theTornadosCentreIsTheBillsTotalAtTheStartMonthWithYourRates() {
        Scenario s = flash2027();
        Waterfall bill = ScenarioEngine.compute(s, CATALOG, DEC_2026, GOOGLE_10);
        Tornado.Result r = Tornado.compute(s, CATALOG, Tornado.defaults(), DEC_2026, GOOGLE_10);
        usd("2025", bill.optimizedMonthly());
        assertEquals(0, bill.optimizedMonthly().compareTo(r.monthly()), "tornado base = bill total");
        Tornado.Bar volume = r.bars().stream()
                .filter(b -> b.input() == Tornado.Input.VOLUME)
                .findFirst()
                .orElseThrow();
        usd("1620", volume.monthlyAtLow()); // 0.8 × $2,025
        usd("2430", volume.monthlyAtHigh()); // 1.2 × $2,025
        Tornado.Bar output = r.bars().stream()
                .filter(b -> b.input() == Tornado.Input.OUTPUT_TOKENS)
                .findFirst()
                .orElseThrow();
        usd("1856.25", output.monthlyAtLow()); // ($1,500 + 75 tokens × $7.50 × 1M / 1M) × 0.9 = $2,062.50 × 0.9
        assertEquals(LocalDate.of(2027, 1, 1), r.basis().pricedAt());
        assertTrue(r.basis().yourRates());
    }

    @Test
    void atListPriceTheCentreIsTheListBill() {
        Scenario s = flash2027();
        Tornado.Result r = Tornado.compute(s, CATALOG, Tornado.defaults(), DEC_2026, RateCard.NONE);
        usd("2250", r.monthly());
        assertEquals(
                0,
                ScenarioEngine.compute(s, CATALOG, DEC_2026).optimizedMonthly().compareTo(r.monthly()));
        assertFalse(r.basis().yourRates());
    }

    @Test
    void itSaysWhichInputsItVariedAndHowItPriced() {
        Tornado.Result r = Tornado.compute(flash2027(), CATALOG, Tornado.defaults(), DEC_2026, GOOGLE_10);
        assertEquals(
                List.of("volume -20 % ↔ +20 %", "output length -25 % ↔ +25 %", "prompt length -25 % ↔ +25 %"),
                r.basis().varied());
        assertEquals(List.of("cache hit rate", "escalation rate"), r.basis().notVaried());
        assertEquals(
                "Varied one at a time: volume -20 % ↔ +20 %, output length -25 % ↔ +25 %, prompt length -25 % ↔ "
                        + "+25 %. Not in this scenario: cache hit rate, escalation rate. Priced at the prices of "
                        + "2027-01-01, your rates (Use my rates).",
                r.describe());
    }
}
