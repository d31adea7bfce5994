// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.cost.Money;
import dev.costbench.model.validation.JsonReading;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A scenario's waterfall as a report: plain text, CSV, JSON ({@code baselineMonthlyUsd}, {@code optimizedMonthlyUsd},
 * {@code steps} of {@code {lever, monthlyUsdAfter, savingUsd}}, decimal strings) or a self-contained HTML page with
 * an inline SVG waterfall chart. Used by {@code costbench scenario report} and the Scenario view's export.
 */
public final class ScenarioReport {

    /** Output formats. */
    public enum Format {
        TEXT,
        JSON,
        CSV,
        HTML;

        public static Format parse(String s) {
            for (Format f : values()) {
                if (f.name().equalsIgnoreCase(s == null ? "" : s.trim())) {
                    return f;
                }
            }
            throw new IllegalArgumentException("unknown format '" + s + "' (text, json, csv, html)");
        }
    }

    private static final ObjectMapper JSON =
            JsonReading.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ScenarioReport() {}

    public static String render(Format f, Scenario s, Waterfall w) {
        switch (f) {
            case JSON:
                return json(s, w);
            case CSV:
                return csv(s, w);
            case HTML:
                return html(s, w);
            default:
                return text(s, w);
        }
    }

    /** The JSON type name of a lever ("routing", "batch" …), as scenario files spell it. */
    public static String typeName(Lever l) {
        for (JsonSubTypes.Type t : Lever.class.getAnnotation(JsonSubTypes.class).value()) {
            if (t.value() == l.getClass()) {
                return t.name();
            }
        }
        return l.getClass().getSimpleName();
    }

    private static Lever leverOf(Scenario s, String id) {
        for (LeverEntry e : s.levers()) {
            if (e.id().equals(id)) {
                return e.lever();
            }
        }
        return null;
    }

    // ---- JSON ---------------------------------------------------------------------------------------------------

