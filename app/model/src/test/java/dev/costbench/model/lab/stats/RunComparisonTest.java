// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.lab.Trial;
import dev.costbench.model.lab.TrialCell;
import dev.costbench.model.lab.Variant;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two runs compared, against Welch's interval computed by hand. */
class RunComparisonTest {

    private static ExperimentData run(long variantId, String variantName, int[] costs, long latency) {
        List<Trial> trials = new ArrayList<>();
        Instant t = Instant.parse("2026-06-01T09:00:00Z");
        for (int i = 0; i < costs.length; i++) {
            trials.add(new Trial(
                    variantId * 100 + i,
                    1,
                    new TrialCell(variantId, 1, "m", i + 1),
                    "h",
                    new CanonicalUsage(100L * costs[i], 0, 0, 0, 10, 0),
                    BigDecimal.valueOf(costs[i]),
                    true,
                    null,
                    null,
                    latency + i,
                    null,
                    "stop",
                    "same answer",
                    null,
                    false,
                    t,
                    t,
                    null,
                    null));
        }
        return new ExperimentData(
                List.of(new Variant(variantId, 1, 0, variantName, true, "{}", List.of())),
                List.of("m"),
                trials,
                List.of(),
                List.of());
    }

    private static RunComparison compare(ExperimentData a, ExperimentData b) {
        StatsOptions o = StatsOptions.defaults();
        return RunComparison.compare(a, LabResults.analyze(a, "{}", o), b, LabResults.analyze(b, "{}", o), o);
    }

    @Test
    void theCostChangeIsWelchsIntervalOfTheDifference() {
        RunComparison c =
                compare(run(1, "base", new int[] {1, 2, 3, 4}, 100), run(7, "base", new int[] {2, 3, 4, 5}, 200));
        assertEquals(1, c.rows().size(), "matched by variant name and model, not by id");
        RunComparison.Change cost = c.rows().get(0).change(RunComparison.Metric.COST_PER_CALL);
        assertEquals(2.5, cost.earlier(), 1e-12);
        assertEquals(3.5, cost.later(), 1e-12);
        assertEquals(1.0, cost.change(), 1e-12);
        // s² = 5/3 on both sides, se = √(2 · 5/12) = 0.912871, df = 6, t(0.975, 6) = 2.446912
        double half = 2.446912 * Math.sqrt(2 * 5.0 / 12);
        assertEquals(1 - half, cost.changeCi().low(), 1e-5);
        assertEquals(1 + half, cost.changeCi().high(), 1e-5);
        assertFalse(cost.significant());
        assertEquals(40, cost.changePercent(), 1e-9);
        assertEquals("Welch t", cost.method());
        assertEquals(
                "+40 % [" + StatsFormat.number(cost.changePercentCi().low()) + ", "
                        + StatsFormat.number(cost.changePercentCi().high()) + "]",
                cost.changeText());

        RunComparison.Change lat = c.rows().get(0).change(RunComparison.Metric.LATENCY_P50);
        assertEquals(100, lat.change(), 1e-12, "medians 101.5 → 201.5");
        assertTrue(lat.significant(), "every resample moves by 100 ms");
        assertEquals("bootstrap of medians", lat.method());
    }

    @Test
    void aVariantInOnlyOneRunHasNoTest() {
        RunComparison c = compare(run(1, "base", new int[] {1, 2}, 100), run(2, "renamed", new int[] {1, 2}, 100));
        assertEquals(2, c.rows().size());
        RunComparison.Row later = c.rows().get(0);
        assertEquals("renamed", later.variant());
        assertFalse(later.inEarlier());
        RunComparison.Change cost = later.change(RunComparison.Metric.COST_PER_CALL);
        assertNull(cost.changeCi());
        assertEquals("—", cost.changeText());
    }
}
