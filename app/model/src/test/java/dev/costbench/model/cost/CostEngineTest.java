// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.PriceKind;
import dev.costbench.model.catalog.PriceStatus;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dollar checks of provider-rules.md §6 W6 and the seeds' request-level examples, on the built-in catalog. */
class CostEngineTest {

    private static final Catalog CATALOG = CatalogBuilder.builtIn();

    private static ModelEntry model(String id) {
        return CATALOG.find(id).orElseThrow(() -> new AssertionError("catalog lacks " + id));
    }

    private static BigDecimal estimatedUsd(ModelEntry m, RequestShape shape, BillingOptions options) {
        return CostEngine.estimate(m, shape, options).total();
    }

    private static BigDecimal pricedUsd(ModelEntry m, CanonicalUsage usage) {
        return CostEngine.price(m, usage, BillingOptions.INTERACTIVE).total();
    }

    private static void assertUsd(String expected, BigDecimal actual) {
        assertEquals(
                0,
                new BigDecimal(expected).compareTo(actual),
                "expected $" + expected + " got $" + actual.toPlainString());
    }

    @Test
    void w6Gpt5WithCachedPrefix() {
        // (1,808·1.25 + 8,192·0.125 + 1,000·10)/1e6 = $0.013284
        CostBreakdown b = CostEngine.estimate(
                model("gpt-5"), new RequestShape(10_000, 8_192, 0, 0, 1_000, 0), BillingOptions.INTERACTIVE);
        assertUsd("0.013284", b.total());
        assertEquals(1_808, b.lines().get(0).tokens());
    }

    @Test
    void w6Gpt5ReasoningIsBilledAsOutput() {
        CostBreakdown b = CostEngine.estimate(
                model("gpt-5"), new RequestShape(10_000, 8_192, 0, 0, 400, 600), BillingOptions.INTERACTIVE);
        assertUsd("0.013284", b.total());
    }

    @Test
    void w6SonnetLongContextSwitchRepricesTheWholeRequest() {
        ModelEntry sonnet = model("claude-sonnet-4-5");
        assertUsd("1.545", estimatedUsd(sonnet, RequestShape.of(250_000, 2_000), BillingOptions.INTERACTIVE));
        assertUsd("0.7725", estimatedUsd(sonnet, RequestShape.of(250_000, 2_000), BillingOptions.BATCH));
        assertUsd("0.629997", estimatedUsd(sonnet, RequestShape.of(199_999, 2_000), BillingOptions.INTERACTIVE));
    }

    @Test
    void w6SonnetCacheWritesAndReads() {
        ModelEntry sonnet = model("claude-sonnet-4-5");
        assertUsd("0.0375", pricedUsd(sonnet, new CanonicalUsage(0, 0, 10_000, 0, 0, 0)));
        assertUsd("0.06", pricedUsd(sonnet, new CanonicalUsage(0, 0, 0, 10_000, 0, 0)));
        assertUsd("0.003", pricedUsd(sonnet, new CanonicalUsage(0, 10_000, 0, 0, 0, 0)));
    }

    @Test
    void w6GeminiProLongContext() {
        ModelEntry pro = model("gemini-2.5-pro");
        assertUsd("0.90", estimatedUsd(pro, RequestShape.of(300_000, 10_000), BillingOptions.INTERACTIVE));
        assertUsd("0.2875", estimatedUsd(pro, RequestShape.of(150_000, 10_000), BillingOptions.INTERACTIVE));
    }

    @Test
    void seed004Gpt4ChatbotCosts140DollarsADay() {
        // 10,000 conversations × (800 input + 200 output) at $10 / $30 per 1M (GPT-4 Turbo) = $140/day.
        CostBreakdown one =
                CostEngine.estimate(model("gpt-4-turbo"), RequestShape.of(800, 200), BillingOptions.INTERACTIVE);
        assertUsd("140", one.total().multiply(BigDecimal.valueOf(10_000)));
        assertUsd("4200", one.total().multiply(BigDecimal.valueOf(300_000)));
    }

