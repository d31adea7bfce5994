// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DistributionsTest {

    /**
     * Student t quantiles. The reference values are scipy.stats.t.ppf (SciPy 1.17.1, Boost's algorithm), which agree
     * with the printed tables (e.g. NIST/SEMATECH e-Handbook §1.3.6.7.2, "Critical values of the Student's t
     * distribution": 12.706, 4.303, 3.182, 2.571, 2.228, 2.042, 1.984 for 0.975 and df 1, 2, 3, 5, 10, 30, 100).
     */
    @Test
    void studentTQuantilesMatchTables() {
        double[][] cases = {
            {0.975, 1, 12.706204736174694}, {0.975, 2, 4.302652729749462}, {0.975, 3, 3.1824463052837078},
            {0.975, 5, 2.5705818356363146}, {0.975, 10, 2.228138851986274}, {0.975, 30, 2.0422724563012378},
            {0.975, 100, 1.9839715185235518}, {0.95, 1, 6.313751514675037}, {0.95, 10, 1.8124611228116756},
            {0.995, 1, 63.656741162871526}, {0.995, 10, 3.16927267261695}, {0.9995, 4, 8.610301581379522},
            {0.8, 20, 0.8599644397323866}, {0.975, 7.5, 2.333039626864974},
        };
        for (double[] c : cases) {
            double t = Distributions.studentTQuantile(c[0], c[1]);
            assertEquals(c[2], t, 1e-9 * Math.max(1, c[2]), "p=" + c[0] + " df=" + c[1]);
            assertEquals(-c[2], Distributions.studentTQuantile(1 - c[0], c[1]), 1e-8 * Math.max(1, c[2]));
        }
        // table values to the printed three decimals
        assertEquals(12.706, Distributions.studentTQuantile(0.975, 1), 5e-4);
        assertEquals(2.042, Distributions.studentTQuantile(0.975, 30), 5e-4);
        assertEquals(0, Distributions.studentTQuantile(0.5, 4));
    }

    @Test
    void studentTQuantileInvertsTheCdfEverywhere() {
        for (double df : new double[] {1, 1.3, 2, 3, 4.7, 9, 29, 250, 5000, 1e6}) {
            for (double p : new double[] {1e-9, 1e-4, 0.01, 0.2, 0.4999, 0.6, 0.9, 0.999, 1 - 1e-7}) {
                double t = Distributions.studentTQuantile(p, df);
                assertEquals(p, Distributions.studentTCdf(t, df), 1e-10 * Math.max(p, 1e-3), "df=" + df + " p=" + p);
            }
        }
        // large df approaches the normal quantile
        assertEquals(1.959963984540054, Distributions.studentTQuantile(0.975, 1e7), 1e-6);
    }

    @Test
    void studentTCdfAndPValues() {
        // scipy.stats.t.cdf(2.0, 5), t.sf(10, 3)
        assertEquals(0.9490302605850708, Distributions.studentTCdf(2.0, 5), 1e-13);
        assertEquals(0.0010641995292070751, 1 - Distributions.studentTCdf(10, 3), 1e-13);
        // Cauchy (df = 1): P(T <= 1) = 3/4 exactly
        assertEquals(0.75, Distributions.studentTCdf(1, 1), 1e-14);
        assertEquals(0.5, Distributions.studentTCdf(0, 7), 1e-15);
        assertEquals(2 * 0.0010641995292070751, Distributions.studentTTwoSidedP(-10, 3), 1e-13);
        assertEquals(1.0, Distributions.studentTTwoSidedP(0, 3), 1e-15);
        assertEquals(0.0, Distributions.studentTTwoSidedP(Double.POSITIVE_INFINITY, 3));
        assertThrows(IllegalArgumentException.class, () -> Distributions.studentTCdf(1, 0));
        assertThrows(IllegalArgumentException.class, () -> Distributions.studentTQuantile(1, 3));
        assertThrows(IllegalArgumentException.class, () -> Distributions.studentTQuantile(0, 3));
    }

    @Test
    void normalDistribution() {
        // scipy.stats.norm.ppf(0.975), ppf(0.8), ppf(1e-10), cdf(-3)
        assertEquals(1.959963984540054, Distributions.normalQuantile(0.975), 1e-13);
        assertEquals(0.8416212335729143, Distributions.normalQuantile(0.8), 1e-13);
        assertEquals(-6.361340902404056, Distributions.normalQuantile(1e-10), 1e-11);
        assertEquals(0.0013498980316300933, Distributions.normalCdf(-3), 1e-16);
        assertEquals(0.5, Distributions.normalCdf(0), 1e-15);
        for (double p = 0.001; p < 1; p += 0.0371) {
            assertEquals(p, Distributions.normalCdf(Distributions.normalQuantile(p)), 1e-14);
        }
    }

    @Test
    void specialFunctions() {
        assertEquals(0.5723649429247001, Distributions.logGamma(0.5), 1e-14); // ln √π
        assertEquals(Math.log(362880), Distributions.logGamma(10), 1e-12); // ln 9!
        assertEquals(0.5, Distributions.regularizedBeta(0.5, 3.5, 3.5), 1e-14); // symmetry
        assertEquals(0.3, Distributions.regularizedBeta(0.3, 1, 1), 1e-14); // uniform
        assertEquals(Math.pow(0.3, 2.5), Distributions.regularizedBeta(0.3, 2.5, 1), 1e-14); // I_x(a, 1) = x^a
        assertEquals(0.08894372317066562, Distributions.regularizedBeta(0.3, 2.5, 1.5), 1e-13); // scipy betainc
        assertTrue(Distributions.studentTDensity(0, 1) - 1 / Math.PI < 1e-15);
    }
}
