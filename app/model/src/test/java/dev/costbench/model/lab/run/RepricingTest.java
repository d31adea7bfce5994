// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.Price;
import dev.costbench.model.catalog.PriceKind;
import dev.costbench.model.catalog.ServiceTier;
import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.ExperimentSettings;
import dev.costbench.model.lab.ExperimentStatus;
import dev.costbench.model.lab.Trial;
import dev.costbench.model.lab.TrialCell;
import dev.costbench.model.lab.Variant;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Re-pricing a past run at today's prices, against figures computed by hand. */
class RepricingTest {

    private static final Instant T = Instant.parse("2026-06-01T09:00:00Z");
    private static final ModelEntry MINI =
            CatalogBuilder.builtIn().find("gpt-4o-mini").orElseThrow();

    /** A trial asked for {@code asked} (null: Standard), the provider reporting {@code served} (null: none). */
    static Trial trial(
            long id,
            long variant,
            String model,
            long uncached,
            long cacheRead,
            long output,
            String storedCost,
            boolean batch,
            boolean fromCache,
            ServiceTier asked,
            String served) {
        return new Trial(
                id,
                1,
                new TrialCell(variant, 1, model, (int) id),
                "h" + id,
                new CanonicalUsage(uncached, cacheRead, 0, 0, output, 0),
                storedCost == null ? null : new BigDecimal(storedCost),
                storedCost != null,
                "{\"batch\":" + batch + ",\"residency\":false}",
                null,
                100L,
                null,
                "stop",
                "ok",
                null,
                fromCache,
                T,
                T,
                asked,
                served);
    }

    /** gpt-4o-mini with today's input and output prices replaced (per 1M tokens). */
    private static ModelEntry cheaper(String input, String output) {
        Map<PriceKind, Price> p = new EnumMap<>(PriceKind.class);
        p.putAll(MINI.prices());
        p.put(PriceKind.INPUT, Price.listed(input, "test", "2026-11-26"));
        p.put(PriceKind.OUTPUT, Price.listed(output, "test", "2026-11-26"));
        return MINI.withPrices(p);
    }

    private static final Experiment EXPERIMENT = new Experiment(
            1,
            "last month",
            T,
            ExperimentStatus.DONE,
            null,
            9,
            ExperimentSettings.defaults(),
            List.of("gpt-4o-mini", "old-model"));
    private static final List<Variant> VARIANTS = List.of(
            new Variant(10, 1, 0, "base", true, "{}", List.of()),
            new Variant(11, 1, 1, "short", false, "{}", List.of()));
    private static final List<Trial> TRIALS = List.of(
            trial(1, 10, "gpt-4o-mini", 1000, 2000, 500, "0.01", false, false, null, null),
            trial(2, 11, "gpt-4o-mini", 1000, 0, 500, "0.004", true, false, null, null),
            trial(3, 11, "gpt-4o-mini", 1000, 0, 500, "0.004", false, true, null, null), // reused answer: left out
            trial(4, 10, "gpt-4o-mini", 3000, 0, 100, null, false, false, null, null), // unpriced then
            trial(5, 10, "old-model", 1000, 0, 100, "0.02", false, false, null, null));

    @Test
    void everyCallIsPricedAgainWithTheCurrentCatalog() {
        Function<String, Optional<ModelEntry>> today =
                id -> id.equals("gpt-4o-mini") ? Optional.of(cheaper("0.10", "0.40")) : Optional.empty();
        Repricing r = Repricing.of(EXPERIMENT, VARIANTS, TRIALS, today);

        assertEquals(List.of("old-model"), r.missingModels());
        assertEquals(3, r.rows().size());
        Repricing.Row base = r.rows().get(0);
        assertEquals("base", base.variant());
        assertEquals(2, base.trials());
        assertEquals(1, base.comparable());
        assertEquals(1, base.unpricedThen());
        // trial 1: 1000 × $0.10 + 2000 cache reads × $0.075 + 500 × $0.40 per 1M = $0.00045
        assertEquals(
                0,
                new BigDecimal("0.00045").compareTo(base.nowUsd()),
                base.nowUsd().toPlainString());
        assertEquals(0, new BigDecimal("0.01").compareTo(base.thenUsd()));
        assertEquals(0, new BigDecimal("0.01").compareTo(base.storedUsd()));

        Repricing.Row opt = r.rows().get(1);
        assertEquals(1, opt.trials(), "the reused answer cost nothing and is left out");
        // trial 2 was a batch call: 1000 × $0.075 + 500 × $0.30 per 1M (batch prices unchanged) = $0.000225
        assertEquals(
                0,
                new BigDecimal("0.000225").compareTo(opt.nowUsd()),
                opt.nowUsd().toPlainString());

        Repricing.Row old = r.rows().get(2);
        assertFalse(old.inCatalog());
        assertNull(old.nowUsd());
        assertEquals(1, old.unpricedNow());
        assertEquals(0, new BigDecimal("0.02").compareTo(old.storedUsd()));

        // totals over the calls priced then and now: $0.014 then, $0.000675 now
        assertEquals(0, new BigDecimal("0.014").compareTo(r.thenTotalUsd()));
        assertEquals(0, new BigDecimal("0.000675").compareTo(r.nowTotalUsd()));
        assertEquals((0.000675 - 0.014) / 0.014 * 100, r.totalChangePercent(), 1e-9);
        assertEquals(0, new BigDecimal("0.000225").compareTo(opt.nowMeanUsd()));
    }

    @Test
    void theStoredCostsAreNotTouched() {
        Repricing.of(EXPERIMENT, VARIANTS, TRIALS, id -> Optional.of(MINI));
        assertEquals(0, new BigDecimal("0.01").compareTo(TRIALS.get(0).costUsd()));
        assertTrue(Repricing.of(EXPERIMENT, VARIANTS, TRIALS, id -> Optional.of(MINI))
                .missingModels()
                .isEmpty());
    }
}
