// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.lab.Trial;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PowerAnalysisTest {

    /**
     * Reference: the smallest n whose power, computed from the noncentral t distribution (scipy.stats.nct), reaches
     * 80 % at α = 0.05 two-sided; G*Power gives the same. Effect size d = D / CV.
     */
    @Test
    void matchesExactNoncentralTSampleSizes() {
        double[][] cases = {{0.2, 394, 199}, {1.0 / 3, 143, 73}, {0.5, 64, 34}, {0.8, 26, 15}};
        for (double[] c : cases) {
            double d = c[0];
            assertEquals(
                    (long) c[1], PowerAnalysis.sampleSize(0.10, 0.10 / d, false).trialsPerVariant(), "d=" + d);
            assertEquals(
                    (long) c[2], PowerAnalysis.sampleSize(0.10, 0.10 / d, true).trialsPerVariant(), "d=" + d);
        }
        // the normal approximation alone, 2 (1.959964 + 0.841621)² / 0.25 = 62.8, would say 63 for d = 0.5
        assertEquals(64, PowerAnalysis.sampleSize(0.15, 0.30, false).trialsPerVariant());
    }

    @Test
    void costAndSentence() {
        SampleSize s = PowerAnalysis.sampleSize(0.10, 0.30, false, 0.05, 0.80, new BigDecimal("0.0012"), null);
        assertEquals(143, s.trialsPerVariant());
        assertEquals(286, s.totalTrials());
        // 143 × (0.0012 + 0.0012 × 0.9)
        assertEquals(0, new BigDecimal("0.32604").compareTo(s.costUsd()));
        assertEquals(
                "To detect a 10 % cost difference at 80 % power (α = 0.05, two-sided) you need about 143 trials "
                        + "per variant (unpaired, CV 0.30), about $0.326.",
                s.sentence());
        assertEquals(36, s.repetitionsFor(4));
        SampleSize given =
                PowerAnalysis.sampleSize(0.10, 0.30, true, 0.05, 0.80, new BigDecimal("0.01"), new BigDecimal("0.007"));
        assertEquals(
                0,
                new BigDecimal("0.017")
                        .multiply(BigDecimal.valueOf(given.trialsPerVariant()))
                        .compareTo(given.costUsd()));
        assertTrue(PowerAnalysis.sampleSize(0.10, 0.30, true).sentence().endsWith("(paired, CV 0.30)."));
    }

    @Test
    void edges() {
        assertEquals(2, PowerAnalysis.sampleSize(0.10, 0, false).trialsPerVariant(), "no spread: the minimum");
        assertEquals(2, PowerAnalysis.sampleSize(0.90, 0.01, true).trialsPerVariant());
        assertTrue(PowerAnalysis.sampleSize(1e-6, 5, false).trialsPerVariant() >= 1_000_000_000L);
        assertThrows(IllegalArgumentException.class, () -> PowerAnalysis.sampleSize(0, 0.3, false));
        assertThrows(IllegalArgumentException.class, () -> PowerAnalysis.sampleSize(0.1, -1, false));
        assertThrows(
                IllegalArgumentException.class, () -> PowerAnalysis.sampleSize(0.1, 0.3, false, 0, 0.8, null, null));
    }

    @Test
    void fromAPilot() {
        Fixture f = new Fixture();
        List<Trial> t = new ArrayList<>();
        String[] b = {"0.010", "0.012", "0.009", "0.011"};
        String[] o = {"0.008", "0.009", "0.008", "0.010"};
        for (int i = 0; i < 4; i++) {
            t.add(f.ok(1, i + 1, "m", 1, b[i], "x"));
            t.add(f.ok(2, i + 1, "m", 1, o[i], "y"));
        }
        CostComparison pilot = CostComparison.compare(t, 1, 2, "m", StatsOptions.defaults());
        SampleSize s = PowerAnalysis.fromObserved(pilot, 0.10);
        // paired CV = s_d / mean(b) = 0.000957427 / 0.0105
        assertTrue(s.paired());
        assertEquals(Math.sqrt(2.75 / 3) / 10.5, s.cv(), 1e-12);
        assertEquals(PowerAnalysis.sampleSize(0.10, s.cv(), true).trialsPerVariant(), s.trialsPerVariant());
        assertEquals(
                0,
                new BigDecimal("0.0192500000")
                        .multiply(BigDecimal.valueOf(s.trialsPerVariant()))
                        .compareTo(s.costUsd()));
        assertNull(
                PowerAnalysis.fromObserved(CostComparison.compare(List.of(), 1, 2, "m", StatsOptions.defaults()), 0.1));
    }
}
