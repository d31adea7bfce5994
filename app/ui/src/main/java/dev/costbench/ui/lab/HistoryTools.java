// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import dev.costbench.ui.common.DisabledReason;
import javafx.beans.binding.IntegerBinding;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;

/** The history's buttons and context menu: new, rerun, export, reload, delete, compare, re-price, import. */
final class HistoryTools {

    private HistoryTools() {}

    static FlowPane bar(LabViewModel vm, IntegerBinding selected) {
        HistoryViewModel h = vm.history();
        Button newExp = button(
                "New experiment…",
                "lab-new",
                "Baseline vs optimized prompt on one or more models, N " + "repetitions, a budget cap",
                vm::showSetup);
        newExp.setDisable(vm.setup() == null);
        Button rerun = button(
                "Rerun",
                "lab-rerun",
                "Duplicate the experiment's setup as a new run (or resume an " + "interrupted one)",
                vm::rerunSelected);
        rerun.setDisable(vm.setup() == null);
        Button export = button(
                "Export…",
                "lab-export",
                "The experiment with every trial as JSON or CSV (never a key)",
                h::exportSelected);
        Button refresh = button("⟳", "lab-refresh", "Reload the history", h::refresh);
        refresh.setAccessibleText("Reload the history");
        Button delete = button(
                "Delete",
                "lab-delete",
                "Delete the experiment and its trials (the ledger of money " + "spent is kept)",
                h::deleteSelected);
        Button compare = button(
                "Compare",
                "lab-compare-button",
                "Select two experiments (Ctrl+click) to see how cost "
                        + "per call, tokens, latency and quality changed from the earlier to the later run, with 95 % "
                        + "intervals (Ctrl+Shift+C in the list)",
                vm::compareSelected);
        DisabledReason.bind(compare, h.twoSelectedReason());
        // Buttons that act on the selected experiment wait for one to be selected, and say so.
        for (Button b : new Button[] {export, delete}) {
            DisabledReason.bind(b, h.oneSelectedReason());
        }
        if (vm.setup() != null) {
            DisabledReason.bind(rerun, h.oneSelectedReason());
        }
        Button reprice = button(
                "Re-price",
                "lab-reprice-button",
                "Re-price at today's prices: each call's stored "
                        + "usage at the current catalog's prices, then vs now (the stored costs are not changed; "
                        + "Ctrl+Shift+P in the list)",
                vm::repriceSelected);
        Button importBtn = button(
                "Import…",
                "lab-import",
                "Import an experiment exported as JSON (or drop a .json " + "file on the list; Ctrl+I in the list)",
                h::importChosen);
        DisabledReason.bind(reprice, h.oneSelectedReason());
        Button promptfooIn = button(
                "Import promptfoo config…",
                "lab-import-promptfoo",
                "A promptfooconfig.yaml as a new experiment (prompts, providers, tests, the assertions CostBench can "
                        + "check, llm-rubric as the judge), with a report of what was not mapped; press Rerun to run it",
                vm.promptfoo()::importChosen);
        promptfooIn.setDisable(vm.setup() == null);
        Button promptfooOut = button(
                "Export for promptfoo…",
                "lab-export-promptfoo",
                "The selected experiment's results in promptfoo's results.json shape, for promptfoo's viewer",
                () -> vm.promptfoo().exportChosen(h.selected()));
        DisabledReason.bind(promptfooOut, h.oneSelectedReason());
        FlowPane tools = new FlowPane(
                6, 6, newExp, rerun, export, refresh, delete, compare, reprice, importBtn, promptfooIn, promptfooOut);
        tools.setAlignment(Pos.CENTER_LEFT);
        return tools;
    }

    /** A button with its id, tooltip and action (also the setup's tools box Open…). */
    static Button button(String text, String id, String tooltip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tooltip));
        b.setOnAction(e -> action.run());
        return b;
    }

    static ContextMenu contextMenu(LabViewModel vm) {
        HistoryViewModel h = vm.history();
        MenuItem cmp = item("Compare the two selected  (Ctrl+Shift+C)", vm::compareSelected);
        MenuItem rep = item("Re-price at today's prices  (Ctrl+Shift+P)", vm::repriceSelected);
        MenuItem exp = item("Export…", h::exportSelected);
        MenuItem imp = item("Import JSON…  (Ctrl+I)", h::importChosen);
        MenuItem del = item("Delete  (Del)", h::deleteSelected);
        ContextMenu m = new ContextMenu(cmp, rep, new SeparatorMenuItem(), exp, imp, new SeparatorMenuItem(), del);
        m.setOnShowing(e -> cmp.setDisable(h.selection().size() != 2));
        return m;
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem i = new MenuItem(text);
        i.setOnAction(e -> action.run());
        return i;
    }
}
