// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.lab.Trial;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictTest {

    private static final StatsOptions OPT = StatsOptions.defaults();
    private static final VerdictThresholds SEED_004 = VerdictThresholds.defaults(); // ≥ 30 %, quality within 5 %

    /**
     * Eight paired cells, saving 1 − 0.0548/0.083 = 33.98 %. Delta-method interval by hand (numpy + scipy t.ppf):
     * 32.26 % to 35.69 %; paired t p = 2.1e-8.
     */
    private static CostComparison thirtyFourPercent() {
        Fixture f = new Fixture();
        String[] base = {"0.0100", "0.0110", "0.0095", "0.0105", "0.0120", "0.0100", "0.0098", "0.0102"};
        String[] opt = {"0.0065", "0.0070", "0.0066", "0.0071", "0.0080", "0.0064", "0.0063", "0.0069"};
        List<Trial> t = new ArrayList<>();
        for (int i = 0; i < base.length; i++) {
            t.add(f.ok(1, i + 1, "m", 1, base[i], "a"));
            t.add(f.ok(2, i + 1, "m", 1, opt[i], "b"));
        }
        return CostComparison.compare(t, 1, 2, "m", OPT);
    }

    private static QualityComparison similarity(double value) {
        return new QualityComparison(QualityMeasure.ROUGE_L, 1.0, value, 0, 8);
    }

    @Test
    void adopt() {
        CostComparison cost = thirtyFourPercent();
        assertEquals(32.25772432206373, cost.savingPercentCi().low(), 1e-9);
        assertEquals(35.69408290685192, cost.savingPercentCi().high(), 1e-9);
        assertEquals(2.1163910419291322e-08, cost.pValue(), 1e-15);
        Verdict v = Verdicts.decide(cost, similarity(0.97), SEED_004);
        assertEquals(Verdict.Outcome.ADOPT, v.outcome());
        assertEquals("Adopt: saving 34 % (95 % CI 32–36 %) with similarity 0.97 (−3 %)", v.sentence());
        assertEquals(cost, v.cost());
        assertEquals(0.97, v.quality().optimizedValue());
        assertEquals(SEED_004, v.thresholds());
        assertNull(v.needed());
    }

    @Test
    void keepBaselineWhenTheSavingIsTooSmall() {
        VerdictThresholds forty = new VerdictThresholds(40, 5, QualityMeasure.ROUGE_L, true);
        Verdict v = Verdicts.decide(thirtyFourPercent(), similarity(1.0), forty);
        assertEquals(Verdict.Outcome.KEEP_BASELINE, v.outcome());
        assertEquals("Keep baseline: saving 34 % (95 % CI 32–36 %) is below the 40 % required", v.sentence());
    }

    @Test
    void keepBaselineWhenQualityDrops() {
        Verdict v = Verdicts.decide(thirtyFourPercent(), similarity(0.82), SEED_004);
        assertEquals(Verdict.Outcome.KEEP_BASELINE, v.outcome());
        assertEquals(
                "Keep baseline: saving 34 % (95 % CI 32–36 %) but similarity 0.82 (−18 %) drops more than the "
                        + "5 % allowed",
                v.sentence());
        // exactly at the limit still holds
        assertEquals(
                Verdict.Outcome.ADOPT,
                Verdicts.decide(thirtyFourPercent(), similarity(0.95), SEED_004).outcome());
        QualityComparison checks = new QualityComparison(QualityMeasure.CHECK_PASS_RATE, 0.9, 0.95, 20, 20);
        assertEquals(
                "Adopt: saving 34 % (95 % CI 32–36 %) with checks passed 95 % (+5.6 %)",
                Verdicts.decide(thirtyFourPercent(), checks, SEED_004).sentence());
    }

    @Test
    void notEnoughData() {
        Fixture f = new Fixture();
        CostComparison one = CostComparison.compare(List.of(f.ok(1, 1, "m", 1, "0.01", "a")), 1, 2, "m", OPT);
        Verdict v = Verdicts.decide(one, similarity(1), SEED_004);
        assertEquals(Verdict.Outcome.NOT_ENOUGH_DATA, v.outcome());
        assertEquals(
                "Not enough data: 1 baseline and 0 optimized priced results; at least 2 each are needed", v.sentence());

        // a large but noisy saving, 1 − 0.041/0.072 = 43 %: not significant, and the verdict says how many trials
        // would tell (the delta-method interval reaches past 100 % and is capped there)
        List<Trial> noisy = new ArrayList<>();
        String[] b = {"0.010", "0.030", "0.012", "0.020"};
        String[] o = {"0.012", "0.008", "0.010", "0.011"};
        for (int i = 0; i < b.length; i++) {
            noisy.add(f.ok(1, i + 1, "m", 1, b[i], "a"));
            noisy.add(f.ok(2, i + 1, "m", 1, o[i], "b"));
        }
        CostComparison c = CostComparison.compare(noisy, 1, 2, "m", OPT);
        Verdict ns = Verdicts.decide(c, similarity(1), SEED_004);
        assertEquals(Verdict.Outcome.NOT_ENOUGH_DATA, ns.outcome());
        assertNotNull(ns.needed());
        assertTrue(ns.needed().paired());
        assertTrue(
                ns.sentence().startsWith("Not enough data: saving 43 % (95 % CI −16 to 100 %) is not"), ns.sentence());
        assertTrue(ns.sentence().contains(" is not significant (p = 0."), ns.sentence());
        assertTrue(ns.sentence().endsWith(" trials per variant would show it at 80 % power"), ns.sentence());
        // without the significance requirement the point estimate decides
        VerdictThresholds lax = new VerdictThresholds(30, 5, QualityMeasure.ROUGE_L, false);
        assertEquals(
                Verdict.Outcome.ADOPT, Verdicts.decide(c, similarity(1), lax).outcome());

        // no data for the chosen measure
        VerdictThresholds byRating = new VerdictThresholds(30, 5, QualityMeasure.RATING, true);
        QualityComparison noRatings = new QualityComparison(QualityMeasure.RATING, Double.NaN, Double.NaN, 0, 0);
        Verdict nr = Verdicts.decide(thirtyFourPercent(), noRatings, byRating);
        assertEquals(
                "Not enough data: saving 34 % (95 % CI 32–36 %) but no rating data for both variants yet",
                nr.sentence());
        assertEquals(
                Verdict.Outcome.NOT_ENOUGH_DATA,
                Verdicts.decide(thirtyFourPercent(), null, byRating).outcome());
    }

    @Test
    void optimizedCostsMore() {
        Fixture f = new Fixture();
        List<Trial> t = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            t.add(f.ok(1, i, "m", 1, "0.010", "a"));
            t.add(f.ok(2, i, "m", 1, "0.012", "b"));
        }
        Verdict v = Verdicts.decide(CostComparison.compare(t, 1, 2, "m", OPT), similarity(1), SEED_004);
        assertEquals(Verdict.Outcome.KEEP_BASELINE, v.outcome());
        assertEquals("Keep baseline: saving −20 % (95 % CI −20 to −20 %) is below the 30 % required", v.sentence());
    }

    @Test
    void formatting() {
        assertEquals("3.5 %", StatsFormat.percent(3.46));
        assertEquals("12 %", StatsFormat.percent(12.4));
        assertEquals("10 %", StatsFormat.percent(9.96));
        assertEquals("0 %", StatsFormat.percent(-0.01));
        assertEquals("−3 %", StatsFormat.signedPercent(-3.0));
        assertEquals("+2.5 %", StatsFormat.signedPercent(2.5));
        assertEquals("0 %", StatsFormat.signedPercent(0));
        assertEquals(
                "95 % CI −5.2 to 29 %", StatsFormat.ciText(new Interval(-5.2, 29.1, 0.95, Interval.Method.STUDENT_T)));
        assertEquals("90 % CI 28–40 %", StatsFormat.ciText(new Interval(28, 40, 0.9, Interval.Method.STUDENT_T)));
        assertEquals("p < 0.001", StatsFormat.pText(1e-5));
        assertEquals("p = 0.046", StatsFormat.pText(0.0456));
    }

    @Test
    void thresholdsJson() {
        VerdictThresholds t = new VerdictThresholds(25, 3, QualityMeasure.JUDGE_SCORE, false);
        assertEquals(t, VerdictThresholds.fromJson(t.toJson()));
        assertEquals(VerdictThresholds.defaults(), VerdictThresholds.fromJson(null));
    }
}
