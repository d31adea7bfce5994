// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.catalog.SourceNames;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The data of the breakdown's price-history chart, without a display. */
class BreakdownHistoryViewModelTest {

    private static final Catalog CATALOG = CatalogBuilder.builtIn();
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    private final BreakdownHistoryViewModel vm =
            new BreakdownHistoryViewModel(Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));

    @Test
    void anIntroductoryPriceIsTwoStepsPerKindWithTodayMarked() {
        vm.catalogProperty().set(CATALOG);
        vm.modelProperty().set(CATALOG.find("gemini-3.8-flash").orElseThrow());
        BreakdownHistoryViewModel.History h = vm.historyProperty().get();
        assertTrue(h.changes());
        assertEquals(TODAY, h.today());
        assertEquals(2, h.series().size());
        assertEquals("Input", h.series().get(0).kind());
        assertEquals("Output", h.series().get(1).kind());
        var input = h.series().get(0).steps();
        assertEquals(2, input.size());
        assertEquals(0, new BigDecimal("0.75").compareTo(input.get(0).perMTok()));
        assertTrue(input.get(0).openStart());
        assertEquals(LocalDate.of(2026, 12, 31), input.get(0).until());
        assertEquals(0, new BigDecimal("1.5").compareTo(input.get(1).perMTok()));
        assertEquals(LocalDate.of(2027, 1, 1), input.get(1).from());
        assertTrue(input.get(1).openEnd());
        assertEquals(h.end(), input.get(1).until());
        assertEquals(TODAY.minusDays(BreakdownHistoryViewModel.MARGIN_DAYS), h.start());
        assertEquals(LocalDate.of(2027, 1, 1).plusDays(BreakdownHistoryViewModel.MARGIN_DAYS), h.end());
        String tip = input.get(0).tooltip();
        assertTrue(tip.startsWith("Input $0.75 per 1M tokens · until 2026-12-31 · introductory price"), tip);
        assertTrue(tip.contains("\nSource: ") && tip.contains("(read 2026-09-20)"), tip);
        assertEquals(
                "Output $7.50 per 1M tokens · from 2027-01-01\nSource: " + SourceNames.name(CATALOG, "G-PRICE")
                        + " (read 2026-09-20)",
                h.series().get(1).steps().get(1).tooltip());
    }

    @Test
    void onePricePerKindSaysNoChangesRecorded() {
        vm.modelProperty().set(CATALOG.find("gpt-5").orElseThrow());
        BreakdownHistoryViewModel.History h = vm.historyProperty().get();
        assertFalse(h.changes());
        assertEquals(
                "No price changes recorded: one price per kind (input $1.25, output $10.00 per 1M tokens).",
                h.message());
        vm.modelProperty().set(null);
        assertNull(vm.historyProperty().get());
    }
}
