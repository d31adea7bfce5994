// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.Price;
import dev.costbench.model.catalog.PriceKind;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class BreakdownTextTest {

    private static final Catalog CATALOG = CatalogBuilder.builtIn();

    @Test
    void theHeaderNamesTheProviderAndRulesNotTheirIds() {
        ModelEntry m = CATALOG.find("gpt-5").orElseThrow();
        String sub = BreakdownText.subtitle(m);
        assertTrue(sub.startsWith("gpt-5 · OpenAI · "), sub);
        assertTrue(sub.endsWith("OpenAI billing rules"), sub);
        assertFalse(sub.contains("openai"), sub);
        ModelEntry g = CATALOG.models().stream()
                .filter(x -> x.provider().equals("google"))
                .findFirst()
                .orElseThrow();
        assertTrue(BreakdownText.subtitle(g).contains(" · Google · "));
    }

    @Test
    void theSourceColumnShowsTheSourcesNameWithKeyAndDescriptionInTheTooltip() {
        for (ModelEntry m : CATALOG.models()) {
            for (Price p : m.prices().values()) {
                String name = BreakdownText.sourceName(CATALOG, p);
                assertFalse(name.equals(p.source()), m.id() + ": the source shows its key " + p.source());
                String tip = BreakdownText.sourceTooltip(CATALOG, p);
                assertTrue(tip.contains(p.source()) && tip.contains(CATALOG.describeSource(p.source())), tip);
                assertTrue(tip.contains(p.asOf()), tip);
            }
        }
        Price md = CATALOG.models().stream()
                .flatMap(m -> m.prices().values().stream())
                .filter(p -> p.source().equals("MD"))
                .findFirst()
                .orElseThrow();
        assertEquals("models.dev", BreakdownText.sourceName(CATALOG, md));
        assertTrue(BreakdownText.sourceLine(CATALOG, "LL").startsWith("LiteLLM price list (LL): BerriAI/litellm"));
        assertEquals("", BreakdownText.sourceName(CATALOG, null));
        assertTrue(CATALOG.find("gpt-5").orElseThrow().prices().containsKey(PriceKind.INPUT));
    }

    @Test
    void theTokenCountTooltipSaysEstimateOnce() {
        assertEquals(
                "Estimate: cl100k_base count × 1.35",
                CostColumns.countTip(false, "estimate: cl100k_base count × 1.35"));
        assertEquals("Exact count: o200k_base", CostColumns.countTip(true, "o200k_base"));
    }

    @Test
    void exactAmountsUseTheSameDollarStyleAsEverywhereElse() {
        assertEquals("$0.00026795", BreakdownText.exactUsd(new BigDecimal("0.000267950")));
        assertEquals("−$0.5", BreakdownText.exactUsd(new BigDecimal("-0.50")));
        assertEquals("unpriced", BreakdownText.exactUsd(null));
    }
}
