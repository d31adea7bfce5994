// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** The planner's twelve months, its price-change warning and the flex / priority levers, without a display. */
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
}
