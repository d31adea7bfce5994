// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.calibration;

import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.CostRow;
import dev.costbench.model.cost.PromptCostTable;
import dev.costbench.model.cost.PromptOptions;
import dev.costbench.model.prompt.TextStats;
import dev.costbench.model.prompt.TokenCount;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** A cost table with its estimated input counts calibrated, and priced again at the calibrated counts. */
public final class CalibratedRows {

    private CalibratedRows() {}

    /**
     * The rows with every estimate that has a correction replaced by its calibrated count (exact rows and rows
     * without a correction are kept as they are).
     *
     * @param kind the prompt's content kind ({@link ContentKinds#of})
     */
    public static List<CostRow> apply(
            List<CostRow> rows, Calibration cal, String kind, PromptOptions options, BillingOptions billing) {
        return apply(rows, cal, kind, List.of(), options, billing);
    }

    /**
     * As {@link #apply(List, Calibration, String, PromptOptions, BillingOptions)}; Gemini rows are estimated with the
     * Gemma 3 tokenizer's count of {@code messages} instead of characters ÷ 4 when that has proven the better
     * estimator ({@link GeminiEstimator}).
     *
     * @param messages the messages the rows were counted from
     */
    public static List<CostRow> apply(
            List<CostRow> rows,
            Calibration cal,
            String kind,
            List<TextStats> messages,
            PromptOptions options,
            BillingOptions billing) {
        if (cal == Calibration.NONE) {
            return rows;
        }
        OptionalLong gemma3 = cal.gemini().useGemma3() ? GeminiEstimator.gemma3Count(messages) : OptionalLong.empty();
        List<CostRow> out = new ArrayList<>(rows.size());
        for (CostRow r : rows) {
            TokenCount in = cal.apply(r.input(), r.model().tokenizer(), kind, gemma3);
            out.add(
                    in == r.input()
                            ? r
                            : PromptCostTable.row(
                                    r.model(), in, Math.min(r.cachedTokens(), in.tokens()), options, billing));
        }
        return out;
    }
}
