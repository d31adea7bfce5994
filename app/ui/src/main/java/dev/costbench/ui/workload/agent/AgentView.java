// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.workload.agent;

import dev.costbench.model.workload.agent.AgentStudy;
import dev.costbench.ui.common.View;
import dev.costbench.ui.workload.WorkloadForm;
import dev.costbench.ui.workload.WorkloadTable;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Agent sub-tab: the task's inputs on the left; on the right the cost per attempted and per successful task (as
 * typed and with the step cap), the planner comparison, and two charts: both costs as the failure rate varies, and
 * the cost per successful task of the cheap model everywhere against a planner on step one.
 */
public final class AgentView implements View<AgentViewModel> {

    private final AgentViewModel vm;
    private final SplitPane root;
    private final LineChart<Number, Number> sweep;
    private final BarChart<String, Number> planner;

    public AgentView(AgentViewModel vm) {
        this.vm = vm;
        WorkloadForm f = new WorkloadForm();
        f.heading("Task");
        f.model("agent-model", "Model", vm.models(), vm.modelProperty(), "The model that runs the steps");
        f.spinner(
                "agent-min-steps",
                "Fewest steps",
                vm.minStepsProperty(),
                1,
                500,
                1,
                "The fewest steps (model calls) a task needs");
        f.spinner(
                "agent-mode-steps",
                "Usual steps",
                vm.modeStepsProperty(),
                1,
                500,
                1,
                "The most usual number of steps: each step count's weight rises in a straight line from the fewest "
                        + "to this one, then falls to the most");
        f.spinner("agent-max-steps", "Most steps", vm.maxStepsProperty(), 1, 500, 1, "The most steps a task needs");
        f.spinner(
                "agent-instructions",
                "Instructions and tools (tokens)",
                vm.instructionTokensProperty(),
                0,
                1_000_000,
                100,
                "System prompt and tool definitions, sent with every call");
        f.spinner(
                "agent-task",
                "Task (tokens)",
                vm.taskTokensProperty(),
                0,
                1_000_000,
                50,
                "The task as the user gives it, sent with every call");
        f.spinner(
                "agent-output",
                "Output per step (tokens)",
                vm.outputPerStepProperty(),
                0,
                200_000,
                50,
                "What each call writes; it stays in the context of later calls");
        f.spinner(
                "agent-tool-output",
                "Tool output per step (tokens)",
                vm.toolOutputTokensProperty(),
                0,
                1_000_000,
                100,
                "What a tool returns after each step; every later call carries it");
        f.spinner(
                "agent-tasks",
                "Tasks a month",
                vm.tasksPerMonthProperty(),
                0,
                2_000_000_000,
                1000,
                "Tasks started in a month");
        f.heading("Failures");
        f.spinner(
                "agent-failure",
                "Failure per step %",
                vm.failurePercentProperty(),
                0,
                99,
                1,
                "The chance that one call of a step fails and is sent again");
        f.spinner(
                "agent-retries",
                "Retries per failed step",
                vm.retryCapProperty(),
                0,
                20,
                1,
                "How many times a failed step is sent again before the task fails");
        f.lever(
                "agent-success-typed",
                "Type the share of tasks that succeed",
                vm.successTypedProperty(),
                "Use a measured success share instead of the computed one for the cost per successful task");
        f.spinner(
                "agent-success",
                "Tasks that succeed %",
                vm.successPercentProperty(),
                1,
                100,
                1,
                "Measured share of tasks that succeed");
        f.heading("Levers");
        f.lever(
                "agent-cap-on",
                "Cap steps",
                vm.capOnProperty(),
                "Stop a task after this many steps; tasks that need more fail");
        f.spinner("agent-cap", "Most steps allowed", vm.stepCapProperty(), 1, 500, 1, "The step cap");
        f.model(
                "agent-planner",
                "Planner model (step one)",
                vm.models(),
                vm.plannerProperty(),
                "Seed 001: a stronger model plans on step one");
        f.spinner(
                "agent-planner-failure",
                "Failure per step with the planner %",
                vm.plannerFailurePercentProperty(),
                0,
                99,
                1,
                "A better plan makes fewer mistakes downstream");
        ScrollPane inputs = new ScrollPane(f.grid());
        inputs.setFitToWidth(true);
        inputs.setPadding(new Insets(8));

        Label summary = new Label();
        summary.setId("agent-summary");
        summary.setWrapText(true);
        summary.setStyle("-fx-font-weight: bold;");
        summary.textProperty().bind(vm.summaryProperty());
        TableView<WorkloadTable.Row> table = WorkloadTable.view("agent-table", vm.table());
        table.setPrefHeight(275);
        table.setMinHeight(275);
        sweep = new LineChart<>(axis("Failure per step %"), WorkloadForm.moneyAxis("Cost per task"));
        sweep.setId("agent-sweep-chart");
        sweep.setTitle("Cost per task as the failure rate varies");
        sweep.setAnimated(false);
        sweep.setCreateSymbols(true);
        planner = new BarChart<>(new CategoryAxis(), WorkloadForm.moneyAxis("Cost per successful task"));
        planner.setId("agent-planner-chart");
        planner.setTitle("Planner comparison");
        planner.setAnimated(false);
        planner.setLegendVisible(false);
        HBox.setHgrow(sweep, Priority.ALWAYS);
        HBox charts = new HBox(8, sweep, planner);
        planner.setPrefWidth(280);
        VBox.setVgrow(charts, Priority.ALWAYS);
        Label message = new Label();
        message.setId("agent-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        VBox results = new VBox(6, summary, table, charts, message);
        results.setPadding(new Insets(8));
        root = new SplitPane(inputs, results);
        root.setDividerPositions(0.33);
        vm.sweep().addListener((ListChangeListener<AgentStudy.Point>) c -> draw());
        draw();
    }

    private static NumberAxis axis(String label) {
        NumberAxis a = new NumberAxis(0, 50, 5);
        a.setLabel(label);
        return a;
    }

    private void draw() {
        sweep.getData().clear();
        planner.getData().clear();
        XYChart.Series<Number, Number> attempted = new XYChart.Series<>();
        attempted.setName("Per attempted task");
        XYChart.Series<Number, Number> successful = new XYChart.Series<>();
        successful.setName("Per successful task");
        for (AgentStudy.Point p : vm.sweep()) {
            double rate = p.failureRate().movePointRight(2).doubleValue();
            attempted
                    .getData()
                    .add(new XYChart.Data<>(rate, p.perAttemptedTask().doubleValue()));
            if (p.perSuccessfulTask() != null) {
                successful
                        .getData()
                        .add(new XYChart.Data<>(rate, p.perSuccessfulTask().doubleValue()));
            }
        }
        sweep.getData().add(attempted);
        sweep.getData().add(successful);
        AgentStudy s = vm.study();
        if (s == null) {
            return;
        }
        XYChart.Series<String, Number> bars = new XYChart.Series<>();
        bars.getData().add(bar("Cheap model everywhere", s.cheap()));
        if (s.planned() != null) {
            bars.getData().add(bar("Planner on step one", s.planned()));
        }
        planner.getData().add(bars);
    }

    private static XYChart.Data<String, Number> bar(String name, AgentStudy.Result r) {
        return new XYChart.Data<>(
                name,
                r.cost().perSuccessfulTask() == null
                        ? 0
                        : r.cost().perSuccessfulTask().doubleValue());
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public AgentViewModel viewModel() {
        return vm;
    }
}
