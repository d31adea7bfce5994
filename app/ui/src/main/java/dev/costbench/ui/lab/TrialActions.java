// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import dev.costbench.model.lab.LabStore;
import dev.costbench.model.lab.RatingScale;
import dev.costbench.model.lab.Trial;
import dev.costbench.ui.common.UiContext;
import java.util.function.Supplier;

/**
 * What the user does to the trials of the cell shown in "Outputs side by side": rate the optimized output good or bad, or
 * delete one side's trial (after asking); the results are then shown again.
 */
public final class TrialActions {

    private final UiContext ui;
    private final Supplier<LabStore> store;
    private final OutputsModel outputs;
    private final Runnable reshow;

    TrialActions(UiContext ui, Supplier<LabStore> store, OutputsModel outputs, Runnable reshow) {
        this.ui = ui;
        this.store = store;
        this.outputs = outputs;
        this.reshow = reshow;
    }

    /** Good (1) or Bad (0) for the optimized output of the cell shown. */
    public void rate(int value) {
        Trial[] p = outputs.cellTrials();
        if (p != null && p[1] != null) {
            store.get().rate(p[1].id(), RatingScale.THUMBS, value, "");
        }
    }

    /** Deletes the baseline's ({@code side} 0) or optimized variant's (1) trial of the cell shown, after asking. */
    public void delete(int side) {
        Trial[] pair = outputs.cellTrials();
        Trial t = pair == null ? null : pair[side];
        if (t == null) {
            return;
        }
        if (ui.dialogs()
                .confirm(
                        "Delete one trial",
                        "Delete trial " + t.id() + " (" + t.cell().modelId()
                                + ", repetition " + t.cell().repetition() + ", " + ResultsText.money(t.costUsd())
                                + ")? The summary "
                                + "is recomputed without it; the ledger keeps what the call cost. A resumed run would call this cell "
                                + "again.",
                        "Delete")) {
            store.get().deleteTrial(t.id());
            reshow.run();
        }
    }
}
