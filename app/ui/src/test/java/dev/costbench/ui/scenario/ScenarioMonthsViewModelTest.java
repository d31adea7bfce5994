// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.ratecard.RateAdjustment;
import dev.costbench.model.ratecard.RateCard;
import dev.costbench.model.scenario.BillLine;
import dev.costbench.model.scenario.CustomModel;
import dev.costbench.model.scenario.Lever;
import dev.costbench.model.scenario.LeverEntry;
import dev.costbench.model.scenario.RequestType;
import dev.costbench.model.scenario.Scenario;
import dev.costbench.model.scenario.TextTokens;
import dev.costbench.model.scenario.Volume;
import dev.costbench.model.scenario.Waterfall;
import dev.costbench.model.scenario.Workload;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The planner's twelve months, its price-change warning, the flex / priority levers, "Use my rates" and the caching
 * lever's explicit-cache settings, without a display.
 */
class ScenarioMonthsViewModelTest extends HeadlessScenario {

    /** 1M requests a month of 1,000 tokens in and 100 out on gemini-3.8-flash ($0.75 / $3.75 until 2026-12-31). */
    private void showFlash(String model, String start) {
        RequestType t = RequestType.text("chat", Volume.monthly(1_000_000), model, TextTokens.of(0, 1000, 100));
        vm.show(Scenario.of("Flash", Workload.of(t), List.of()).withStartMonth(YearMonth.parse(start)));
    }

    private Waterfall waterfall() {
        return vm.results().waterfallProperty().get();
    }

