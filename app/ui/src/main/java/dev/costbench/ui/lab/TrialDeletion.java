// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import dev.costbench.model.cost.Money;
import dev.costbench.model.lab.LabStore;
import dev.costbench.model.lab.Trial;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;

/**
 * "Delete trial ▾" in the outputs view: deletes the baseline's or the optimized variant's trial of the cell shown,
 * after a confirmation; the summary is then recomputed. The ledger keeps what the call cost.
 */
final class TrialDeletion {

    private TrialDeletion() {
    }

    /**
     * @param cell      the shown cell's [baseline, optimized] trials (either may be null)
     * @param afterward called on the FX thread after a deletion (re-shows the results)
     */
    static MenuButton button(Supplier<Trial[]> cell, LabStore store, Runnable afterward) {
        MenuItem base = new MenuItem("Delete the baseline's trial…");
        MenuItem opt = new MenuItem("Delete the optimized variant's trial…");
        base.setOnAction(e -> confirmAndDelete(cell.get(), 0, store, afterward));
        opt.setOnAction(e -> confirmAndDelete(cell.get(), 1, store, afterward));
        MenuButton b = new MenuButton("Delete trial", null, base, opt);
        b.setId("lab-delete-trial");
        b.setTooltip(new Tooltip("Delete one trial of this input, model and repetition (e.g. an outlier or a broken "
                + "answer); the summary is recomputed and the ledger keeps what it cost"));
        b.setOnShowing(e -> {
            Trial[] p = cell.get();
            base.setDisable(p == null || p[0] == null);
            opt.setDisable(p == null || p[1] == null);
        });
        return b;
    }

    private static void confirmAndDelete(Trial[] pair, int side, LabStore store, Runnable afterward) {
        Trial t = pair == null ? null : pair[side];
        if (t == null) {
            return;
        }
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "Delete trial " + t.id() + " (" + t.cell().modelId()
                + ", repetition " + t.cell().repetition() + ", " + (t.costUsd() == null ? "unpriced"
                : Money.format(t.costUsd())) + ")? The summary is recomputed without it; the ledger keeps what the "
                + "call cost. A resumed run would call this cell again.", ButtonType.OK, ButtonType.CANCEL);
        a.setHeaderText("Delete one trial");
        a.getDialogPane().setId("lab-delete-trial-confirm");
        if (a.showAndWait().orElse(ButtonType.CANCEL) == ButtonType.OK) {
            store.deleteTrial(t.id());
            afterward.run();
        }
    }
}
