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
import dev.costbench.model.catalog.PriceStatus;
import dev.costbench.model.catalog.ServiceTier;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Service tiers (flex, priority, fast mode) and the whole-request long-context switch. */
class ServiceTierTest {

    private static final Catalog CATALOG = CatalogBuilder.builtIn();
    private static final LocalDate DAY = LocalDate.of(2026, 12, 7);

    private static ModelEntry model(String id) {
        return CATALOG.find(id).orElseThrow(() -> new AssertionError("catalog lacks " + id));
    }

    private static BillingOptions tier(ServiceTier t) {
        return new BillingOptions(false, false, t, DAY);
    }

    /** The total of a request of {@code shape} on {@code m} in service tier {@code t}. */
    private static BigDecimal usdAt(ModelEntry m, RequestShape shape, ServiceTier t) {
        return CostEngine.estimate(m, shape, tier(t)).total();
    }

    private static void assertUsd(String expected, BigDecimal actual) {
        assertEquals(
                0,
                new BigDecimal(expected).compareTo(actual),
                "expected $" + expected + " got $" + actual.toPlainString());
    }

    private static CostLine line(CostBreakdown b, String prefix) {
        return b.lines().stream()
                .filter(l -> l.item().startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line " + prefix + " in " + b.lines()));
    }

    @Test
    void gpt5AtEveryTier() {
        ModelEntry gpt5 = model("gpt-5");
        RequestShape shape = RequestShape.of(1_000_000, 1_000_000);
        assertUsd("11.25", usdAt(gpt5, shape, ServiceTier.STANDARD));
        assertUsd("5.625", usdAt(gpt5, shape, ServiceTier.BATCH));
        assertUsd("5.625", usdAt(gpt5, shape, ServiceTier.FLEX));
        CostBreakdown prio = CostEngine.estimate(gpt5, shape, tier(ServiceTier.PRIORITY));
        assertUsd("22.5", prio.total());
        assertTrue(line(prio, "Service tier: Priority").rule().contains("listed Priority prices"));
        assertEquals("O-PRIO", prio.lines().get(0).price().source());
        assertEquals(
                List.of(ServiceTier.STANDARD, ServiceTier.BATCH, ServiceTier.FLEX, ServiceTier.PRIORITY),
                gpt5.serviceTiersOffered());
    }

    @Test
    void priorityHasItsOwnCachedPriceAndFlexStacksWithCaching() {
        ModelEntry gpt5 = model("gpt-5");
        RequestShape shape = new RequestShape(10_000, 8_192, 0, 0, 1_000, 0);
        // 1,808·2.50 + 8,192·0.25 + 1,000·20 = 26,568 per 1e6
        assertUsd("0.026568", usdAt(gpt5, shape, ServiceTier.PRIORITY));
        // half of the standard 0.013284
        assertUsd("0.006642", usdAt(gpt5, shape, ServiceTier.FLEX));
    }

    @Test
    void opusFastModeStacksWithResidency() {
        ModelEntry opus = model("claude-opus-4-8");
        RequestShape shape = RequestShape.of(1_000_000, 1_000_000);
        CostBreakdown fast = CostEngine.estimate(opus, shape, tier(ServiceTier.FAST));
        assertUsd("60", fast.total());
        assertTrue(line(fast, "Service tier: Fast mode").rule().contains("×2"));
        assertUsd(
                "66",
                CostEngine.estimate(opus, shape, new BillingOptions(false, true, ServiceTier.FAST, DAY))
                        .total());
        assertUsd(
                "180",
                CostEngine.estimate(model("claude-opus-4-6"), shape, tier(ServiceTier.FAST))
                        .total());
    }

    @Test
    void aTierTheModelDoesNotOfferIsUnpricedNeverStandard() {
        ModelEntry sonnet = model("claude-sonnet-5-5");
        assertFalse(sonnet.offers(ServiceTier.FAST));
        CostBreakdown b = CostEngine.estimate(sonnet, RequestShape.of(1_000, 1_000), tier(ServiceTier.FAST));
        assertTrue(b.unpriced());
        assertTrue(
                b.lines().get(0).rule().contains("Fast mode is not offered"),
                b.lines().get(0).rule());
        assertTrue(
                b.notes().stream().anyMatch(n -> n.contains("not priced as standard")),
                b.notes().toString());
    }

    @Test
    void priorityAboveTheLongContextThresholdIsUnpriced() {
        CostBreakdown b =
                CostEngine.estimate(model("gpt-5.5"), RequestShape.of(300_000, 1_000), tier(ServiceTier.PRIORITY));
        assertNull(b.lines().get(0).usd());
        assertTrue(
                b.lines().get(0).rule().contains("no long-context Priority input price"),
                b.lines().get(0).rule());
    }

    @Test
    void haiku55At150kTokensIsPricedAtTheLongContextRateForInputAndOutput() {
        CostBreakdown b = CostEngine.estimate(
                model("claude-haiku-5-5"), RequestShape.of(150_000, 1_000), tier(ServiceTier.STANDARD));
        assertUsd("0.50", line(b, "Input").pricePerMTok());
        assertUsd("2.50", line(b, "Output").pricePerMTok());
        assertUsd("0.0775", b.total());
        assertTrue(
                line(b, "Long context").rule().contains("long-context rate applied"),
                b.lines().toString());
    }

    @Test
    void haiku55CountsCacheReadsAndWritesTowardTheThreshold() {
        // 60K uncached + 30K read + 20K written = 110K > 100K: every line at the long-context rate
        CostBreakdown b = CostEngine.price(
                model("claude-haiku-5-5"),
                new CanonicalUsage(60_000, 30_000, 20_000, 0, 1_000, 0),
                tier(ServiceTier.STANDARD));
        assertUsd("0.05", line(b, "Cache read").pricePerMTok());
        assertUsd("0.625", line(b, "Cache write (5 min)").pricePerMTok());
        // 60,000·0.5 + 30,000·0.05 + 20,000·0.625 + 1,000·2.5 = 46,500 per 1e6
        assertUsd("0.0465", b.total());
    }

    @Test
    void serviceTiersInTheCatalogAreCheckedWhenRead() {
        String json = "{\"models\":[{\"id\":\"x\",\"provider\":\"openai\",\"tier\":\"mid\",\"prices\":{\"input\":1,"
                + "\"output\":2},\"serviceTiers\":{\"batch\":{\"multiplier\":0.5},\"turbo\":{\"multiplier\":2},"
                + "\"flex\":{}}}]}";
        Catalog c = CatalogBuilder.build(List.of(CatalogReader.read(
                "t.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), Origin.USER)));
        List<String> fields = c.problems().stream().map(p -> p.field()).toList();
        assertTrue(
                fields.containsAll(List.of("serviceTiers.batch", "serviceTiers.turbo", "serviceTiers.flex")),
                c.problems().toString());
        assertFalse(c.find("x").orElseThrow().offers(ServiceTier.FLEX));
    }

    @Test
    void geminiBatchCacheReadsStayAVisibleConflict() {
        CostBreakdown b = CostEngine.price(
                model("gemini-2.5-flash"), new CanonicalUsage(0, 1_000_000, 0, 0, 0, 0), tier(ServiceTier.BATCH));
        CostLine read = line(b, "Cache read");
        assertUsd("0.015", read.usd());
        assertEquals(PriceStatus.CONFLICT, read.price().status());
        assertUsd("0.03", read.price().alternatives().get(0));
    }
}
