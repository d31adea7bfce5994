// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class DescriptiveTest {

    @Test
    void oneToTen() {
        Descriptive d = Descriptive.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertEquals(10, d.n());
        assertEquals(5.5, d.mean(), 1e-15);
        assertEquals(5.5, d.median(), 1e-15);
        // by hand: h = 9 × 0.95 = 8.55 → x[8] + 0.55 × (x[9] − x[8]) = 9 + 0.55 = 9.55 (numpy.percentile agrees)
        assertEquals(9.55, d.p95(), 1e-12);
        // s² = Σ(x − 5.5)² / 9 = 82.5 / 9
        assertEquals(Math.sqrt(82.5 / 9), d.stdDev(), 1e-14);
        // 5.5 ± t(0.975, 9) · s / √10 with t(0.975, 9) = 2.262157 (tables); scipy.stats.t.interval agrees
        assertEquals(3.334149410331831, d.meanCi().low(), 1e-9);
        assertEquals(7.665850589668169, d.meanCi().high(), 1e-9);
        assertEquals(Interval.Method.STUDENT_T, d.meanCi().method());
        assertEquals(1.0, d.min());
        assertEquals(10.0, d.max());
    }

    @Test
    void percentileIsType7() {
        // Hyndman & Fan type 7 (R's default); the textbook example: 40th percentile of 15, 20, 35, 40, 50 is 29
        double[] x = {50, 15, 40, 20, 35};
        assertEquals(29, Descriptive.percentile(x, 0.40), 1e-12);
        assertEquals(48, Descriptive.percentile(x, 0.95), 1e-12);
        assertEquals(15, Descriptive.percentile(x, 0), 0);
        assertEquals(50, Descriptive.percentile(x, 1), 0);
        assertEquals(35, Descriptive.percentile(x, 0.5), 0);
        assertTrue(Double.isNaN(Descriptive.percentile(new double[0], 0.5)));
        assertThrows(IllegalArgumentException.class, () -> Descriptive.percentile(x, 1.1));
    }

    @Test
    void edgeCases() {
        Descriptive empty = Descriptive.of();
        assertEquals(0, empty.n());
        assertTrue(Double.isNaN(empty.mean()));
        assertNull(empty.meanCi());

        Descriptive one = Descriptive.of(4.2);
        assertEquals(4.2, one.mean());
        assertEquals(4.2, one.median());
        assertEquals(4.2, one.p95());
        assertTrue(Double.isNaN(one.stdDev()));
        assertNull(one.meanCi());

        Descriptive same = Descriptive.of(3, 3, 3);
        assertEquals(0, same.stdDev());
        assertEquals(3, same.meanCi().low());
        assertEquals(3, same.meanCi().high());

        assertEquals(2.0, Descriptive.of(List.of(1, 2L, 3.0)).mean(), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> Descriptive.of(1, Double.NaN));
    }

    @Test
    void costStatsKeepExactMoney() {
        List<BigDecimal> costs = List.of(
                new BigDecimal("0.0010"), new BigDecimal("0.0030"), new BigDecimal("0.0020"), new BigDecimal("0.0040"));
        CostStats c = CostStats.of(costs, StatsOptions.defaults());
        assertEquals(4, c.n());
        assertEquals(0, new BigDecimal("0.0100").compareTo(c.totalUsd()));
        assertEquals(0, new BigDecimal("0.0025").compareTo(c.meanUsd()));
        assertEquals(0, new BigDecimal("0.0025").compareTo(c.medianUsd())); // (0.002 + 0.003) / 2, exact
        // s = sqrt(((1.5² + 0.5²) × 2 / 3)) × 0.001 = 0.00129099…, shown to six significant digits
        assertEquals(new BigDecimal("0.00129099"), c.stdDevUsd());
        // 0.0025 ± 3.182446 × 0.00129099 / 2 = 0.0025 ± 0.0020542603 (scipy.stats.t.interval agrees)
        assertEquals(0, new BigDecimal("0.000445740").compareTo(c.meanCi().low()));
        assertEquals(0, new BigDecimal("0.00455426").compareTo(c.meanCi().high()));
        assertNotNull(c.bootstrapCi());
        assertEquals(Interval.Method.BOOTSTRAP_PERCENTILE, c.bootstrapCi().method());

        assertEquals(CostStats.EMPTY, CostStats.of(List.of(), StatsOptions.defaults()));
        CostStats one = CostStats.of(List.of(new BigDecimal("0.5")), StatsOptions.defaults());
        assertEquals(0, new BigDecimal("0.5").compareTo(one.meanUsd()));
        assertNull(one.meanCi());
        assertNull(one.stdDevUsd());
    }

    @Test
    void usdRounding() {
        assertEquals(new BigDecimal("0.00123457"), UsdRounding.of(0.001234567));
        assertEquals(new BigDecimal("1234.57"), UsdRounding.of(1234.5678));
        assertEquals(new BigDecimal("0.0000000001"), UsdRounding.of(1.23e-10)); // ten decimals at most
        assertNull(UsdRounding.of(Double.NaN));
        assertNotEquals(null, UsdRounding.of(0));
    }
}
