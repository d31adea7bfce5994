// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.cost.Money;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * The twelve projected months and the price-change warnings in the scenario report (JSON, text and HTML). Every
 * amount goes through the one money formatter; JSON keeps the exact values.
 */
final class MonthsReport {

    private MonthsReport() {}

    /** "startMonth", "months" (month, baselineUsd, optimizedUsd) and the price changes added to "warnings". */
    static void json(ObjectNode o, ArrayNode warnings, Waterfall w) {
        if (!w.months().isEmpty()) {
            o.put("startMonth", w.months().get(0).month().toString());
        }
        ArrayNode months = o.putArray("months");
        for (MonthFigures m : w.months()) {
            ObjectNode n = months.addObject();
            n.put("month", m.month().toString());
            n.put("baselineUsd", Money.exact(m.baseline()));
            n.put("optimizedUsd", Money.exact(m.optimized()));
        }
        w.priceChanges().forEach(warnings::add);
    }

    /** A table of the months, then one "Warning:" line per price change. */
    static void text(StringBuilder b, Waterfall w) {
        if (w.months().isEmpty()) {
            return;
        }
        b.append("\nMonth by month (each at the prices of its first day):\n");
        String[][] rows = new String[w.months().size()][];
        int[] width = {5, 8, 9};
        for (int i = 0; i < rows.length; i++) {
            MonthFigures m = w.months().get(i);
            rows[i] = new String[] {name(m.month()), Money.format(m.baseline()), Money.format(m.optimized())};
            for (int c = 0; c < 3; c++) {
                width[c] = Math.max(width[c], rows[i][c].length());
            }
        }
        b.append(row(new String[] {"Month", "Baseline", "Optimized"}, width));
        for (String[] r : rows) {
            b.append(row(r, width));
        }
        for (String change : w.priceChanges()) {
            b.append("Warning: ").append(change).append('\n');
        }
    }

    /** The months as a table and the price changes as warnings. */
    static void html(StringBuilder b, Waterfall w) {
        if (w.months().isEmpty()) {
            return;
        }
        b.append("<h2>Month by month</h2>\n<table>\n<thead><tr><th>Month</th><th class=\"n\">Baseline</th>"
                + "<th class=\"n\">Optimized</th></tr></thead>\n<tbody>\n");
        for (MonthFigures m : w.months()) {
            b.append("<tr><td>")
                    .append(name(m.month()))
                    .append("</td><td class=\"n\">")
                    .append(ScenarioReport.esc(Money.format(m.baseline())))
                    .append("</td><td class=\"n\">")
                    .append(ScenarioReport.esc(Money.format(m.optimized())))
                    .append("</td></tr>\n");
        }
        b.append("</tbody>\n</table>\n");
        for (String change : w.priceChanges()) {
            b.append("<p class=\"warn\">⚠ ").append(ScenarioReport.esc(change)).append("</p>\n");
        }
    }

    /** "January 2027". */
    static String name(YearMonth m) {
        return m.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + m.getYear();
    }

    private static String row(String[] r, int[] width) {
        return "  " + r[0] + " ".repeat(width[0] - r[0].length()) + "  " + " ".repeat(width[1] - r[1].length()) + r[1]
                + "  " + " ".repeat(width[2] - r[2].length()) + r[2] + "\n";
    }
}
