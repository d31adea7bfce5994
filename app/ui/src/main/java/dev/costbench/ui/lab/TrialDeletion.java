// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import dev.costbench.model.lab.Trial;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;

/**
 * "Delete trial ▾" in the outputs view: deletes the baseline's or the optimized variant's trial of the cell shown,
 * after a confirmation ({@link TrialActions#delete}); the summary is then recomputed. The ledger keeps what
 * the call cost.
 */
final class TrialDeletion {

    private TrialDeletion() {}

    static MenuButton button(ResultsViewModel vm) {
        MenuItem base = new MenuItem("Delete the baseline's trial…");
        MenuItem opt = new MenuItem("Delete the optimized variant's trial…");
        base.setOnAction(e -> vm.trials().delete(0));
        opt.setOnAction(e -> vm.trials().delete(1));
        MenuButton b = new MenuButton("Delete trial", null, base, opt);
        b.setId("lab-delete-trial");
        b.setTooltip(new Tooltip("Delete one trial of this input, model and repetition (e.g. an outlier or a broken "
                + "answer); the summary is recomputed and the ledger keeps what it cost"));
        b.setOnShowing(e -> {
            Trial[] p = vm.outputs().cellTrials();
            base.setDisable(p == null || p[0] == null);
            opt.setDisable(p == null || p[1] == null);
        });
        return b;
    }
}
