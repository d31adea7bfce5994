// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import static dev.costbench.model.scenario.Fixtures.CATALOG;
import static dev.costbench.model.scenario.Fixtures.d;
import static dev.costbench.model.scenario.Fixtures.scenario;
import static dev.costbench.model.scenario.Fixtures.usd;

import dev.costbench.model.catalog.ServiceTier;
import dev.costbench.model.ratecard.RateAdjustment;
import dev.costbench.model.ratecard.RateCard;
import java.math.MathContext;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The user's rate card in the scenario planner: one bill line, applied after list price to each model's calls. */
class RateCardScenarioTest {

    private static final RateCard CARD = new RateCard(List.of(
            new RateAdjustment("Azure OpenAI commitment", "openai", "gpt-*", null, d("-15")),
            new RateAdjustment("Reseller", null, null, null, d("5")),
            new RateAdjustment("Priority surcharge", null, null, ServiceTier.PRIORITY, d("50"))));

    private static Waterfall compute(Scenario s, RateCard card) {
        return ScenarioEngine.compute(s, CATALOG, Clock.systemUTC(), card);
    }

    @Test
    void theRateCardIsABillLineOnEveryBill() {
        // $1,500 list on GPT-4o; −15 % = −$225 → $1,275; +5 % of $1,275 = +$63.75: the line is −$161.25.
        Waterfall w = compute(scenario(LeversTest.chat()), CARD);
        usd("-161.25", w.baseline().line(BillLine.RATE_CARD));
        usd("1338.75", w.baselineMonthly());
        usd("1500", w.baseline().line(BillLine.TEXT_INPUT).add(w.baseline().line(BillLine.OUTPUT)));
        // Off: list prices, no line.
        Waterfall off = compute(scenario(LeversTest.chat()), RateCard.NONE);
        usd("0", off.baseline().line(BillLine.RATE_CARD));
        usd("1500", off.baselineMonthly());
    }

    @Test
    void itFollowsTheLeversAndTheYear() {
        // Caching on GPT-4o: $1,162.50 list (LeversTest) × 0.85 × 1.05 = $1,037.53125.
        Waterfall w = compute(
                scenario(LeversTest.chat(), LeverEntry.of("c", null, new Lever.PromptCaching(d("0.9"), null))), CARD);
        usd("1037.53125", w.optimizedMonthly());
        usd("301.21875", w.steps().get(0).saving());
        usd("16065", w.baselineYearly()); // 12 × $1,338.75, no growth
    }

    @Test
    void explicitCacheStorageGetsTheRatesToo() {
        RateCard google = new RateCard(List.of(new RateAdjustment("Google commit", "google", null, null, d("-10"))));
        Waterfall w = compute(
                scenario(
                        ExplicitCacheLeverTest.gemini(),
                        LeverEntry.of("c", null, new Lever.PromptCaching(d("0.9"), null))),
                google);
        usd("7.20", w.optimized().line(BillLine.CACHE_STORAGE));
        usd(
                "-0.1",
                w.optimized()
                        .line(BillLine.RATE_CARD)
                        .divide(
                                w.optimized().total().subtract(w.optimized().line(BillLine.RATE_CARD)),
                                MathContext.DECIMAL64));
    }
}
