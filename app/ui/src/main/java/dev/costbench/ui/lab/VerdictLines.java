// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import dev.costbench.model.lab.Variant;
import dev.costbench.model.lab.stats.CostComparison;
import dev.costbench.model.lab.stats.ExperimentData;
import dev.costbench.model.lab.stats.ExperimentResults;
import dev.costbench.model.lab.stats.LabResults;
import dev.costbench.model.lab.stats.StatsFormat;
import dev.costbench.ui.lab.ResultsViewModel.VerdictLine;
import java.util.ArrayList;
import java.util.List;

/** The verdict lines above the results' table: cost-only while the quality is computed, then the verdicts. */
final class VerdictLines {

    static final String NO_OPTIMIZED = "Add an optimized variant to compare with the baseline.";

    private VerdictLines() {}

    /** While the quality is computed: the saving, no verdict yet (cost-only outcomes wait too, so none flips). */
    static List<VerdictLine> pending(LabResults.Preview preview, ExperimentData data) {
        List<VerdictLine> out = new ArrayList<>();
        for (CostComparison c : preview.costs()) {
            out.add(new VerdictLine(
                    prefix(c.modelId(), c.optimizedVariantId(), data)
                            + (!c.tested()
                                    ? "not enough data"
                                    : "saving " + StatsFormat.percent(c.savingPercent())
                                            + (c.savingPercentCi() == null
                                                    ? ""
                                                    : " (" + StatsFormat.ciText(c.savingPercentCi()) + ")"))
                            + " · verdict: quality pending",
                    ResultsText.NEUTRAL,
                    c.describe() + "\n" + c.methodLabel()
                            + "\nThe verdict waits for the quality scores and the bootstrap intervals, computed in the "
                            + "background.",
                    true));
        }
        if (out.isEmpty()) {
            out.add(new VerdictLine(NO_OPTIMIZED, ResultsText.NEUTRAL, "", false));
        }
        return out;
    }

    /** The verdicts, one per model and optimized variant (and all models pooled). */
    static List<VerdictLine> of(ExperimentResults r, ExperimentData data) {
        List<VerdictLine> out = new ArrayList<>();
        for (ExperimentResults.Comparison c : r.comparisons()) {
            out.add(new VerdictLine(
                    prefix(c.modelId(), c.optimizedVariantId(), data)
                            + c.verdict().sentence(),
                    ResultsText.color(c.verdict()),
                    c.cost().describe() + "\n" + c.cost().methodLabel() + ResultsText.judgeText(c),
                    false));
        }
        if (out.isEmpty()) {
            out.add(new VerdictLine(NO_OPTIMIZED, ResultsText.NEUTRAL, "", false));
        }
        return out;
    }

    /** "model · variant: " (model null: all models). */
    private static String prefix(String modelId, long variantId, ExperimentData data) {
        String name = data.variants().stream()
                .filter(v -> v.id() == variantId)
                .map(Variant::name)
                .findFirst()
                .orElse("?");
        return (modelId == null ? "All models" : modelId) + " · " + name + ": ";
    }
}
