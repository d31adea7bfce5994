// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.cost.Money;
import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.LabStore;
import dev.costbench.model.lab.LedgerPurpose;
import dev.costbench.model.lab.Variant;
import dev.costbench.model.lab.judge.JudgeResult;
import dev.costbench.model.lab.judge.JudgeSpec;
import dev.costbench.model.lab.stats.Descriptive;
import dev.costbench.model.lab.stats.ExperimentData;
import dev.costbench.model.lab.stats.ExperimentResults;
import dev.costbench.model.lab.stats.LabResults;
import dev.costbench.model.lab.stats.MeanComparison;
import dev.costbench.model.lab.stats.QualitySettings;
import dev.costbench.model.lab.stats.QualitySummary;
import dev.costbench.model.lab.stats.StatsOptions;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The judge's part of {@code ab show|run|judge}: its scores per variant and model, and its spending, apart. */
final class JudgeFigures {

    private final JudgeSpec judge;
    private final BigDecimal spent;
    private final int scored;
    private final int failures;
    private final ExperimentResults results;
    private final Map<String, Long> variantIds = new HashMap<>();
    private final Map<Long, String> variantNames = new HashMap<>();

    private JudgeFigures(JudgeSpec judge, BigDecimal spent, int scored, int failures, ExperimentResults results) {
        this.judge = judge;
        this.spent = spent;
        this.scored = scored;
        this.failures = failures;
        this.results = results;
    }

    static JudgeFigures of(LabStore store, long id) {
        Experiment e = store.loadExperiment(id);
        QualitySettings q = settings(e);
        BigDecimal spent = store.spentOnExperiment(id, LedgerPurpose.JUDGE);
        ExperimentData data = ExperimentData.load(store, id);
        int scored = LabResults.forJudge(data, q.judge()).judgeScores().size();
        int failures = (int) store.judgeFailures(id).stream()
                .filter(f -> q.judge() == null
                        || (f.judgeModel().equals(q.judge().model())
                                && f.rubric().equals(q.judge().rubric())))
                .count();
        ExperimentResults r =
                scored == 0 || data.variants().isEmpty() ? null : LabResults.analyze(data, q, StatsOptions.defaults());
        JudgeFigures f = new JudgeFigures(q.judge(), spent, scored, failures, r);
        for (Variant v : data.variants()) {
            f.variantIds.put(v.name(), v.id());
            f.variantNames.put(v.id(), v.name());
        }
        return f;
    }

    /** The experiment's quality settings; the defaults when they cannot be read (the summary still shows). */
    private static QualitySettings settings(Experiment e) {
        try {
            return QualitySettings.read(e.settings().extraJson());
        } catch (IllegalArgumentException bad) {
            return QualitySettings.defaults();
        }
    }

    BigDecimal spent() {
        return spent;
    }

    /** {@code judge}: the judge, its scores and failures, this judging's outcome; null fields without a judge. */
    void json(ObjectNode o, JudgeResult judged) {
        o.put("model", judge == null ? null : judge.model());
        o.put("scale", judge == null ? null : judge.scale());
        o.put("rubric", judge == null ? null : judge.rubric());
        o.put("scored", scored);
        o.put("failed", failures);
        o.put("spentUsd", Money.exact(spent));
        if (judged != null) {
            o.put("outcome", judged.outcome().name());
            o.put("message", judged.message());
            o.put("spentThisRunUsd", Money.exact(judged.spentThisRunUsd()));
            o.put("left", judged.left());
        }
    }

    /** A result row's {@code judgeScore}: {n, mean, ci: {low, high, level}}, or null. */
    void row(ObjectNode ro, String variant, String model) {
        QualitySummary q = quality(variant, model);
        if (q == null || q.judgeScores().n() == 0) {
            ro.putNull("judgeScore");
            return;
        }
        Descriptive d = q.judgeScores();
        ObjectNode j = ro.putObject("judgeScore");
        j.put("n", d.n());
        j.put("mean", d.mean());
        if (d.meanCi() == null) {
            j.putNull("ci");
        } else {
            j.putObject("ci")
                    .put("low", d.meanCi().low())
                    .put("high", d.meanCi().high())
                    .put("level", d.meanCi().level());
        }
    }

    /** A comparison's {@code judge}: the paired difference (baseline − variant) with its interval, or null. */
    void comparison(ObjectNode co, String variant, String model) {
        MeanComparison m = judgeComparison(variant, model);
        if (m == null) {
            co.putNull("judge");
            return;
        }
        ObjectNode j = co.putObject("judge");
        j.put("method", m.method().name());
        j.put("baselineMean", m.baselineMean());
        j.put("variantMean", m.optimizedMean());
        j.put("drop", m.difference());
        if (m.differenceCi() == null) {
            j.putNull("dropInterval");
        } else {
            j.putObject("dropInterval")
                    .put("low", m.differenceCi().low())
                    .put("high", m.differenceCi().high())
                    .put("level", m.differenceCi().level());
        }
        j.put("significant", m.tested() ? m.significant() : null);
    }

    /** The text summary's judge lines (nothing without scores). */
    void text(PrintStream out) {
        if (results == null) {
            if (failures > 0) {
                out.println("judge: no scores, " + failures + " judge calls without a score");
            }
            return;
        }
        out.printf(
                Locale.ROOT,
                "judge %s (1–%d): %d scores%s, spent %s (apart from the trials)%n",
                judge == null ? "(all judges)" : judge.model(),
                judge == null ? 5 : judge.scale(),
                scored,
                failures == 0 ? "" : ", " + failures + " without a score",
                Money.format(spent));
        for (QualitySummary q : results.quality()) {
            if (q.judgeScores().n() == 0) {
                continue;
            }
            Descriptive d = q.judgeScores();
            out.printf(
                    Locale.ROOT,
                    "  %s on %s: mean %.2f%s (n=%d)%n",
                    variantNames.get(q.variantId()),
                    q.modelId(),
                    d.mean(),
                    d.meanCi() == null
                            ? ""
                            : String.format(
                                    Locale.ROOT,
                                    " [%.2f – %.2f]",
                                    d.meanCi().low(),
                                    d.meanCi().high()),
                    d.n());
        }
    }

    private QualitySummary quality(String variant, String model) {
        Long v = variantIds.get(variant);
        return results == null || v == null ? null : results.qualityOf(v, model).orElse(null);
    }

    private MeanComparison judgeComparison(String variant, String model) {
        Long v = variantIds.get(variant);
        return results == null || v == null
                ? null
                : results.comparison(v, model)
                        .map(ExperimentResults.Comparison::judge)
                        .orElse(null);
    }
}
