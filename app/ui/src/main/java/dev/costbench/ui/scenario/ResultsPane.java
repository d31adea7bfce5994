// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.scenario;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The figures: totals over the waterfall (and the compared scenario's beside it), the tornado, the status line. */
final class ResultsPane extends VBox {

    ResultsPane(ScenarioResults results) {
        super(6);
        Label totals = new Label();
        totals.setId("scenario-totals");
        totals.setWrapText(true);
        totals.setStyle("-fx-font-size: 13px;");
        totals.setMinHeight(Region.USE_PREF_SIZE);
        totals.textProperty().bind(results.totalsProperty());
        WaterfallChart chart = new WaterfallChart();
        chart.setId("waterfall");
        chart.show(results.waterfallProperty().get());
        results.waterfallProperty().addListener((o, a, b) -> chart.show(b));
        VBox main = new VBox(4, totals, chart);
        VBox.setVgrow(chart, Priority.ALWAYS);

        Label compareTotals = new Label();
        compareTotals.setWrapText(true);
        compareTotals.setMinHeight(Region.USE_PREF_SIZE);
        compareTotals.textProperty().bind(results.compareTotalsProperty());
        WaterfallChart compareChart = new WaterfallChart();
        compareChart.setId("compare-waterfall");
        results.compareWaterfallProperty().addListener((o, a, b) -> compareChart.show(b));
        VBox compareBox = new VBox(4, compareTotals, compareChart);
        VBox.setVgrow(compareChart, Priority.ALWAYS);
        SplitPane charts = new SplitPane(main);
        results.comparingProperty().addListener((o, a, on) -> {
            if (on && !charts.getItems().contains(compareBox)) {
                charts.getItems().add(compareBox);
            } else if (!on) {
                charts.getItems().remove(compareBox);
            }
        });

        TornadoChart tornado = new TornadoChart();
        tornado.setId("tornado");
        tornado.setMinHeight(150);
        tornado.show(results.tornadoProperty().get());
        results.tornadoProperty().addListener((o, a, b) -> tornado.show(b));
        SplitPane split = new SplitPane(charts, tornado);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.64);
        Label status = new Label();
        status.setId("scenario-status");
        status.setWrapText(true);
        status.textProperty().bind(results.statusProperty());
        getChildren().addAll(split, status);
        VBox.setVgrow(split, Priority.ALWAYS);
        setPadding(new Insets(6, 10, 10, 0));
    }
}
