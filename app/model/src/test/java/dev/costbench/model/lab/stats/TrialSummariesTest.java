// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.lab.Trial;
import dev.costbench.model.lab.Variant;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrialSummariesTest {

    private static final StatsOptions OPT = StatsOptions.defaults();

    @Test
    void oneGroupByHand() {
        Fixture f = new Fixture();
        List<Trial> t = new ArrayList<>();
        t.add(f.ok(
                1, 1, "m", 1, new CanonicalUsage(800, 200, 0, 0, 100, 0), "0.0030", "0.0028", 900L, 150L, "a", false));
        t.add(f.ok(
                1,
                2,
                "m",
                1,
                new CanonicalUsage(600, 0, 100, 0, 300, 40),
                "0.0050",
                "0.0040",
                1100L,
                250L,
                "b",
                false));
        t.add(f.ok(
                1, 3, "m", 1, new CanonicalUsage(1000, 500, 0, 0, 200, 20), "0.0040", null, 2000L, null, "c", false));
        t.add(f.ok(1, 4, "m", 1, new CanonicalUsage(1, 1, 1, 1, 1, 1), "0.0999", "0.0999", 3L, 1L, "d", true));
        t.add(f.failed(1, 5, "m", 1));
        t.add(f.failedBilled(1, 6, "m", 1, "0.0007"));
        t.add(f.ok(1, 7, "m", 1, Fixture.USAGE, null, null, 1200L, null, "e", false)); // unpriced

        VariantModelSummary s = TrialSummaries.summarize(1, "baseline", true, "m", t, OPT);
        assertEquals(7, s.trials());
        assertEquals(5, s.succeeded());
        assertEquals(2, s.failed());
        assertEquals(1, s.cached());
        assertEquals(1, s.unpriced());
        // cost per call: the three real priced calls (the cached reuse and the unpriced call are not observations)
        assertEquals(3, s.costPerCall().n());
        assertEquals(0, new BigDecimal("0.0040").compareTo(s.meanCostUsd()));
        assertEquals(0, new BigDecimal("0.0040").compareTo(s.medianCostUsd()));
        assertEquals(0, new BigDecimal("0.0120").compareTo(s.costPerCall().totalUsd()));
        // s = 0.001: 0.004 ± t(0.975, 2) · 0.001/√3, t(0.975, 2) = 4.302653
        assertEquals(
                0,
                UsdRounding.of(0.004 - 4.302652729749462 * 0.001 / Math.sqrt(3))
                        .compareTo(s.costPerCall().meanCi().low()));
        // billed: the real calls, failed-but-billed included, cached excluded: 0.003 + 0.005 + 0.004 + 0.0007
        assertEquals(0, new BigDecimal("0.0127").compareTo(s.billedTotalUsd()));
        // tokens over the four real successful calls (input = all input kinds)
        assertEquals(4, s.inputTokens().n());
        assertEquals((1000 + 700 + 1500 + 1200) / 4.0, s.inputTokens().mean(), 1e-12);
        assertEquals((200 + 0 + 500 + 200) / 4.0, s.cachedInputTokens().mean(), 1e-12);
        assertEquals((100 + 300 + 200 + 300) / 4.0, s.outputTokens().mean(), 1e-12);
        assertEquals((0 + 40 + 20 + 50) / 4.0, s.reasoningTokens().mean(), 1e-12);
        // latency of real successful calls: 900, 1100, 1200, 2000 → p50 = 1150, p95: h = 2.85 → 1200 + 0.85 × 800
        assertEquals(1150, s.p50LatencyMs(), 1e-9);
        assertEquals(1880, s.p95LatencyMs(), 1e-9);
        assertEquals(200, s.p50TtftMs(), 1e-9);
        // estimate vs billed over calls with both: 0.0028 + 0.0040 against 0.0030 + 0.0050
        assertEquals(2, s.estimate().n());
        assertEquals(0, new BigDecimal("0.0068").compareTo(s.estimate().estimatedUsd()));
        assertEquals(0, new BigDecimal("0.0080").compareTo(s.estimate().billedUsd()));
        assertEquals(0.008 / 0.0068, s.estimate().ratio(), 1e-12);
        assertEquals(0, new BigDecimal("0.0012").compareTo(s.estimate().differenceUsd()));
    }

    @Test
    void emptyAndFailedGroups() {
        VariantModelSummary none = TrialSummaries.summarize(1, "v", false, "m", List.of(), OPT);
        assertEquals(0, none.trials());
        assertNull(none.meanCostUsd());
        assertEquals(0, none.billedTotalUsd().signum());
        assertTrue(Double.isNaN(none.p50LatencyMs()));
        assertTrue(Double.isNaN(none.estimate().ratio()));

        Fixture f = new Fixture();
        VariantModelSummary failed = TrialSummaries.summarize(
                1, "v", false, "m", List.of(f.failed(1, 1, "m", 1), f.failed(1, 2, "m", 1)), OPT);
        assertEquals(2, failed.failed());
        assertEquals(0, failed.succeeded());
        assertEquals(0, failed.costPerCall().n());
        assertEquals(0, failed.latencyMs().n(), "failures have no latency to report");

        VariantModelSummary one =
                TrialSummaries.summarize(1, "v", false, "m", List.of(f.ok(1, 1, "m", 1, "0.002", "x")), OPT);
        assertEquals(0, new BigDecimal("0.002").compareTo(one.meanCostUsd()));
        assertNull(one.costPerCall().meanCi());
        assertEquals(1000, one.p95LatencyMs());
    }

    @Test
    void tableIsRectangularAndOrdered() {
        Fixture f = new Fixture();
        List<Variant> variants = List.of(Fixture.variant(2, 1, "short", false), Fixture.variant(1, 0, "long", true));
        List<Trial> t = List.of(
                f.ok(1, 1, "b", 1, "0.01", "x"),
                f.ok(2, 1, "a", 1, "0.01", "y"),
                f.ok(9, 1, "a", 1, "0.01", "unknown variant"),
                f.ok(1, 1, "c", 1, "0.01", "z"));
        List<VariantModelSummary> rows = TrialSummaries.summarize(variants, List.of("a", "b"), t, OPT);
        assertEquals(6, rows.size());
        assertEquals(
                List.of("short/a", "short/b", "short/c", "long/a", "long/b", "long/c"),
                rows.stream().map(r -> r.variantName() + "/" + r.modelId()).toList());
        assertEquals(0, rows.get(1).trials());
        assertTrue(rows.get(3).baseline());
        assertEquals(0, rows.get(3).trials());
        assertEquals(1, rows.get(4).trials());
    }
}
