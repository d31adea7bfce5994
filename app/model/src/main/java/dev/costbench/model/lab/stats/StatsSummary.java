// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.stats;

import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.TestInput;
import dev.costbench.model.lab.Trial;
import dev.costbench.model.lab.Variant;
import dev.costbench.model.lab.run.RunSummary;
import dev.costbench.model.lab.run.SimpleSummary;
import dev.costbench.model.lab.run.SummaryStatistics;
import java.util.ArrayList;
import java.util.List;

/**
 * The run summary with real statistics: the rows as {@link SimpleSummary} gives them, and each comparison's saving
 * with its 95 % confidence interval and significance from {@link CostComparison} (paired t on matched cells, Welch
 * when cells do not pair).
 */
public final class StatsSummary implements SummaryStatistics {

    public static final StatsSummary INSTANCE = new StatsSummary();

    private StatsSummary() {}

    @Override
    public RunSummary summarize(Experiment e, List<Variant> variants, List<TestInput> inputs, List<Trial> trials) {
        RunSummary plain = SimpleSummary.INSTANCE.summarize(e, variants, inputs, trials);
        Variant base = variants.stream()
                .filter(Variant::baseline)
                .findFirst()
                .orElse(variants.isEmpty() ? null : variants.get(0));
        if (base == null) {
            return plain;
        }
        List<RunSummary.Comparison> out = new ArrayList<>();
        String method = null;
        for (RunSummary.Comparison c : plain.comparisons()) {
            Variant v = variants.stream()
                    .filter(x -> x.name().equals(c.variant()))
                    .findFirst()
                    .orElse(null);
            if (v == null) {
                out.add(c);
                continue;
            }
            CostComparison cc = CostComparison.compare(trials, base.id(), v.id(), c.model(), StatsOptions.defaults());
            Interval ci = cc.savingPercentCi();
            boolean tested = cc.method() != MeanComparison.Method.INSUFFICIENT_DATA && ci != null;
            out.add(new RunSummary.Comparison(
                    c.model(),
                    c.baseline(),
                    c.variant(),
                    c.baselineMeanCostUsd(),
                    c.variantMeanCostUsd(),
                    tested ? Double.valueOf(cc.savingPercent()) : c.savingPct(),
                    tested ? new RunSummary.Interval(ci.low(), ci.high(), ci.level()) : null,
                    tested ? Boolean.valueOf(cc.significant()) : null));
            method = cc.methodLabel();
        }
        return new RunSummary(
                plain.experimentId(),
                plain.name(),
                plain.status(),
                plain.rows(),
                out,
                "means over successful trials; saving with a 95 % interval"
                        + (method == null ? "" : " (" + method + ")"));
    }
}
