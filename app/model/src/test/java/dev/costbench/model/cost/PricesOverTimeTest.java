// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.catalog.CatalogReader;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.Origin;
import dev.costbench.model.catalog.Price;
import dev.costbench.model.catalog.PriceKind;
import dev.costbench.model.catalog.PriceStatus;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Dated prices (validFrom / validUntil): the engine prices at a date, an ended price is never used silently. */
class PricesOverTimeTest {

    private static final Catalog BUILT_IN = CatalogBuilder.builtIn();

    private static ModelEntry model(String id) {
        return BUILT_IN.find(id).orElseThrow(() -> new AssertionError("catalog lacks " + id));
    }

    private static Clock clock(String day) {
        return Clock.fixed(LocalDate.parse(day).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    }

    private static Catalog catalog(String json, Clock clock) {
        return CatalogBuilder.build(
                List.of(CatalogReader.read(
                        "test.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), Origin.USER)),
                clock);
    }

    private static void assertUsd(String expected, BigDecimal actual) {
        assertEquals(
                0,
                new BigDecimal(expected).compareTo(actual),
                "expected $" + expected + " got $" + actual.toPlainString());
    }

    private static final String ENDING = "{\"sources\":{\"S\":\"test\"},\"models\":[{\"id\":\"promo\","
            + "\"provider\":\"openai\",\"tier\":\"mid\",\"source\":\"S\",\"asOf\":\"2026-12-01\",\"prices\":{"
            + "\"input\":{\"value\":1,\"validUntil\":\"2026-12-31\"},\"output\":2}}]}";

    @Test
    void geminiFlashIntroductoryPriceEndsOnNewYear() {
        ModelEntry flash = model("gemini-3.8-flash");
        RequestShape shape = RequestShape.of(1_000_000, 1_000_000);
        CostBreakdown dec =
                CostEngine.estimate(flash, shape, BillingOptions.INTERACTIVE.at(LocalDate.of(2026, 12, 31)));
        assertUsd("4.50", dec.total());
        CostBreakdown jan = CostEngine.estimate(flash, shape, BillingOptions.INTERACTIVE.at(LocalDate.of(2027, 1, 1)));
        assertUsd("9.00", jan.total());
        assertTrue(
                dec.lines().get(0).rule().contains("valid until 2026-12-31"),
                dec.lines().get(0).rule());
        assertEquals(LocalDate.of(2027, 1, 1), jan.options().at());
    }

    @Test
    void theDateDefaultsToTheClocksDay() {
        ModelEntry flash = model("gemini-3.6-flash");
        CanonicalUsage u = new CanonicalUsage(1_000_000, 1_000_000, 0, 0, 0, 0);
        CostBreakdown b = CostEngine.price(flash, u, BillingOptions.INTERACTIVE, clock("2027-03-01"));
        assertUsd("1.65", b.total());
        assertEquals(LocalDate.of(2027, 3, 1), b.options().at());
        assertUsd(
                "0.825",
                CostEngine.price(flash, u, BillingOptions.INTERACTIVE, clock("2026-12-01"))
                        .total());
    }

    @Test
    void solsPromotionIsDatedAndMarkedConflict() {
        ModelEntry sol = model("gpt-5.6-sol");
        RequestShape shape = RequestShape.of(100_000, 100_000);
        CostBreakdown promo = CostEngine.estimate(sol, shape, BillingOptions.INTERACTIVE.at(LocalDate.of(2026, 9, 1)));
        assertUsd("2.4", promo.total());
        assertTrue(promo.flags().contains(PriceStatus.CONFLICT));
        assertUsd(
                "3.5",
                CostEngine.estimate(sol, shape, BillingOptions.INTERACTIVE.at(LocalDate.of(2026, 12, 1)))
                        .total());
        assertUsd(
                "3.5",
                CostEngine.estimate(sol, shape, BillingOptions.INTERACTIVE.at(LocalDate.of(2026, 8, 1)))
                        .total());
    }

    @Test
    void anEndedPriceWithoutSuccessorIsUnpricedWithANote() {
        ModelEntry m = catalog(ENDING, clock("2026-12-01")).find("promo").orElseThrow();
        CostBreakdown before = CostEngine.estimate(
                m, RequestShape.of(1_000_000, 0), BillingOptions.INTERACTIVE.at(LocalDate.of(2026, 12, 31)));
        assertTrue(before.complete());
        CostBreakdown after = CostEngine.estimate(
                m, RequestShape.of(1_000_000, 0), BillingOptions.INTERACTIVE.at(LocalDate.of(2027, 1, 1)));
        assertFalse(after.complete());
        assertNull(after.lines().get(0).usd());
        assertTrue(
                after.lines().get(0).rule().contains("ended on 2026-12-31"),
                after.lines().get(0).rule());
        assertTrue(
                after.notes().stream().anyMatch(n -> n.contains("ended on 2026-12-31 and no later price")),
                after.notes().toString());
    }

    @Test
    void theCatalogsPricesAreThoseOfTheLoadingDay() {
        Catalog dec = catalog(ENDING, clock("2026-12-01"));
        Catalog jan = catalog(ENDING, clock("2027-01-02"));
        assertTrue(dec.find("promo").orElseThrow().price(PriceKind.INPUT).isPresent());
        assertTrue(jan.find("promo").orElseThrow().price(PriceKind.INPUT).isEmpty());
        assertEquals(
                1,
                jan.find("promo").orElseThrow().schedule().get(PriceKind.INPUT).size());
    }

    @Test
    void overlappingPeriodsAreReported() {
        String json = "{\"models\":[{\"id\":\"x\",\"provider\":\"openai\",\"tier\":\"mid\",\"prices\":{"
                + "\"input\":[{\"value\":1,\"validUntil\":\"2027-01-31\"},{\"value\":2,\"validFrom\":\"2027-01-01\"}],"
                + "\"output\":2}}]}";
        Catalog c = catalog(json, clock("2026-12-01"));
        assertTrue(
                c.problems().stream()
                        .anyMatch(p ->
                                p.field().equals("prices.input") && p.message().contains("overlap")),
                c.problems().toString());
    }

    /** Every dated price in the built-in catalog must be followed by another: an ended promotion never leaves a gap. */
    @Test
    void noBuiltInDatedPriceEndsWithoutAFollowingPrice() {
        assertEquals(List.of(), endedWithoutSuccessor(BUILT_IN));
        assertTrue(BUILT_IN.models().stream().anyMatch(m -> !m.schedule().isEmpty()), "no dated prices at all");
    }

    @Test
    void theEndCheckCatchesAGap() {
        assertEquals(
                List.of("promo input ends on 2026-12-31"), endedWithoutSuccessor(catalog(ENDING, clock("2026-12-01"))));
    }

    static List<String> endedWithoutSuccessor(Catalog c) {
        List<String> out = new ArrayList<>();
        for (ModelEntry m : c.models()) {
            for (Map.Entry<PriceKind, List<Price>> e : m.schedule().entrySet()) {
                Price last = e.getValue().get(e.getValue().size() - 1);
                if (last.validUntil() != null) {
                    out.add(m.id() + " " + e.getKey().json() + " ends on " + last.validUntil());
                }
            }
        }
        return out;
    }
}
