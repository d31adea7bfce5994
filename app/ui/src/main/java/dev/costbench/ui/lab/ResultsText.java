// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import dev.costbench.model.cost.Money;
import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.stats.ExperimentResults;
import dev.costbench.model.lab.stats.QualityMeasure;
import dev.costbench.model.lab.stats.QualitySummary;
import dev.costbench.model.lab.stats.UsdInterval;
import dev.costbench.model.lab.stats.VariantModelSummary;
import dev.costbench.model.lab.stats.Verdict;
import dev.costbench.ui.common.Words;
import java.math.BigDecimal;
import java.util.Locale;

/** The results' numbers in words: table cells, verdict colours, the judge's line and the chart's quality axis. */
final class ResultsText {

    static final String ADOPT = "#1e7e34";
    static final String KEEP = "#b02a37";
    static final String NEUTRAL = "#6c757d";

    private ResultsText() {}

    /** "1,234", or "—" for no value. */
    /** "name · done · 2 models, 3 repetitions · budget $1.00". */
    static String title(Experiment e) {
        return e.name() + " · " + LabWords.status(e.status()) + " · "
                + Words.count(e.models().size(), "model") + ", " + Words.count(e.repetitions(), "repetition")
                + (e.budgetCapUsd() == null ? "" : " · budget " + Money.format(e.budgetCapUsd()));
    }

    static String n(double d) {
        return Double.isNaN(d) ? "—" : String.format(Locale.ROOT, "%,.0f", d);
    }

    /** "[$0.0012 – $0.0015]", or "". */
    static String ci(UsdInterval i) {
        return i == null ? "" : "[" + Money.format(i.low()) + " – " + Money.format(i.high()) + "]";
    }

    static String money(BigDecimal d) {
        return d == null ? "unpriced" : Money.format(d);
    }

    /** 4 as "4", 4.5 as "4.5". */
    static String score(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.1f", d);
    }

    static String color(Verdict v) {
        return v.outcome() == Verdict.Outcome.ADOPT
                ? ADOPT
                : v.outcome() == Verdict.Outcome.KEEP_BASELINE ? KEEP : NEUTRAL;
    }

    /** The y axis of the cost-vs-quality chart for {@code m}. */
    static String qualityAxis(QualityMeasure m, Integer judgeScale) {
        return switch (m) {
            case JUDGE_SCORE -> "mean judge score" + (judgeScale == null ? "" : " (1–" + judgeScale + ")");
            case CHECK_PASS_RATE -> "share of outputs passing every check";
            case RATING -> "mean rating (0–1)";
            default -> "similarity to the baseline's output (ROUGE-L)";
        };
    }

    /** The y of a row in the cost-vs-quality chart: the value of the measure the verdict watches (NaN: none). */
    static double chartQuality(QualityMeasure m, VariantModelSummary s, QualitySummary q) {
        if (q == null) {
            return Double.NaN;
        }
        return switch (m) {
            case JUDGE_SCORE -> q.judgeScores().mean();
            case CHECK_PASS_RATE -> q.checks().hasChecks() ? q.checks().passRate() : Double.NaN;
            case RATING -> q.ratings().n() == 0 ? Double.NaN : q.ratings().score();
            default -> s.baseline() ? 1.0 : q.rougeL().mean();
        };
    }

    /** The judge cell of a table row: "4.00  [3.50 – 4.50]  n=18", or "". */
    static String judgeCell(QualitySummary q) {
        if (q == null || q.judgeScores().n() == 0) {
            return "";
        }
        var d = q.judgeScores();
        return String.format(Locale.ROOT, "%.2f", d.mean())
                + (d.meanCi() == null
                        ? ""
                        : String.format(
                                Locale.ROOT,
                                "  [%.2f – %.2f]",
                                d.meanCi().low(),
                                d.meanCi().high()))
                + "  n=" + d.n();
    }

    /** The checks cell of a table row: "83 % of 18", or "". */
    static String checksCell(QualitySummary q) {
        if (q == null || !q.checks().hasChecks() || q.checks().outputs() == 0) {
            return "";
        }
        return String.format(Locale.ROOT, "%.0f %%", q.checks().passRate() * 100) + " of "
                + q.checks().outputs();
    }

    /** The judge's part of a verdict's tooltip, or "". */
    static String judgeText(ExperimentResults.Comparison c) {
        var j = c.judge();
        if (j == null) {
            return "";
        }
        return String.format(
                Locale.ROOT,
                "\nJudge score: baseline %.2f, this variant %.2f (%s%.2f%s, %s)",
                j.baselineMean(),
                j.optimizedMean(),
                j.difference() >= 0 ? "−" : "+",
                Math.abs(j.difference()),
                j.differenceCi() == null
                        ? ""
                        : String.format(
                                Locale.ROOT,
                                "; 95 %% CI of the drop %.2f to %.2f",
                                j.differenceCi().low(),
                                j.differenceCi().high()),
                j.tested() ? (j.significant() ? "significant" : "not significant") : "too few scores to test");
    }
}
