// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.calibration;

import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.CostRow;
import dev.costbench.model.cost.PromptCostTable;
import dev.costbench.model.cost.PromptOptions;
import dev.costbench.model.prompt.TokenCount;
import java.util.ArrayList;
import java.util.List;

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
        if (cal == Calibration.NONE) {
            return rows;
        }
        List<CostRow> out = new ArrayList<>(rows.size());
        for (CostRow r : rows) {
            TokenCount in = cal.apply(r.input(), r.model().tokenizer(), kind);
            out.add(
                    in == r.input()
                            ? r
                            : PromptCostTable.row(
                                    r.model(), in, Math.min(r.cachedTokens(), in.tokens()), options, billing));
        }
        return out;
    }
}
