// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.Money;
import dev.costbench.model.lab.judge.Judge;
import dev.costbench.model.lab.judge.JudgeSpec;
import dev.costbench.model.lab.run.ExperimentSpec;
import dev.costbench.model.lab.run.RunEstimate;
import dev.costbench.model.lab.run.RunPlan;
import dev.costbench.model.lab.stats.PowerAnalysis;
import dev.costbench.model.lab.stats.SampleSize;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The setup's estimate in words: the run's cost range (and the budget cap's likely effect), per variant, the
 * sample-size hint, and the judge's cost counted apart.
 */
record EstimateText(String cost, String power, String judge) {

    static EstimateText of(
            RunEstimate e, ExperimentSpec s, String maxTokens, Function<String, Optional<ModelEntry>> catalog) {
        String cost = String.format(
                        Locale.ROOT,
                        "Estimated cost of the run: %s – %s for %d calls (low: "
                                + "short answers; high: every call writes its %s-token cap)%s%s",
                        Money.format(e.lowUsd()),
                        Money.format(e.highUsd()),
                        e.calls(),
                        maxTokens,
                        e.unpricedModels().isEmpty() ? "" : "; unpriced: " + String.join(", ", e.unpricedModels()),
                        e.budgetUsd() == null
                                ? ""
                                : e.likelyHitsBudget()
                                        ? ". It will most likely stop at the " + Money.format(e.budgetUsd()) + " cap."
                                        : e.mayHitBudget()
                                                ? ". It may reach the " + Money.format(e.budgetUsd()) + " cap."
                                                : ". Within the " + Money.format(e.budgetUsd()) + " cap.")
                + perVariant(e)
                + e.toolsSentences().stream().map(t -> "\n" + t).collect(Collectors.joining());
        BigDecimal perCall = e.calls() == 0
                ? null
                : e.lowUsd().add(e.highUsd()).divide(BigDecimal.valueOf(2L * e.calls()), 10, RoundingMode.HALF_EVEN);
        SampleSize n = PowerAnalysis.sampleSize(0.10, PowerAnalysis.ASSUMED_CV, true, 0.05, 0.80, perCall, null);
        String power = n.sentence() + " The spread of cost per call is an assumption until a first run measures it; "
                + "trials are paired by input, model and repetition.";
        JudgeSpec j = s.quality().judge();
        String judge = j == null
                ? ""
                : "Then the " + Judge.estimate(RunPlan.of(s), j, catalog).text()
                        + ", counted apart from the trials"
                        + (j.budgetUsd() == null ? "" : " (judge cap " + JudgeEditor.cap(j.budgetUsd()) + ")") + ".";
        return new EstimateText(cost, power, judge);
    }

    /** "\nPer variant: baseline $0.0123 – $0.0456 (≈ 25,620 input tokens per call) · optimized …". */
    static String perVariant(RunEstimate e) {
        Map<String, BigDecimal[]> sums = new LinkedHashMap<>();
        Map<String, long[]> input = new LinkedHashMap<>();
        for (RunEstimate.Line l : e.lines()) {
            BigDecimal[] s =
                    sums.computeIfAbsent(l.variant(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            if (l.lowUsd() != null) {
                s[0] = s[0].add(l.lowUsd());
                s[1] = s[1].add(l.highUsd());
            }
            long[] in = input.computeIfAbsent(l.variant(), k -> new long[2]);
            in[0] += l.inputTokensPerCall() * l.calls();
            in[1] += l.calls();
        }
        if (sums.size() < 2) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        sums.forEach((v, s) -> parts.add(String.format(
                Locale.ROOT,
                "%s %s – %s (≈ %,d input tokens per call)",
                v,
                Money.format(s[0]),
                Money.format(s[1]),
                input.get(v)[1] == 0 ? 0 : input.get(v)[0] / input.get(v)[1])));
        return "\nPer variant: " + String.join(" · ", parts);
    }
}
