// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.lab.Trial;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    private static final StatsOptions OPT = StatsOptions.defaults();

    /**
     * Paired t by hand: d = (2, 3, 1, 1), d̄ = 1.75, s_d = √(2.75/3) = 0.957427, se = s_d/2, t = 3.655631, df = 3.
     * The p-value and interval are those of scipy.stats.ttest_rel and t.interval (SciPy 1.17.1).
     */
    @Test
    void pairedTByHand() {
        MeanComparison c = MeanComparison.paired(new double[] {10, 12, 9, 11}, new double[] {8, 9, 8, 10}, OPT);
        assertEquals(MeanComparison.Method.PAIRED_T, c.method());
        assertEquals(1.75, c.difference(), 1e-15);
        assertEquals(Math.sqrt(2.75 / 3), c.differenceSd(), 1e-15);
        assertEquals(3.6556307750696546, c.t(), 1e-12);
        assertEquals(3, c.df());
        assertEquals(0.03535284700251737, c.pValue(), 1e-12);
        assertTrue(c.significant());
        assertEquals(0.2265198191711877, c.differenceCi().low(), 1e-9);
        assertEquals(3.2734801808288125, c.differenceCi().high(), 1e-9);
        // relative saving 1 − 8.75/10.5 = 1/6; delta method: e = o − R·b with R = 5/6
        assertEquals(1.0 / 6, c.relative(), 1e-15);
        double[] e = {8 - 50.0 / 6, 9 - 60.0 / 6, 8 - 45.0 / 6, 10 - 55.0 / 6};
        double se = Descriptive.stdDev(e, Descriptive.mean(e)) / (2 * 10.5);
        double tc = 3.1824463052837078;
        assertEquals(1.0 / 6 - tc * se, c.relativeCi().low(), 1e-12);
        assertEquals(1.0 / 6 + tc * se, c.relativeCi().high(), 1e-12);
        assertEquals(Interval.Method.DELTA_T, c.relativeCi().method());
        assertNotNull(c.bootstrap());
        assertEquals(Math.sqrt(2.75 / 3) / 10.5, c.observedCv(), 1e-15);
    }

    /** Welch by hand against scipy.stats.ttest_ind(equal_var=False): t = 9.284143, df = 8.961716. */
    @Test
    void welchAgainstReference() {
        double[] b = {0.0120, 0.0135, 0.0128, 0.0141, 0.0119, 0.0132};
        double[] o = {0.0081, 0.0090, 0.0079, 0.0088, 0.0095};
        MeanComparison c = MeanComparison.welch(b, o, OPT);
        assertEquals(MeanComparison.Method.WELCH_T, c.method());
        assertEquals(9.284142734029363, c.t(), 1e-9);
        assertEquals(8.961716194704751, c.df(), 1e-9);
        assertEquals(6.815654013092624e-06, c.pValue(), 1e-12);
        assertEquals(0.003218819294060367, c.differenceCi().low(), 1e-12);
        assertEquals(0.005294514039272967, c.differenceCi().high(), 1e-12);
        assertTrue(c.relativeCi().contains(c.relative()));
        assertEquals(Double.NaN, c.differenceSd());
    }

    @Test
    void noSpread() {
        // every pair saves exactly 1: the saving is certain
        MeanComparison sure = MeanComparison.paired(new double[] {3, 4, 5}, new double[] {2, 3, 4}, OPT);
        assertEquals(0, sure.pValue());
        assertTrue(sure.significant());
        assertEquals(1, sure.differenceCi().low(), 1e-15);
        assertEquals(1, sure.differenceCi().high(), 1e-15);
        // identical samples: no difference at all
        MeanComparison same = MeanComparison.paired(new double[] {3, 3}, new double[] {3, 3}, OPT);
        assertEquals(1, same.pValue());
        assertFalse(same.significant());
        assertEquals(0, same.relative());
        MeanComparison welchSame = MeanComparison.welch(new double[] {2, 2}, new double[] {2, 2, 2}, OPT);
        assertEquals(1, welchSame.pValue());
    }

    @Test
    void tooLittleData() {
        MeanComparison one = MeanComparison.paired(new double[] {3}, new double[] {2}, OPT);
        assertEquals(MeanComparison.Method.INSUFFICIENT_DATA, one.method());
        assertFalse(one.tested());
        assertFalse(one.significant());
        assertNull(one.differenceCi());
        assertTrue(Double.isNaN(one.pValue()));
        assertEquals(1.0 / 3, one.relative(), 1e-15);
        MeanComparison none = MeanComparison.welch(new double[0], new double[0], OPT);
        assertFalse(none.tested());
        assertTrue(Double.isNaN(none.relative()));
        assertTrue(Double.isNaN(none.observedCv()));
    }

    // ---- on trials ----

    /** Baseline and optimized on the same 4 inputs × 2 repetitions of one model. */
    private static List<Trial> pairedRun(Fixture f) {
        String[] base = {"0.0100", "0.0110", "0.0095", "0.0105", "0.0120", "0.0100", "0.0098", "0.0102"};
        String[] opt = {"0.0065", "0.0070", "0.0066", "0.0071", "0.0080", "0.0064", "0.0063", "0.0069"};
        List<Trial> out = new ArrayList<>();
        int k = 0;
        for (int input = 1; input <= 4; input++) {
            for (int rep = 1; rep <= 2; rep++) {
                out.add(f.ok(1, input, "m", rep, base[k], "a"));
                out.add(f.ok(2, input, "m", rep, opt[k], "b"));
                k++;
            }
        }
        return out;
    }

    @Test
    void costComparisonIsPairedOnMatchingCells() {
        Fixture f = new Fixture();
        List<Trial> trials = new ArrayList<>(pairedRun(f));
        trials.add(f.failed(2, 5, "m", 1)); // a failure is not a cell
        trials.add(f.ok(1, 5, "m", 1, "0.0500", "x")); // an unmatched baseline cell is left out
        CostComparison c = CostComparison.compare(trials, 1, 2, "m", OPT);
        assertEquals(MeanComparison.Method.PAIRED_T, c.method());
        assertEquals(8, c.pairs());
        assertEquals(9, c.baselineCells());
        assertEquals(8, c.optimizedCells());
        // exact means over the 8 pairs: 0.083 / 8 and 0.0548 / 8
        assertEquals(0, new BigDecimal("0.010375").compareTo(c.baselineMeanUsd()));
        assertEquals(0, new BigDecimal("0.00685").compareTo(c.optimizedMeanUsd()));
        assertEquals(0, new BigDecimal("0.003525").compareTo(c.savingPerCallUsd()));
        assertEquals((1 - 0.0548 / 0.083) * 100, c.savingPercent(), 1e-9);
        assertTrue(c.significant());
        assertTrue(c.savingPercentCi().contains(c.savingPercent()));
        assertTrue(c.savingPercentBootstrapCi().contains(c.savingPercent()));
        assertTrue(c.savingPerCallCi().low().compareTo(c.savingPerCallUsd()) < 0);
        assertEquals("paired t on 8 cells (1 unmatched left out)", c.methodLabel());
        assertTrue(c.describe().startsWith("saving 34 % ($0.003525 per call), 95 % CI "), c.describe());
        // reproducible
        assertEquals(c, CostComparison.compare(trials, 1, 2, "m", OPT));
    }

    @Test
    void costComparisonFallsBackToWelchWithoutPairs() {
        Fixture f = new Fixture();
        String[] b = {"0.0120", "0.0135", "0.0128", "0.0141", "0.0119", "0.0132"};
        String[] o = {"0.0081", "0.0090", "0.0079", "0.0088", "0.0095"};
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < b.length; i++) {
            trials.add(f.ok(1, i + 1, "m", 1, b[i], "a"));
        }
        for (int i = 0; i < o.length; i++) {
            trials.add(f.ok(2, 100 + i, "m", 1, o[i], "b")); // other inputs: nothing to pair
        }
        CostComparison c = CostComparison.compare(trials, 1, 2, null, OPT);
        assertEquals(MeanComparison.Method.WELCH_T, c.method());
        assertEquals(0, c.pairs());
        assertEquals(9.284142734029363, c.stats().t(), 1e-9);
        assertEquals(6.815654013092624e-06, c.pValue(), 1e-12);
        assertEquals("Welch t, unpaired (0 of 6 cells matched)", c.methodLabel());
        assertEquals(0, new BigDecimal("0.003225").compareTo(UsdRounding.of(0.003225)));
        assertEquals(0, c.savingPerCallCi().low().compareTo(UsdRounding.of(0.003218819294060367)));
    }

    @Test
    void costComparisonEdgeCases() {
        Fixture f = new Fixture();
        // nothing at all
        CostComparison none = CostComparison.compare(List.of(), 1, 2, "m", OPT);
        assertFalse(none.tested());
        assertNull(none.baselineMeanUsd());
        assertNull(none.savingPerCallUsd());
        assertTrue(none.describe().startsWith("not enough data"));
        // one trial each
        List<Trial> one = List.of(f.ok(1, 1, "m", 1, "0.01", "a"), f.ok(2, 1, "m", 1, "0.005", "b"));
        CostComparison c1 = CostComparison.compare(one, 1, 2, "m", OPT);
        assertEquals(MeanComparison.Method.INSUFFICIENT_DATA, c1.method());
        assertEquals(50, c1.savingPercent(), 1e-12);
        assertFalse(c1.significant());
        // all failures
        List<Trial> failures =
                List.of(f.failed(1, 1, "m", 1), f.failed(2, 1, "m", 1), f.failed(1, 2, "m", 1), f.failed(2, 2, "m", 1));
        assertEquals(0, CostComparison.compare(failures, 1, 2, "m", OPT).baselineCells());
        // cached answers are left out by default, kept on request
        List<Trial> cached = new ArrayList<>(pairedRun(f));
        cached.add(f.ok(1, 9, "m", 1, Fixture.USAGE, "0.02", null, 5L, null, "a", true));
        cached.add(f.ok(2, 9, "m", 1, Fixture.USAGE, "0.01", null, 5L, null, "b", true));
        assertEquals(8, CostComparison.compare(cached, 1, 2, "m", OPT).pairs());
        StatsOptions withCached = new StatsOptions(0.95, 2000, 42, true);
        assertEquals(9, CostComparison.compare(cached, 1, 2, "m", withCached).pairs());
        // another model is not mixed in, but pooled when asked
        List<Trial> twoModels = new ArrayList<>(pairedRun(f));
        twoModels.add(f.ok(1, 1, "n", 1, "1.0", "a"));
        twoModels.add(f.ok(2, 1, "n", 1, "0.5", "b"));
        assertEquals(8, CostComparison.compare(twoModels, 1, 2, "m", OPT).pairs());
        assertEquals(9, CostComparison.compare(twoModels, 1, 2, null, OPT).pairs());
        // a retried cell counts once, with its latest result
        List<Trial> retried = new ArrayList<>(pairedRun(f));
        retried.add(f.ok(2, 1, "m", 1, "0.0001", "b"));
        CostComparison r = CostComparison.compare(retried, 1, 2, "m", OPT);
        assertEquals(8, r.pairs());
        assertEquals(0, new BigDecimal("0.00605").compareTo(r.optimizedMeanUsd())); // (0.0548 − 0.0065 + 0.0001) / 8
    }
}
