// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.stats;

import java.util.Locale;

/**
 * How the lab's sentences write numbers: percentages in whole percent from 10 up and with one decimal below, a true
 * minus sign (U+2212), intervals as "95 % CI 28–40 %" (or "−5 to 29 %" when a bound is negative), p-values to three
 * decimals or "p &lt; 0.001". Locale-independent.
 */
public final class StatsFormat {

    private StatsFormat() {}

    /** "34 %", "3.5 %", "−12 %": whole percent from 10 up, one decimal below. */
    public static String percent(double x) {
        return number(x) + " %";
    }

    /** "+2 %", "−3 %", "0 %". */
    public static String signedPercent(double x) {
        String n = number(x);
        return (n.startsWith("−") || n.equals("0") ? n : "+" + n) + " %";
    }

    /** A number as in {@link #percent} without the sign, with a true minus sign. */
    public static String number(double x) {
        if (Double.isNaN(x)) {
            return "?";
        }
        String s;
        if (Math.abs(x) >= 9.95) {
            s = String.format(Locale.ROOT, "%.0f", x);
        } else {
            s = String.format(Locale.ROOT, "%.1f", x);
            if (s.endsWith(".0")) {
                s = s.substring(0, s.length() - 2);
            }
        }
        if (s.equals("-0")) {
            s = "0";
        }
        return s.replace('-', '−');
    }

    /** "95 % CI 28–40 %", or "95 % CI −5 to 29 %" when a bound is negative. */
    public static String ciText(Interval i) {
        String lo = number(i.low());
        String hi = number(i.high());
        String sep = lo.startsWith("−") || hi.startsWith("−") ? " to " : "–";
        return number(i.level() * 100) + " % CI " + lo + sep + hi + " %";
    }

    /** "p < 0.001" or "p = 0.023". */
    public static String pText(double p) {
        if (Double.isNaN(p)) {
            return "no p-value";
        }
        if (p < 0.001) {
            return "p < 0.001";
        }
        return String.format(Locale.ROOT, "p = %.3f", p);
    }
}
