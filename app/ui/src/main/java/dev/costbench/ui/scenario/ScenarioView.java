// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.scenario;

import dev.costbench.ui.common.View;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * The what-if planner: a workload of request types, the stack of cost levers as toggles with sliders, and the
 * waterfall from the naive bill to the optimized one, recomputed on every change. Levers on different parts of the
 * bill multiply, levers on the same part overlap — the model never multiplies headline percentages. Lays out the
 * sections and binds them to {@link ScenarioViewModel}.
 */
public final class ScenarioView extends BorderPane implements View<ScenarioViewModel> {

    private final ScenarioViewModel vm;

    public ScenarioView(ScenarioViewModel vm) {
        this.vm = vm;
        setId("scenario-view");
        setTop(new ScenarioToolbar(vm));
        VBox left = new VBox(6, new RequestTypesPane(vm.requests(), vm.results()), new LeversPane(vm.levers()));
        left.setPadding(new Insets(6, 10, 10, 10));
        ScrollPane leftScroll = new ScrollPane(left);
        leftScroll.setFitToWidth(true);
        SplitPane split = new SplitPane(leftScroll, new ResultsPane(vm));
        split.setDividerPositions(0.40);
        setCenter(split);
    }

    @Override
    public Parent root() {
        return this;
    }

    @Override
    public ScenarioViewModel viewModel() {
        return vm;
    }
}
