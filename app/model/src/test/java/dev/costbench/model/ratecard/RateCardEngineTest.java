// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.ratecard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.ServiceTier;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.CostBreakdown;
import dev.costbench.model.cost.CostEngine;
import dev.costbench.model.cost.CostLine;
import dev.costbench.model.cost.RequestShape;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Matching rate-card lines and how the engine applies them after list price. */
class RateCardEngineTest {

    private static final Catalog CATALOG = CatalogBuilder.builtIn();
    private static final LocalDate DAY = LocalDate.of(2026, 12, 7);
    private static final RateAdjustment AZURE =
            new RateAdjustment("Azure OpenAI commitment", "openai", "gpt-5*", null, new BigDecimal("-15"));
    private static final RateAdjustment RESELLER =
            new RateAdjustment("reseller", null, null, null, BigDecimal.valueOf(5));
    private static final RateAdjustment PRIORITY_ONLY =
            new RateAdjustment("priority deal", "openai", "*", ServiceTier.PRIORITY, new BigDecimal("-10"));

    private static ModelEntry model(String id) {
        return CATALOG.find(id).orElseThrow();
    }

    @Test
    void matchesByProviderGlobAndTier() {
        RateCard card = new RateCard(List.of(AZURE, RESELLER, PRIORITY_ONLY));
        assertEquals(List.of(AZURE, RESELLER), card.matching(model("gpt-5"), ServiceTier.STANDARD));
        assertEquals(List.of(AZURE, RESELLER, PRIORITY_ONLY), card.matching(model("gpt-5"), ServiceTier.PRIORITY));
        assertEquals(List.of(RESELLER), card.matching(model("gpt-4.1"), ServiceTier.STANDARD));
        assertEquals(List.of(RESELLER), card.matching(model("claude-sonnet-4-5"), ServiceTier.STANDARD));
        assertTrue(
                new RateAdjustment("x", null, "GPT-5", null, BigDecimal.ONE).matches(model("gpt-5"), null),
                "patterns ignore case");
    }

    @Test
    void linesMultiplyInOrderAndEachIsItsOwnBreakdownLine() {
        // gpt-5 standard: 1M input × $1.25 + 1M output × $10 = $11.25 list.
        // Azure −15 %: 11.25 × −0.15 = −1.6875 → 9.5625; reseller +5 %: 9.5625 × 0.05 = 0.478125 → 10.040625
        // (= 11.25 × 0.85 × 1.05).
        BillingOptions o = new BillingOptions(false, false, ServiceTier.STANDARD, DAY)
                .withRateCard(new RateCard(List.of(AZURE, RESELLER)));
        CostBreakdown b = CostEngine.estimate(model("gpt-5"), RequestShape.of(1_000_000, 1_000_000), o);
        assertEquals(
                0, new BigDecimal("10.040625").compareTo(b.total()), b.total().toPlainString());
        List<CostLine> rc = b.lines().stream()
                .filter(l -> l.item().startsWith("Rate card: "))
                .toList();
        assertEquals(2, rc.size());
        assertEquals("Rate card: Azure OpenAI commitment −15 %", rc.get(0).item());
        assertEquals(0, new BigDecimal("-1.6875").compareTo(rc.get(0).usd()));
        assertEquals("Rate card: reseller +5 %", rc.get(1).item());
        assertEquals(0, new BigDecimal("0.478125").compareTo(rc.get(1).usd()));
        assertTrue(
                rc.get(0).rule().contains("OpenAI · gpt-5* · every tier"),
                rc.get(0).rule());
        assertTrue(b.complete());
    }

    @Test
    void offOrNotMatchingLeavesTheListPrice() {
        RequestShape shape = RequestShape.of(1_000_000, 1_000_000);
        BillingOptions list = new BillingOptions(false, false, ServiceTier.STANDARD, DAY);
        CostBreakdown off = CostEngine.estimate(model("gpt-5"), shape, list);
        assertEquals(0, new BigDecimal("11.25").compareTo(off.total()));
        CostBreakdown other =
                CostEngine.estimate(model("claude-sonnet-4-5"), shape, list.withRateCard(new RateCard(List.of(AZURE))));
        assertTrue(other.lines().stream().noneMatch(l -> l.item().startsWith("Rate card")));
    }

    @Test
    void theRateCardSurvivesDateAndTierChanges() {
        BillingOptions o = BillingOptions.INTERACTIVE.withRateCard(new RateCard(List.of(RESELLER)));
        assertEquals(o.rateCard(), o.at(DAY).withTier(ServiceTier.BATCH).rateCard());
    }
}
