// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.scenario;

import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** "Users and budget": heavy-tail users and the monthly budget typed in, the bill per user as a chart, the lines. */
final class OutlookPane extends HBox {

    private static final Map<String, String> TIPS = Map.of(
            "p50", "Conversations (or tasks, queries, requests) a typical user makes a month",
            "p90", "…that 90 % of users stay under",
            "p99", "…that 99 % of users stay under; a lognormal is fitted to the three",
            "users", "Users a month (blank: the workload's users)",
            "plans", "Monthly plan prices per user to test, e.g. 10, 20",
            "budget", "The most the bill may be in a month: the month chart marks it and the first month over it");

    OutlookPane(ScenarioViewModel vm) {
        super(12);
        OutlookModel m = vm.outlook();
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(4);
        int i = 0;
        for (Map.Entry<String, String> d : OutlookModel.FIELDS.entrySet()) {
            TextField f = new TextField();
            f.setId("outlook-" + d.getKey());
            f.setPrefColumnCount(6);
            f.setMinWidth(Region.USE_PREF_SIZE);
            f.textProperty().bindBidirectional(m.field(d.getKey()));
            f.setTooltip(new Tooltip(TIPS.get(d.getKey())));
            f.setAccessibleText(d.getValue());
            Label label = new Label(d.getValue());
            label.setMinWidth(Region.USE_PREF_SIZE);
            label.setLabelFor(f);
            // two columns of three: the percentiles on the left, users, plans and budget on the right
            grid.add(label, i / 3 * 2, i % 3);
            grid.add(f, i / 3 * 2 + 1, i % 3);
            i++;
        }
        Label problem = new Label();
        problem.setId("outlook-problem");
        problem.setWrapText(true);
        problem.setStyle("-fx-text-fill: -color-danger-fg;");
        problem.textProperty().bind(m.problemProperty());
        Label summary = new Label();
        summary.setId("outlook-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(m.summaryProperty());
        HeavyTailChart chart = new HeavyTailChart();
        chart.setId("heavy-tail-chart");
        chart.show(vm.results().waterfallProperty().get());
        vm.results().waterfallProperty().addListener((o, a, w) -> chart.show(w));
        ScrollPane lines = new ScrollPane(summary);
        lines.setFitToWidth(true);
        lines.setMinHeight(0);
        VBox left = new VBox(4, grid, problem, lines);
        VBox.setVgrow(lines, Priority.ALWAYS);
        left.setMinWidth(Region.USE_PREF_SIZE);
        lines.setPrefWidth(100); // the grid sets the column's width; the lines wrap inside it
        HBox.setHgrow(chart, Priority.ALWAYS);
        getChildren().addAll(left, chart);
        setPadding(new Insets(4, 0, 0, 0));
        setMinHeight(0);
    }
}
