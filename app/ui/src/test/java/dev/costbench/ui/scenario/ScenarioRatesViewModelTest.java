// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.ratecard.RateAdjustment;
import dev.costbench.model.ratecard.RateCard;
import dev.costbench.model.scenario.BillLine;
import dev.costbench.model.scenario.Lever;
import dev.costbench.model.scenario.LeverEntry;
import dev.costbench.model.scenario.RequestType;
import dev.costbench.model.scenario.Scenario;
import dev.costbench.model.scenario.TextTokens;
import dev.costbench.model.scenario.Volume;
import dev.costbench.model.scenario.Waterfall;
import dev.costbench.model.scenario.Workload;
import dev.costbench.ui.common.DirectTaskExecutor;
import dev.costbench.ui.common.RecordingDialogService;
import dev.costbench.ui.common.UiContext;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** "Use my rates" and the explicit-cache settings of the caching lever in the scenario planner (no display). */
class ScenarioRatesViewModelTest {

    private static final Catalog CATALOG = CatalogBuilder.builtIn();

    private final DirectTaskExecutor tasks = new DirectTaskExecutor();
    private final ScenarioViewModel vm = new ScenarioViewModel(
            new UiContext(tasks, new RecordingDialogService()), () -> CATALOG, () -> null, f -> Optional.empty());

    @AfterEach
    void close() {
        vm.close();
        assertEquals(List.of(), tasks.unhandled());
    }

    private Waterfall waterfall() {
        return vm.results().waterfallProperty().get();
    }

    private static void assertMoney(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + ", got " + actual);
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