    @Test
    void seed001AnthropicCacheMissAndHit() {
        // 3,000-token system prompt on Claude Sonnet: a miss writes at $3.75/MTok, a hit reads at $0.30/MTok.
        ModelEntry sonnet = model("claude-sonnet-4-5");
        CostBreakdown miss =
                CostEngine.estimate(sonnet, new RequestShape(3_000, 0, 3_000, 0, 0, 0), BillingOptions.INTERACTIVE);
        CostBreakdown hit =
                CostEngine.estimate(sonnet, new RequestShape(3_000, 3_000, 0, 0, 0, 0), BillingOptions.INTERACTIVE);
        assertUsd("0.01125", miss.total());
        assertUsd("0.0009", hit.total());
        // 500 misses + 9,500 hits a day = $14.175 ≈ "$14.18/day"
        assertUsd(
                "14.175",
                miss.total().multiply(BigDecimal.valueOf(500)).add(hit.total().multiply(BigDecimal.valueOf(9_500))));
        // without caching: $90/day
        assertUsd(
                "90",
                estimatedUsd(sonnet, RequestShape.of(3_000, 0), BillingOptions.INTERACTIVE)
                        .multiply(BigDecimal.valueOf(10_000)));
    }

    @Test
    void seed002Gpt4InteractionCostsOneAndAHalfCents() {
        // GPT-4 at $0.03/1K tokens, 500 tokens per call = $0.015 per interaction.
        assertUsd("0.015", estimatedUsd(model("gpt-4"), RequestShape.of(500, 0), BillingOptions.INTERACTIVE));
    }

    @Test
    void openAiCachedTokensBelowMinimumAreNotCached() {
        CostBreakdown b =
                CostEngine.estimate(model("gpt-5"), new RequestShape(900, 800, 0, 0, 0, 0), BillingOptions.INTERACTIVE);
        assertEquals(0, b.usage().cacheRead());
        assertTrue(b.notes().get(0).contains("minimum cacheable length"));
        assertUsd("0.001125", b.total());
    }

    @Test
    void openAiCacheWriteHasNoFeeBeforeGpt56() {
        CostBreakdown b =
                CostEngine.price(model("gpt-5"), new CanonicalUsage(0, 0, 2_000, 0, 0, 0), BillingOptions.INTERACTIVE);
        assertUsd("0.0025", b.total());
        assertTrue(b.lines().get(1).rule().contains("no cache-write fee"));
    }

    @Test
    void batchHalvesCacheReadsToo() {
        CostBreakdown b = CostEngine.price(
                model("claude-sonnet-4-5"), new CanonicalUsage(0, 10_000, 0, 0, 0, 0), BillingOptions.BATCH);
        assertUsd("0.0015", b.total());
        assertTrue(b.flags().contains(PriceStatus.DERIVED));
    }

    @Test
    void residencyMultipliesTheWholeRequest() {
        ModelEntry m = CATALOG.models().stream()
                .filter(e -> e.residencyMultiplier() != null && e.provider().equals("anthropic"))
                .findFirst()
                .orElseThrow();
        CostBreakdown plain = CostEngine.estimate(m, RequestShape.of(1_000, 1_000), BillingOptions.INTERACTIVE);
        CostBreakdown geo = CostEngine.estimate(m, RequestShape.of(1_000, 1_000), new BillingOptions(false, true));
        assertUsd(plain.total().multiply(new BigDecimal("1.1")).toPlainString(), geo.total());
    }

    @Test
    void missingPriceIsUnpricedNotZero() {
        ModelEntry sonnet = model("claude-sonnet-4-5");
        ModelEntry noOutput =
                sonnet.withPrices(Map.of(PriceKind.INPUT, sonnet.prices().get(PriceKind.INPUT)));
        CostBreakdown b = CostEngine.estimate(noOutput, RequestShape.of(1_000, 100), BillingOptions.INTERACTIVE);
        assertFalse(b.complete());
        CostLine out = b.lines().stream()
                .filter(l -> l.item().equals("Output"))
                .findFirst()
                .orElseThrow();
        assertNull(out.usd());
        assertEquals("unpriced", Money.format(out.usd()));
    }
}