    private static void assertMoney(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + ", got " + actual);
    }

    @Test
    void theMonthsAndThePriceChangeWarningAreShown() {
        showFlash("gemini-3.8-flash", "2026-11");
        assertEquals(YearMonth.of(2026, 11), vm.startMonthProperty().get());
        assertEquals(12, waterfall().months().size());
        assertMoney("1125", waterfall().months().get(1).optimized());
        assertMoney("2250", waterfall().months().get(2).optimized());
        assertTrue(
                vm.results()
                        .priceChangesProperty()
                        .get()
                        .startsWith("⚠ Gemini 3.8 Flash: the introductory price ends on 2026-12-31"),
                vm.results().priceChangesProperty().get());
        assertTrue(vm.results()
                .priceChangesProperty()
                .get()
                .endsWith("from January 2027 this scenario costs " + "$1,125.00 more a month"));
        assertTrue(vm.results().totalsProperty().get().contains("optimized yearly $24,750.00"));
    }

    @Test
    void movingTheFirstMonthRepricesAndMarksTheScenarioChanged() {
        showFlash("gemini-3.8-flash", "2026-11");
        vm.startMonthProperty().set(YearMonth.of(2027, 1));
        assertEquals("2027-01", vm.scenario().startMonth());
        assertMoney("2250", waterfall().baselineMonthly());
        assertEquals("", vm.results().priceChangesProperty().get());
        assertTrue(vm.dirtyProperty().get());
        assertTrue(vm.startMonthChoices().contains(YearMonth.of(2027, 1)));
    }

    @Test
    void flexAndPriorityLeversSayWhenAModelDoesNotOfferTheTier() {
        showFlash("gpt-5", "2027-01");
        vm.levers().add("Flex processing");
        vm.levers().add("Priority processing");
        LeverRow flex = vm.levers().rows().get(0);
        LeverRow priority = vm.levers().rows().get(1);
        assertTrue(flex.showsNotes());
        assertTrue(
                flex.savingProperty().get().startsWith("saves $"),
                flex.savingProperty().get());
        assertTrue(
                priority.savingProperty().get().startsWith("adds $"),
                priority.savingProperty().get());
        assertEquals("", flex.notesProperty().get());

        showFlash("gemini-3.8-flash", "2027-01");
        vm.levers().add("Flex processing");
        LeverRow none = vm.levers().rows().get(0);
        assertEquals("saves $0.00/mo", none.savingProperty().get());
        assertTrue(
                none.notesProperty().get().startsWith("Gemini 3.8 Flash does not offer the Flex tier"),
                none.notesProperty().get());
    }

    @Test
    void useMyRatesAddsTheRateCardLineToEveryBill() {
        // Seed 003 on Gemini: $135,000 → $4,680 a month at list prices.
        vm.rateCardProperty()
                .set(new RateCard(
                        List.of(new RateAdjustment("Google commitment", "google", null, null, new BigDecimal("-10")))));
        assertMoney("4680", waterfall().optimizedMonthly());
        vm.useMyRatesProperty().set(true);
        assertMoney("121500", waterfall().baselineMonthly());
        assertMoney("4212", waterfall().optimizedMonthly());
        assertMoney("-468", waterfall().optimized().line(BillLine.RATE_CARD));
        vm.useMyRatesProperty().set(false);
        assertMoney("4680", waterfall().optimizedMonthly());
        assertMoney("0", waterfall().optimized().line(BillLine.RATE_CARD));
        assertEquals(false, vm.dirtyProperty().get(), "a view setting, not a change to the scenario");
    }

    @Test
    void theTornadoFollowsUseMyRatesAndSaysWhatItVaried() {
        // Seed 003 on Gemini: $4,680 optimized at list price, $4,212 with −10 %: the tornado's centre is the bill.
        vm.rateCardProperty()
                .set(new RateCard(
                        List.of(new RateAdjustment("Google commitment", "google", null, null, new BigDecimal("-10")))));
        assertMoney("4680", vm.results().tornadoProperty().get().monthly());
        assertTrue(vm.results().tornadoInputsProperty().get().endsWith(", list price."));
        vm.useMyRatesProperty().set(true);
        assertMoney("4212", vm.results().tornadoProperty().get().monthly());
        assertMoney(
                waterfall().optimizedMonthly().toPlainString(),
                vm.results().tornadoProperty().get().monthly());
        String inputs = vm.results().tornadoInputsProperty().get();
        assertTrue(inputs.startsWith("Varied one at a time: volume -20 % ↔ +20 %"), inputs);
        assertTrue(inputs.endsWith(", your rates (Use my rates)."), inputs);
    }

    @Test
    void aSelfHostedModelIsABillLineWithItsAssumptions() {
        // 1.5B tokens a month on a model at $4.00 an instance-hour serving 400 tokens/s: 2 instances × 720 h.
        CustomModel own = CustomModel.selfHosted(
                "llama-own",
                "Llama (own GPUs)",
                new CustomModel.SelfHosted(new BigDecimal("4"), new BigDecimal("400"), null));
        RequestType t = RequestType.text("chat", Volume.monthly(1_000_000), "llama-own", TextTokens.of(0, 1000, 500));
        vm.show(Scenario.of("Own GPUs", Workload.of(t), List.of(own)));
        ScenarioResults.BillRow row = vm.results().billLines().get(0);
        assertEquals("Self-hosted GPUs", row.line());
        assertEquals("$5,760.00", row.amount());
        assertTrue(row.assumptions().startsWith("llama-own: 2 instances × 720 h × $4.00 an hour"), row.assumptions());
        assertTrue(row.text().endsWith("— hover for the assumptions"), row.text());
    }

    @Test
    void theCachingLeverTakesTtlAndRequestsPerHour() {
        RequestType chat = RequestType.text(
                "chat", Volume.monthly(100_000), "gemini-2.5-flash", new TextTokens(10_000, 0, 1000, 200, 0));
        vm.show(Scenario.of(
                "Gemini cache",
                Workload.of(chat),
                List.of(),
                LeverEntry.of("cache", null, new Lever.PromptCaching(new BigDecimal("0.9"), null))));
        LeverRow row = vm.levers().rows().get(0);
        assertTrue(row.takesExplicitCache());
        assertTrue(row.showsNotes());
        assertEquals("", row.ttlHoursProperty().get());
        // Defaults: 1 hour, the month's own rate — 10,000 tokens kept 720 h at $1.00 per 1M tokens per hour.
        assertMoney("7.2", waterfall().optimized().line(BillLine.CACHE_STORAGE));
        assertTrue(
                row.notesProperty().get().contains("break-even"),
                row.notesProperty().get());
        row.ttlHoursProperty().set("2");
        row.requestsPerHourProperty().set("10");
        Lever.PromptCaching c =
                (Lever.PromptCaching) vm.scenario().levers().get(0).lever();
        assertMoney("2", c.ttlHours());
        assertMoney("10", c.requestsPerHour());
        assertMoney("100", waterfall().optimized().line(BillLine.CACHE_STORAGE));
        row.requestsPerHourProperty().set("ten");
        assertTrue(row.errorProperty().get().startsWith("The requests per hour must be a number above 0"));
        assertMoney("10", ((Lever.PromptCaching) vm.scenario().levers().get(0).lever()).requestsPerHour());
        row.requestsPerHourProperty().set("");
        assertEquals(null, ((Lever.PromptCaching) vm.scenario().levers().get(0).lever()).requestsPerHour());
        assertEquals("", row.errorProperty().get());
    }
}
