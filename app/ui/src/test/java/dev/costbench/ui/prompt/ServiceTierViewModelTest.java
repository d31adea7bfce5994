// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.catalog.ServiceTier;
import dev.costbench.model.cost.CostEngine;
import dev.costbench.model.cost.CostRow;
import dev.costbench.ui.common.DirectTaskExecutor;
import dev.costbench.ui.common.RecordingDialogService;
import dev.costbench.ui.common.UiContext;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Prompt view's service tier and "prices as of" date, without a display. */
class ServiceTierViewModelTest {

    private static final Catalog CATALOG = CatalogBuilder.builtIn();
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    private final DirectTaskExecutor tasks = new DirectTaskExecutor();
    private final PromptViewModel vm = new PromptViewModel(
            new UiContext(tasks, new RecordingDialogService()),
            CATALOG,
            Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));

    @BeforeEach
    void prompt() {
        vm.systemTextProperty().set("You are a careful assistant who answers briefly. ".repeat(40));
        vm.userTextProperty().set("What does a request cost at each service tier?");
    }

    private CostRow row(String id) {
        return vm.rows().stream()
                .filter(r -> r.model().id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static BigDecimal ratio(BigDecimal a, BigDecimal b) {
        return a.divide(b, MathContext.DECIMAL64);
    }

    @Test
    void theTierRepricesEveryRowAsTheEngineDoes() {
        assertEquals(ServiceTier.STANDARD, vm.serviceTierProperty().get());
        CostRow standard = row("gpt-5");
        BigDecimal std = standard.perRequest();
        assertTrue(std.signum() > 0);
        // gpt-5: priority lists 2.50 / 0.25 / 20.00 (2× standard), flex is ×0.5, batch is 0.625 / 5.00 (½)
        BigDecimal[] expected = {new BigDecimal("2"), new BigDecimal("0.5"), new BigDecimal("0.5")};
        ServiceTier[] tiers = {ServiceTier.PRIORITY, ServiceTier.FLEX, ServiceTier.BATCH};
        for (int i = 0; i < tiers.length; i++) {
            vm.serviceTierProperty().set(tiers[i]);
            CostRow r = row("gpt-5");
            assertEquals(tiers[i], r.breakdown().options().serviceTier());
            assertTrue(r.complete(), tiers[i] + " is offered and fully priced");
            assertEquals(0, expected[i].compareTo(ratio(r.perRequest(), std)), tiers[i] + ": " + r.perRequest());
            BigDecimal engine = CostEngine.price(
                            r.model(),
                            standard.breakdown().usage(),
                            vm.billing().withTier(tiers[i]))
                    .total();
            assertEquals(0, engine.compareTo(r.perRequest()), "the same figure as the engine");
        }
        vm.serviceTierProperty().set(ServiceTier.STANDARD);
        assertEquals(0, std.compareTo(row("gpt-5").perRequest()));
        assertTrue(tasks.unhandled().isEmpty());
    }

    @Test
    void theBatchBoxAndTheTierAreOneSetting() {
        vm.batchProperty().set(true);
        assertEquals(ServiceTier.BATCH, vm.serviceTierProperty().get());
        vm.serviceTierProperty().set(ServiceTier.PRIORITY);
        assertFalse(vm.batchProperty().get());
        vm.serviceTierProperty().set(ServiceTier.BATCH);
        assertTrue(vm.batchProperty().get());
        vm.batchProperty().set(false);
        assertEquals(ServiceTier.STANDARD, vm.serviceTierProperty().get());
        assertFalse(row("gpt-5").breakdown().options().batch());
    }

    @Test
    void aTierTheModelDoesNotOfferIsUnpricedWithTheReason() {
        vm.serviceTierProperty().set(ServiceTier.FAST);
        CostRow gpt = row("gpt-5");
        assertFalse(gpt.model().offers(ServiceTier.FAST));
        assertTrue(gpt.breakdown().unpriced(), "not the standard price: " + gpt.perRequest());
        assertTrue(CostColumns.flags(gpt).contains("no Fast mode tier"), CostColumns.flags(gpt));
        String reason = CostColumns.unpricedReason(gpt);
        assertTrue(reason.contains("Fast mode tier is not offered for this model"), reason);
        // a model that offers it is priced: Claude Opus 5 fast mode is ×2
        CostRow opus = row("claude-opus-5");
        assertTrue(opus.complete());
        vm.serviceTierProperty().set(ServiceTier.STANDARD);
        BigDecimal std = row("claude-opus-5").perRequest();
        assertEquals(0, new BigDecimal("2").compareTo(ratio(opus.perRequest(), std)));
        assertFalse(CostColumns.flags(row("gpt-5")).contains("tier"));
    }

    @Test
    void aDateAfterAPromotionsEndReprices() {
        assertEquals(TODAY, vm.pricedAtProperty().get(), "today by default");
        BigDecimal intro = row("gemini-3.8-flash").perRequest();
        vm.pricedAtProperty().set(LocalDate.of(2027, 1, 15));
        CostRow after = row("gemini-3.8-flash");
        assertEquals(LocalDate.of(2027, 1, 15), after.breakdown().options().at());
        // introductory 0.75 / 3.75 until 2026-12-31, then 1.50 / 7.50: twice the price
        assertEquals(
                0,
                new BigDecimal("2").compareTo(ratio(after.perRequest(), intro)),
                after.perRequest().toString());
        vm.pricesAsOfToday();
        assertEquals(TODAY, vm.pricedAtProperty().get());
        assertEquals(0, intro.compareTo(row("gemini-3.8-flash").perRequest()));
        vm.pricedAtProperty().set(null);
        assertEquals(TODAY, vm.billing().at(), "no date: today");
    }

    @Test
    void theTierComparisonListsEveryTierForTheSelectedModel() {
        vm.selectedModelProperty().set(row("gpt-5").model());
        TierComparison c = vm.tiersProperty().get();
        assertNotNull(c);
        assertEquals(
                Arrays.asList(ServiceTier.values()),
                c.tiers().stream().map(TierComparison.TierCost::tier).toList());
        assertEquals(ServiceTier.STANDARD, c.chosen());
        assertEquals(
                0,
                c.at(ServiceTier.STANDARD).cost().total().compareTo(row("gpt-5").perRequest()));
        assertEquals(0, new BigDecimal("2").compareTo(c.ratio(ServiceTier.PRIORITY)));
        assertEquals(0, new BigDecimal("0.5").compareTo(c.ratio(ServiceTier.FLEX)));
        assertEquals(0, new BigDecimal("0.5").compareTo(c.ratio(ServiceTier.BATCH)));
        assertEquals("not offered", c.at(ServiceTier.FAST).text());
        assertTrue(
                c.at(ServiceTier.PRIORITY).text().startsWith("$"),
                c.at(ServiceTier.PRIORITY).text());
        assertTrue(c.endings().isEmpty(), "gpt-5's prices are not dated");
        // it follows the options: the chosen tier and the prompt
        vm.serviceTierProperty().set(ServiceTier.PRIORITY);
        assertEquals(ServiceTier.PRIORITY, vm.tiersProperty().get().chosen());
        vm.selectedModelProperty().set(null);
        assertEquals(null, vm.tiersProperty().get());
    }

    @Test
    void aPriceEndingWithinNinetyDaysIsAnnouncedWithTheLaterCost() {
        vm.selectedModelProperty().set(row("gemini-3.8-flash").model());
        List<String> endings = vm.tiersProperty().get().endings();
        assertEquals(1, endings.size(), endings.toString());
        String e = endings.get(0);
        assertTrue(e.startsWith("The introductory price ends on 2026-12-31; from 2027-01-01 this request costs $"), e);
        vm.pricedAtProperty().set(LocalDate.of(2026, 8, 1));
        assertTrue(vm.tiersProperty().get().endings().isEmpty(), "more than 90 days ahead");
        vm.pricedAtProperty().set(LocalDate.of(2027, 1, 1));
        assertTrue(vm.tiersProperty().get().endings().isEmpty(), "the later price does not end");
    }
}
