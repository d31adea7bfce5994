// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.Price;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** {@link CostEngine#unitPrices}: the same rules as a priced request, one kind of token at a time. */
class UnitPricesTest {

    private static final Catalog C = CatalogBuilder.builtIn();

    private static void price(String expected, Price p) {
        assertEquals(0, new BigDecimal(expected).compareTo(p.perMTok()), () -> expected + " vs " + p.perMTok());
    }

    @Test
    void longContextAndBatch() {
        ModelEntry pro = C.find("gemini-2.5-pro").orElseThrow();
        UnitPrices small = CostEngine.unitPrices(pro, 150_000, BillingOptions.INTERACTIVE);
        assertFalse(small.longContext());
        price("1.25", small.input());
        price("0.625", CostEngine.unitPrices(pro, 150_000, BillingOptions.BATCH).input()); // listed batch price
        UnitPrices big = CostEngine.unitPrices(pro, 300_000, BillingOptions.INTERACTIVE);
        assertTrue(big.longContext());
        price("2.5", big.input());
        price("15", big.output());
        price("1.25", CostEngine.unitPrices(pro, 300_000, BillingOptions.BATCH).input()); // 50 % of the long price
    }

    @Test
    void cacheRules() {
        ModelEntry sonnet = C.find("claude-sonnet-4-5").orElseThrow();
        UnitPrices b = CostEngine.unitPrices(sonnet, 10_000, BillingOptions.BATCH);
        price("0.15", b.cacheRead());
        price("1.875", b.cacheWrite5m());
        price("3", b.cacheWrite1h());
        ModelEntry gpt4o = C.find("gpt-4o").orElseThrow();
        price(
                "2.5",
                CostEngine.unitPrices(gpt4o, 10_000, BillingOptions.INTERACTIVE).cacheWrite5m()); // no write fee
        // The per-request path agrees: 10,000 tokens read from the cache on Sonnet 4.5 cost $0.003 (W6).
        CostBreakdown r =
                CostEngine.price(sonnet, new CanonicalUsage(0, 10_000, 0, 0, 0, 0), BillingOptions.INTERACTIVE);
        assertEquals(
                0,
                r.total()
                        .compareTo(CostEngine.unitPrices(sonnet, 10_000, BillingOptions.INTERACTIVE)
                                .cacheRead()
                                .perMTok()
                                .multiply(BigDecimal.valueOf(10_000))
                                .movePointLeft(6)));
    }
}
