// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.PriceKind;
import dev.costbench.model.catalog.PriceStatus;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.CostBreakdown;
import dev.costbench.model.cost.CostEngine;
import dev.costbench.model.cost.CostLine;
import dev.costbench.model.cost.ExplicitCache;
import dev.costbench.model.cost.RequestShape;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Gemini explicit-cache storage: the catalog's storage prices, the planner's economics and the breakdown line. */
class ExplicitCacheEconomicsTest {

    private static final Catalog CATALOG = CatalogBuilder.builtIn();
    private static final LocalDate DAY = LocalDate.of(2026, 12, 7);
    private static final BillingOptions STANDARD = BillingOptions.INTERACTIVE.at(DAY);

    private static ModelEntry model(String id) {
        return CATALOG.find(id).orElseThrow();
    }

    private static void assertUsd(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + " got " + actual);
    }

    @Test
    void workedExampleGemini25Pro() {
        // Gemini 2.5 Pro: input P = $1.25, cache read C = $0.125, storage S = $4.50 per 1M tokens per hour.
        // Prefix N = 100,000 tokens, TTL T = 1 h, R = 10 requests per hour.
        //   storage      = 4.50 × 0.1M × 1 h                 = $0.45
        //   creation     = 1.25 × 0.1M                       = $0.125
        //   read saving  = 10 × 1 h × 0.1M × (1.25 − 0.125)  = $1.125
        //   net saving   = 1.125 − 0.45 − 0.125              = $0.55
        //   break-even   = (4.50 × 1 + 1.25) / (1 × 1.125)   = 5.75 / 1.125 = 5.1111… requests per hour
        ExplicitCacheEconomics e =
                ExplicitCacheEconomics.of(model("gemini-2.5-pro"), 100_000, BigDecimal.ONE, BigDecimal.TEN, STANDARD);
        assertTrue(e.priced(), e.unpriced());
        assertUsd("0.45", e.storageCost());
        assertUsd("0.125", e.creationCost());
        assertUsd("1.125", e.readSaving());
        assertUsd("0.55", e.netSaving());
        assertUsd("5.1111", e.breakEvenPerHour().setScale(4, RoundingMode.HALF_UP));
    }

    @Test
    void belowBreakEvenTheNetSavingIsNegative() {
        // Same model, R = 5 per hour (below 5.11): saving 5 × 0.1125 = 0.5625; net 0.5625 − 0.45 − 0.125 = −0.0125.
        ExplicitCacheEconomics e = ExplicitCacheEconomics.of(
                model("gemini-2.5-pro"), 100_000, BigDecimal.ONE, BigDecimal.valueOf(5), STANDARD);
        assertUsd("-0.0125", e.netSaving());
    }

    @Test
    void storagePricesKeepTheirDatesAndStatus() {
        assertUsd(
                "0.5",
                model("gemini-3.8-flash")
                        .at(DAY)
                        .price(PriceKind.CACHE_STORAGE)
                        .orElseThrow()
                        .perMTok());
        assertUsd(
                "1.0",
                model("gemini-3.8-flash")
                        .at(LocalDate.of(2027, 1, 1))
                        .price(PriceKind.CACHE_STORAGE)
                        .orElseThrow()
                        .perMTok());
        ExplicitCacheEconomics lite = ExplicitCacheEconomics.of(
                model("gemini-2.5-flash-lite"), 10_000, BigDecimal.ONE, BigDecimal.ONE, STANDARD);
        assertEquals(PriceStatus.UNCONFIRMED, lite.storagePrice().status());
        ExplicitCacheEconomics none =
                ExplicitCacheEconomics.of(model("gemini-3.5-flash"), 10_000, BigDecimal.ONE, BigDecimal.ONE, STANDARD);
        assertFalse(none.priced());
        assertNull(none.netSaving());
        assertTrue(none.unpriced().contains("no explicit-cache storage price is listed for Gemini 3.5 Flash"));
    }

    @Test
    void theBreakdownHasAStorageLineWhenExplicitCachingIsChosen() {
        // 100,000 cached tokens of 110,000 input on Gemini 2.5 Pro, TTL 1 h, 10 requests per hour:
        // storage of one TTL $0.45 shared by 10 requests = $0.045 per request.
        RequestShape shape = new RequestShape(110_000, 100_000, 0, 0, 0, 0);
        BillingOptions explicit = STANDARD.withExplicitCache(new ExplicitCache(BigDecimal.ONE, BigDecimal.TEN));
        CostBreakdown with = CostEngine.estimate(model("gemini-2.5-pro"), shape, explicit);
        CostBreakdown without = CostEngine.estimate(model("gemini-2.5-pro"), shape, STANDARD);
        CostLine storage = with.lines().stream()
                .filter(l -> l.item().equals("Cache storage (explicit, TTL 1 h)"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(with.lines().toString()));
        assertUsd("0.045", storage.usd());
        assertEquals(100_000, storage.tokens());
        assertUsd("0.045", with.total().subtract(without.total()));
        assertTrue(without.lines().stream().noneMatch(l -> l.item().startsWith("Cache storage")));
    }

    @Test
    void theCachePlannerUsesTheCatalogStoragePrice() {
        CacheSettings s = CacheSettings.of(1_000, 1).withGeminiExplicit(null);
        CachePlan p = CachePlanner.plan(model("gemini-2.5-pro"), 100_000, 0, s);
        assertTrue(
                p.notes().stream().anyMatch(n -> n.contains("catalog's 4.5 $ per 1M tokens per hour")),
                p.notes().toString());
        assertTrue(
                p.notes().stream().noneMatch(n -> n.contains("not known")),
                p.notes().toString());
    }
}
