// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.cost.CostLine;
import dev.costbench.model.cost.CostRow;
import dev.costbench.model.ratecard.RateAdjustment;
import dev.costbench.model.ratecard.RateCard;
import dev.costbench.model.tuning.CacheTtl;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "Use my rates" and Gemini explicit caching in the Prompt view's cost table, without a display. */
class MyRatesViewModelTest {

    private static final Catalog CATALOG = CatalogBuilder.builtIn();
    private final PromptFeature f = PromptFixtures.feature(CATALOG);
    private final PromptViewModel vm = f.prompt();

    private CostRow row(String id) {
        return vm.rows().stream()
                .filter(r -> r.model().id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static List<CostLine> lines(CostRow r, String prefix) {
        return r.breakdown().lines().stream()
                .filter(l -> l.item().startsWith(prefix))
                .toList();
    }

    @Test
    void theToggleAppliesTheRateCardToEveryMatchingRow() {
        vm.userTextProperty().set("What does this cost with my negotiated rates?");
        vm.rateCardProperty()
                .set(new RateCard(List.of(new RateAdjustment(
                        "Azure OpenAI commitment", "openai", "gpt-5*", null, new BigDecimal("-15")))));
        BigDecimal list = row("gpt-5").perRequest();
        BigDecimal claude = row("claude-sonnet-4-5").perRequest();
        assertTrue(lines(row("gpt-5"), "Rate card").isEmpty(), "off by default");
        vm.useMyRatesProperty().set(true);
        CostRow gpt5 = row("gpt-5");
        assertEquals(1, lines(gpt5, "Rate card").size());
        assertEquals(
                "Rate card: Azure OpenAI commitment −15 %",
                lines(gpt5, "Rate card").get(0).item());
        assertEquals(0, new BigDecimal("0.85").compareTo(gpt5.perRequest().divide(list, MathContext.DECIMAL64)));
        assertEquals(0, claude.compareTo(row("claude-sonnet-4-5").perRequest()), "other providers keep list price");
        vm.useMyRatesProperty().set(false);
        assertEquals(0, list.compareTo(row("gpt-5").perRequest()));
    }

    @Test
    void choosingGeminiExplicitCachingAddsTheStorageLine() {
        vm.systemTextProperty().set("Policy: refunds within 30 days; exchanges within 60 days. ".repeat(400));
        vm.userTextProperty().set("Where is my order?");
        vm.cachedPrefixProperty().set(true);
        assertNull(vm.explicitCacheProperty().get());
        assertTrue(lines(row("gemini-2.5-pro"), "Cache storage").isEmpty());
        f.cache().ttlProperty().set(CacheTtl.ONE_HOUR);
        f.cache().rateProperty().set("2");
        f.cache().geminiExplicitProperty().set(true);
        assertNotNull(vm.explicitCacheProperty().get());
        CostRow pro = row("gemini-2.5-pro");
        List<CostLine> storage = lines(pro, "Cache storage (explicit, TTL 1 h)");
        assertEquals(1, storage.size(), pro.breakdown().lines().toString());
        CostLine s = storage.get(0);
        // $4.50 per 1M tokens per hour × cached tokens × 1 h ÷ 120 requests in the hour
        BigDecimal expected = new BigDecimal("4.5")
                .multiply(BigDecimal.valueOf(s.tokens()))
                .divide(BigDecimal.valueOf(120), MathContext.DECIMAL64)
                .movePointLeft(6);
        assertEquals(0, expected.compareTo(s.usd()), s.usd() + " vs " + expected);
        assertTrue(lines(row("gpt-5"), "Cache storage").isEmpty(), "only Gemini bills storage");
        f.cache().geminiExplicitProperty().set(false);
        assertTrue(lines(row("gemini-2.5-pro"), "Cache storage").isEmpty());
    }
}