    public static String json(Scenario s, Waterfall w) {
        ObjectNode o = JSON.createObjectNode();
        o.put("scenario", s.name());
        o.put("baselineMonthlyUsd", exact(w.baselineMonthly()));
        o.put("optimizedMonthlyUsd", exact(w.optimizedMonthly()));
        o.put("savingMonthlyUsd", exact(w.saving()));
        o.put("baselineYearlyUsd", exact(w.baselineYearly()));
        o.put("optimizedYearlyUsd", exact(w.optimizedYearly()));
        o.put("requestsPerMonth", exact(w.requestsPerMonth()));
        o.put("costPerRequestUsd", exact(w.costPerRequest()));
        o.put("costPerUserUsd", exact(w.costPerUser()));
        o.put("costPerVideoHourUsd", exact(w.costPerVideoHour()));
        FlowReport.json(o, s, w);
        ArrayNode steps = o.putArray("steps");
        for (WaterfallStep st : w.steps()) {
            ObjectNode n = steps.addObject();
            n.put("lever", st.label());
            n.put("id", st.leverId());
            Lever l = leverOf(s, st.leverId());
            n.put("type", l == null ? st.kind() : typeName(l));
            n.put("component", st.component().label());
            n.put("monthlyUsdAfter", exact(st.monthlyAfter()));
            n.put("savingUsd", exact(st.saving()));
            ArrayNode notes = n.putArray("notes");
            st.notes().forEach(notes::add);
            n.set("bill", BillReport.json(st.bill()));
        }
        BillReport.json(o, w);
        ArrayNode warnings = o.putArray("warnings");
        w.warnings().forEach(warnings::add);
        MonthsReport.json(o, warnings, w);
        try {
            return JSON.writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- CSV ----------------------------------------------------------------------------------------------------

    public static String csv(Scenario s, Waterfall w) {
        StringBuilder b = new StringBuilder("step,lever,type,component,monthly_usd_after,saving_usd\n");
        b.append("0,")
                .append(cell("Baseline"))
                .append(",,,")
                .append(exact(w.baselineMonthly()))
                .append(",0\n");
        int i = 1;
        for (WaterfallStep st : w.steps()) {
            Lever l = leverOf(s, st.leverId());
            b.append(i++)
                    .append(',')
                    .append(cell(st.label()))
                    .append(',')
                    .append(l == null ? "" : typeName(l))
                    .append(',')
                    .append(cell(st.component().label()))
                    .append(',')
                    .append(exact(st.monthlyAfter()))
                    .append(',')
                    .append(exact(st.saving()))
                    .append('\n');
        }
        b.append(',')
                .append(cell("Optimized"))
                .append(",,,")
                .append(exact(w.optimizedMonthly()))
                .append(',')
                .append(exact(w.saving()))
                .append('\n');
        return b.toString();
    }

    private static String cell(String v) {
        if (v.contains(",") || v.contains("\"") || v.contains("\n")) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    // ---- text ---------------------------------------------------------------------------------------------------

    public static String text(Scenario s, Waterfall w) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"STEP", "LEVER", "ACTS ON", "$/MONTH AFTER", "SAVING", "% OF BASELINE"});
        rows.add(new String[] {"", "Baseline (naive)", "", usd(w.baselineMonthly()), "", ""});
        int i = 1;
        for (WaterfallStep st : w.steps()) {
            rows.add(new String[] {
                Integer.toString(i++),
                st.label(),
                st.component().label(),
                usd(st.monthlyAfter()),
                usd(st.saving()),
                pct(st.saving(), w.baselineMonthly())
            });
        }
        rows.add(new String[] {
            "", "Optimized", "", usd(w.optimizedMonthly()), usd(w.saving()), pct(w.saving(), w.baselineMonthly())
        });
        int[] width = new int[6];
        for (String[] r : rows) {
            for (int c = 0; c < r.length; c++) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        StringBuilder b = new StringBuilder();
        b.append(s.name()).append('\n');
        if (!s.description().isEmpty()) {
            b.append(s.description()).append('\n');
        }
        b.append('\n');
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < r.length; c++) {
                String pad = " ".repeat(width[c] - r[c].length());
                line.append(c >= 3 ? pad + r[c] : r[c] + pad);
                if (c < r.length - 1) {
                    line.append("  ");
                }
            }
            b.append(line.toString().stripTrailing()).append('\n');
        }
        b.append('\n');
        b.append("Monthly: ").append(usd(w.baselineMonthly())).append(" → ").append(usd(w.optimizedMonthly()));
        String times = times(w);
        if (!times.isEmpty()) {
            b.append(" (").append(times).append(")");
        }
        b.append('\n');
        b.append("Yearly (12 months with growth, each at its own prices): ")
                .append(usd(w.baselineYearly()))
                .append(" → ")
                .append(usd(w.optimizedYearly()))
                .append('\n');
        b.append("Per request: ").append(unit(w.costPerRequest()));
        if (w.costPerUser() != null) {
            b.append("; per user: ").append(unit(w.costPerUser()));
        }
        if (w.costPerVideoHour() != null) {
            b.append("; per hour of video: ").append(unit(w.costPerVideoHour()));
        }
        b.append('\n');
        FlowReport.lines(s, w).forEach(l -> b.append(l).append('\n'));
        for (WaterfallStep st : w.steps()) {
            for (String n : st.notes()) {
                b.append("Note (").append(st.label()).append("): ").append(n).append('\n');
            }
        }
        for (String warning : w.warnings()) {
            b.append("Warning: ").append(warning).append('\n');
        }
        BillReport.text(b, w);
        MonthsReport.text(b, w);
        if (!s.assumptions().isEmpty()) {
            b.append("\nAssumptions:\n");
            for (String a : s.assumptions()) {
                b.append("- ").append(a).append('\n');
            }
        }
        return b.toString();
    }

    // ---- HTML ---------------------------------------------------------------------------------------------------

    public static String html(Scenario s, Waterfall w) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(esc(s.name()))
                .append(" — CostBench scenario</title>\n<style>\n")
                .append("body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2rem auto;max-width:"
                        + "60rem;color:#1f2328;line-height:1.45}\n")
                .append("h1{font-size:1.4rem}table{border-collapse:collapse;width:100%;margin:1rem 0}")
                .append("th,td{padding:.35rem .6rem;border-bottom:1px solid #d0d7de;text-align:left}")
                .append("td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}")
                .append(".totals{font-size:1.1rem}.muted{color:#59636e}.warn{color:#9a6700}")
                .append("svg text{font-family:inherit}\n</style>\n</head>\n<body>\n");
        b.append("<h1>").append(esc(s.name())).append("</h1>\n");
        if (!s.description().isEmpty()) {
            b.append("<p>").append(esc(s.description())).append("</p>\n");
        }
        b.append("<p class=\"totals\"><strong>")
                .append(esc(usd(w.baselineMonthly())))
                .append("</strong> → <strong>")
                .append(esc(usd(w.optimizedMonthly())))
                .append("</strong> a month");
        String times = times(w);
        if (!times.isEmpty()) {
            b.append(" (").append(esc(times)).append(")");
        }
        b.append("; ")
                .append(esc(usd(w.baselineYearly())))
                .append(" → ")
                .append(esc(usd(w.optimizedYearly())))
                .append(" a year.</p>\n");
        b.append(svg(w));
        b.append("<table>\n<thead><tr><th>#</th><th>Lever</th><th>Acts on</th><th class=\"n\">$/month after</th>"
                + "<th class=\"n\">Saving</th><th class=\"n\">% of baseline</th></tr></thead>\n<tbody>\n");
        b.append("<tr><td></td><td>Baseline (naive)</td><td></td><td class=\"n\">")
                .append(esc(usd(w.baselineMonthly())))
                .append("</td><td></td><td></td></tr>\n");
        int i = 1;
        for (WaterfallStep st : w.steps()) {
            b.append("<tr><td>").append(i++).append("</td><td>").append(esc(st.label()));
            for (String n : st.notes()) {
                b.append("<br><span class=\"muted\">").append(esc(n)).append("</span>");
            }
            b.append("</td><td>")
                    .append(esc(st.component().label()))
                    .append("</td><td class=\"n\">")
                    .append(esc(usd(st.monthlyAfter())))
                    .append("</td><td class=\"n\">")
                    .append(esc(usd(st.saving())))
                    .append("</td><td class=\"n\">")
                    .append(esc(pct(st.saving(), w.baselineMonthly())))
                    .append("</td></tr>\n");
        }
        b.append("<tr><td></td><td><strong>Optimized</strong></td><td></td><td class=\"n\"><strong>")
                .append(esc(usd(w.optimizedMonthly())))
                .append("</strong></td><td class=\"n\">")
                .append(esc(usd(w.saving())))
                .append("</td><td class=\"n\">")
                .append(esc(pct(w.saving(), w.baselineMonthly())))
                .append("</td></tr>\n</tbody>\n</table>\n");
        b.append("<p>Per request: ").append(esc(unit(w.costPerRequest())));
        if (w.costPerUser() != null) {
            b.append(" · per user: ").append(esc(unit(w.costPerUser())));
        }
        if (w.costPerVideoHour() != null) {
            b.append(" · per hour of video: ").append(esc(unit(w.costPerVideoHour())));
        }
        b.append("</p>\n");
        FlowReport.lines(s, w).forEach(l -> b.append("<p>").append(esc(l)).append("</p>\n"));
        for (String warning : w.warnings()) {
            b.append("<p class=\"warn\">⚠ ").append(esc(warning)).append("</p>\n");
        }
        MonthsReport.html(b, w);
        if (!s.assumptions().isEmpty()) {
            b.append("<h2>Assumptions</h2>\n<ul>\n");
            for (String a : s.assumptions()) {
                b.append("<li>").append(esc(a)).append("</li>\n");
            }
            b.append("</ul>\n");
        }
        b.append("<p class=\"muted\">Each saving is the lever's real marginal effect in the order applied: the bill is "
                + "recomputed from the workload after every lever, so levers on the same part of the bill are not "
                + "counted twice. Generated by CostBench.</p>\n</body>\n</html>\n");
        return b.toString();
    }

    /** The waterfall chart: the baseline bar, one floating bar per lever, the optimized bar. */
    static String svg(Waterfall w) {
        int n = w.steps().size() + 2;
        double width = 760;
        double height = 340;
        double left = 90;
        double right = 20;
        double top = 20;
        double bottom = 50;
        double plotW = width - left - right;
        double plotH = height - top - bottom;
        double max = w.baselineMonthly().doubleValue();
        for (WaterfallStep st : w.steps()) {
            max = Math.max(max, st.monthlyAfter().doubleValue());
        }
        if (max <= 0) {
            max = 1;
        }
        double slot = plotW / n;
        double bar = slot * 0.6;
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" "
                        + "aria-label=\"Waterfall from the baseline to the optimized monthly bill\" viewBox=\"0 0 %.0f %.0f\" "
                        + "width=\"100%%\">%n",
                width,
                height));
        for (int t = 0; t <= 4; t++) {
            double v = max * t / 4;
            double y = top + plotH - plotH * t / 4;
            b.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#d0d7de\"/>"
                            + "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\" fill=\"#59636e\">%s</text>%n",
                    left,
                    y,
                    width - right,
                    y,
                    left - 6,
                    y + 4,
                    v >= 100 ? String.format(Locale.ROOT, "$%,.0f", v) : esc(usd(BigDecimal.valueOf(v)))));
        }
        double prev = w.baselineMonthly().doubleValue();
        for (int i = 0; i < n; i++) {
            double x = left + slot * i + (slot - bar) / 2;
            double from;
            double to;
            String fill;
            String label;
            String title;
            if (i == 0) {
                from = 0;
                to = prev;
                fill = "#57606a";
                label = "Baseline";
                title = "Baseline " + usd(w.baselineMonthly());
            } else if (i == n - 1) {
                from = 0;
                to = w.optimizedMonthly().doubleValue();
                fill = "#0969da";
                label = "Optimized";
                title = "Optimized " + usd(w.optimizedMonthly());
            } else {
                WaterfallStep st = w.steps().get(i - 1);
                double after = st.monthlyAfter().doubleValue();
                from = Math.min(prev, after);
                to = Math.max(prev, after);
                fill = after <= prev ? "#1a7f37" : "#cf222e";
                label = Integer.toString(i);
                title = i + ". " + st.label() + ": " + usd(st.monthlyAfter()) + " (saving " + usd(st.saving()) + ")";
                prev = after;
            }
            double y1 = top + plotH - plotH * to / max;
            double h = Math.max(1, plotH * (to - from) / max);
            b.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                            + "fill=\"%s\"><title>%s</title></rect>%n",
                    x,
                    y1,
                    bar,
                    h,
                    fill,
                    esc(title)));
            b.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"middle\">" + "%s</text>%n",
                    x + bar / 2,
                    top + plotH + 16,
                    esc(label)));
            String value = i == 0
                    ? usd(w.baselineMonthly())
                    : i == n - 1
                            ? usd(w.optimizedMonthly())
                            : usd(w.steps().get(i - 1).monthlyAfter());
            b.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"middle\" "
                            + "fill=\"#59636e\">%s</text>%n",
                    x + bar / 2,
                    top + plotH + 32,
                    esc(value)));
        }
        b.append("</svg>\n");
        return b.toString();
    }

    // ---- formatting ---------------------------------------------------------------------------------------------

    /** "$1,234.57", "−$26,100.00", "$0.0936". */
    static String usd(BigDecimal v) {
        return v == null ? "—" : Money.format(v);
    }

    private static String unit(BigDecimal v) {
        return v == null ? "—" : usd(v);
    }

    private static String pct(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return "";
        }
        BigDecimal p = part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP);
        return (p.signum() < 0 ? "−" + p.abs().toPlainString() : p.toPlainString()) + " %";
    }

    private static String times(Waterfall w) {
        if (w.optimizedMonthly().signum() <= 0 || w.optimizedMonthly().compareTo(w.baselineMonthly()) >= 0) {
            return "";
        }
        BigDecimal x = w.baselineMonthly().divide(w.optimizedMonthly(), 1, RoundingMode.HALF_UP);
        return x.toPlainString() + "× less";
    }

    private static String exact(BigDecimal v) {
        return v == null ? null : v.stripTrailingZeros().toPlainString();
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<':
                    b.append("&lt;");
                    break;
                case '>':
                    b.append("&gt;");
                    break;
                case '&':
                    b.append("&amp;");
                    break;
                case '"':
                    b.append("&quot;");
                    break;
                default:
                    b.append(c);
            }
        }
        return b.toString();
    }
}
