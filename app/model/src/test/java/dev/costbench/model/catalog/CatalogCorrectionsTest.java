// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The December 2026 catalog corrections: each changed value has its source and as-of date; disagreements stay visible.
 */
class CatalogCorrectionsTest {

    private static final Catalog C = CatalogBuilder.builtIn();

    private static ModelEntry at(String id, String day) {
        return C.find(id)
                .orElseThrow(() -> new AssertionError("catalog lacks " + id))
                .at(LocalDate.parse(day));
    }

    private static Price price(String id, String day, PriceKind k) {
        return at(id, day).price(k).orElseThrow(() -> new AssertionError(id + " has no " + k + " on " + day));
    }

    private static void assertValue(String expected, Price p) {
        assertEquals(0, new BigDecimal(expected).compareTo(p.perMTok()), "expected " + expected + ", got " + p);
    }

    @Test
    void catalogAsOfIsBumped() {
        assertEquals("2026-12-07", C.asOf());
    }

    @Test
    void sonnet55CacheReadsWereCutOn20261007AndOlderPagesDisagree() {
        assertValue("0.20", price("claude-sonnet-5-5", "2026-10-06", PriceKind.CACHED_INPUT));
        Price now = price("claude-sonnet-5-5", "2026-12-07", PriceKind.CACHED_INPUT);
        assertValue("0.10", now);
        assertEquals(PriceStatus.CONFLICT, now.status());
        assertEquals(0, new BigDecimal("0.2").compareTo(now.alternatives().get(0)));
        assertEquals("CU", now.source());
    }

    @Test
    void anthropicCacheReadsFromTheirSource() {
        Price opus = price("claude-opus-5-5", "2026-12-07", PriceKind.CACHED_INPUT);
        assertValue("0.20", opus);
        assertEquals(PriceStatus.LISTED, opus.status());
        assertValue("0.20", price("claude-fable-5-2", "2026-12-07", PriceKind.CACHED_INPUT));
        assertValue("8", price("claude-mythos-5-2", "2026-12-07", PriceKind.INPUT));
        assertValue("0.01", price("claude-haiku-5-5", "2026-12-07", PriceKind.CACHED_INPUT));
    }

    @Test
    void gpt56TerraAndLunaRepricedOn20260730() {
        assertValue("2.5", price("gpt-5.6-terra", "2026-07-29", PriceKind.INPUT));
        Price terra = price("gpt-5.6-terra", "2026-07-30", PriceKind.INPUT);
        assertValue("2.0", terra);
        assertEquals(PriceStatus.CONFLICT, terra.status());
        assertValue("12", price("gpt-5.6-terra", "2026-12-07", PriceKind.OUTPUT));
        assertValue("0.2", price("gpt-5.6-luna", "2026-12-07", PriceKind.INPUT));
        assertValue("1.2", price("gpt-5.6-luna", "2026-12-07", PriceKind.OUTPUT));
    }

    @Test
    void gpt6AstraIsInTheCatalog() {
        ModelEntry astra = at("gpt-6-astra", "2026-12-07");
        assertValue("10", astra.price(PriceKind.INPUT).orElseThrow());
        assertEquals(272_000, astra.longContext().thresholdTokens());
        assertValue("75", astra.longContext().prices().get(PriceKind.OUTPUT));
        assertEquals(
                PriceStatus.UNCONFIRMED,
                astra.serviceTiers().get(ServiceTier.PRIORITY).multiplier().status());
    }

    @Test
    void geminiImplicitCacheMinimumsAndFlashCacheReads() {
        assertEquals(2048L, at("gemini-2.5-flash", "2026-12-07").minCacheTokens());
        assertEquals(2048L, at("gemini-2.5-pro", "2026-12-07").minCacheTokens());
        assertEquals(4096L, at("gemini-3.8-flash", "2026-12-07").minCacheTokens());
        assertValue("0.075", price("gemini-3.8-flash", "2026-12-31", PriceKind.CACHED_INPUT));
        assertValue("0.15", price("gemini-3.8-flash", "2027-01-01", PriceKind.CACHED_INPUT));
    }

    /** Every value, dated or in a service tier, names a described source and an as-of date. */
    @Test
    void everyPriceHasASourceAndDate() {
        List<String> bad = new ArrayList<>();
        for (ModelEntry m : C.models()) {
            List<Price> all = new ArrayList<>(m.prices().values());
            m.schedule().values().forEach(all::addAll);
            if (m.longContext() != null) {
                all.addAll(m.longContext().prices().values());
            }
            for (TierPricing t : m.serviceTiers().values()) {
                all.addAll(t.prices().values());
                if (t.multiplier() != null) {
                    all.add(t.multiplier());
                }
            }
            for (Price p : all) {
                if (!C.sources().containsKey(p.source()) || !p.asOf().matches("\\d{4}-\\d{2}-\\d{2}")) {
                    bad.add(m.id() + ": " + p);
                }
            }
        }
        assertEquals(List.of(), bad);
        assertFalse(C.sources().isEmpty());
        assertTrue(C.problems().isEmpty(), C.problems().toString());
    }
}
