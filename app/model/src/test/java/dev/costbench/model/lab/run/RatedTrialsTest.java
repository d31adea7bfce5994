// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import static dev.costbench.model.lab.run.RepricingTest.trial;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.lab.Trial;
import dev.costbench.model.ratecard.RateAdjustment;
import dev.costbench.model.ratecard.RateCard;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** "Use my rates" on stored A/B trials: recomputed from usage at the day they ran, then the rate card. */
class RatedTrialsTest {

    private static final Catalog CATALOG = CatalogBuilder.builtIn();
    private static final Function<String, Optional<ModelEntry>> FIND = CATALOG::find;
    private static final RateCard OPENAI_10 =
            new RateCard(List.of(new RateAdjustment("OpenAI commit", "openai", null, null, new BigDecimal("-10"))));

    private static final List<Trial> TRIALS = List.of(
            trial(1, 10, "gpt-4o-mini", 1000, 2000, 500, "0.0006", false, false, null, null),
            trial(2, 11, "gpt-4o-mini", 1000, 0, 500, "0.000225", true, false, null, null),
            trial(3, 11, "gpt-4o-mini", 1000, 0, 500, "0.004", false, true, null, null),
            trial(5, 10, "old-model", 1000, 0, 100, "0.02", false, false, null, null));

    private static void assertUsd(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + ", got " + actual);
    }

    @Test
    void everyRealCallIsRepricedFromItsUsageThenTheCardApplies() {
        RatedTrials r = RatedTrials.of(TRIALS, FIND, OPENAI_10);
        assertTrue(r.yourRates());
        assertEquals("your rates", r.basis());
        // trial 1 on 2026-06-01: 1000 × $0.15 + 2000 cache reads × $0.075 + 500 × $0.60 per 1M = $0.0006; −10 %.
        assertUsd("0.00054", r.trials().get(0).costUsd());
        // trial 2 through the batch API: 1000 × $0.075 + 500 × $0.30 per 1M = $0.000225; −10 %.
        assertUsd("0.0002025", r.trials().get(1).costUsd());
        assertUsd("0.004", r.trials().get(2).costUsd()); // a reused answer keeps its stored figure
        assertUsd("0.02", r.trials().get(3).costUsd()); // not in the catalog: stays at its stored list price
        assertEquals(List.of("old-model"), r.notInCatalog());
    }

    @Test
    void withoutACardTheTrialsAreAsStored() {
        RatedTrials r = RatedTrials.of(TRIALS, FIND, RateCard.NONE);
        assertFalse(r.yourRates());
        assertEquals("list price", r.basis());
        assertSame(TRIALS.get(0), r.trials().get(0));
    }

    @Test
    void theRepricingAtTheTrialsOwnDayEqualsTheStoredListCost() {
        // The same code path as re-pricing: with an empty card, list price on the day it ran is what was stored.
        ModelEntry mini = CATALOG.find("gpt-4o-mini").orElseThrow();
        Trial t = TRIALS.get(0);
        assertUsd("0.0006", Repricing.price(t, mini, RatedTrials.day(t), RateCard.NONE));
    }

    @Test
    void theJudgeSpendFollowsTheCardOfTheJudgeModel() {
        ModelEntry judge = CATALOG.find("gpt-4o-mini").orElseThrow();
        Map<Long, BigDecimal> spend = RatedTrials.judgeSpend(Map.of(1L, new BigDecimal("0.001")), judge, OPENAI_10);
        assertUsd("0.0009", spend.get(1L));
    }
}
