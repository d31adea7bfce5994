// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.lab.calibration.Calibration;
import dev.costbench.model.lab.calibration.ContentKinds;
import dev.costbench.model.lab.calibration.Correction;
import dev.costbench.model.prompt.ModelTokenCounter;
import dev.costbench.model.prompt.TextStats;
import dev.costbench.ui.common.UiContext;
import dev.costbench.ui.common.ViewModel;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;

/**
 * "Reset calibration…" in the Send pane: forgets the exact counts of the selected model's tokenizer family (after
 * the user confirms), so its estimates are uncalibrated again.
 */
public final class CalibrationActions implements ViewModel {

    private final UiContext ui;
    private final CalibrationRecorder recorder;
    private final ObjectProperty<ModelEntry> model;
    private final Runnable changed;
    private final BooleanBinding canReset;
    private final StringBinding resetReason;

    CalibrationActions(UiContext ui, CalibrationRecorder recorder, ObjectProperty<ModelEntry> model, Runnable changed) {
        this.ui = ui;
        this.recorder = recorder;
        this.model = model;
        this.changed = changed;
        this.canReset = Bindings.createBooleanBinding(() -> estimated(model.get()), model);
        this.resetReason = Bindings.createStringBinding(
                () -> model.get() == null
                        ? "Select a model in the table: its tokenizer family's calibration is reset."
                        : estimated(model.get())
                                ? ""
                                : model.get().name() + "'s tokens are counted exactly; there is no calibration to "
                                        + "reset.",
                model);
    }

    /** Whether {@code m}'s counts are estimates (only those are calibrated). */
    private static boolean estimated(ModelEntry m) {
        return m != null
                && !ModelTokenCounter.count(m, List.of(TextStats.EMPTY)).exact();
    }

    public BooleanBinding canResetProperty() {
        return canReset;
    }

    /** Why Reset calibration can do nothing now ("" when it can). */
    public StringBinding resetBlockedReason() {
        return resetReason;
    }

    /** Asks, then forgets the selected model's family's counts in the background and recounts the table. */
    public void reset() {
        ModelEntry m = model.get();
        if (!canReset.get()) {
            return;
        }
        String family = m.tokenizer();
        String name = ContentKinds.familyLabel(family);
        if (!recorder.calibrations().available()) {
            ui.dialogs()
                    .warning(
                            "The calibration cannot be reset now",
                            "The results store, where the exact counts are kept, is not open. Wait until it has "
                                    + "opened (or restore a backup with Help ▸ Restore a backup…) and try again.");
            return;
        }
        int counts = recorder.calibrations().current().corrections().stream()
                .filter(c -> c.family().equals(family) && c.kind().equals(Calibration.ALL_KINDS))
                .mapToInt(Correction::counts)
                .findFirst()
                .orElse(0);
        if (!ui.dialogs()
                .confirm(
                        "Reset the " + name + " calibration?",
                        String.format(
                                Locale.ROOT,
                                "CostBench forgets the %d exact count%s kept for %s models (every content kind). "
                                        + "Their estimates are uncalibrated again until %d new counts are made "
                                        + "with Count exactly, Send or an A/B run.",
                                counts,
                                counts == 1 ? "" : "s",
                                name,
                                Calibration.MIN_COUNTS),
                        "Reset")) {
            return;
        }
        ui.tasks()
                .task("reset calibration", p -> recorder.calibrations().reset(family))
                .onSuccess(n -> {
                    changed.run();
                    ui.dialogs()
                            .notify(String.format(
                                    Locale.ROOT,
                                    "Forgot %d exact count%s of %s: its estimates are uncalibrated again.",
                                    n,
                                    n == 1 ? "" : "s",
                                    name));
                })
                .onFailure(e -> ui.dialogs()
                        .error(
                                "The " + name + " calibration was not reset",
                                UiContext.describe(e) + " — the counts are unchanged; try again, or check the results "
                                        + "store with Help."))
                .start();
    }
}
