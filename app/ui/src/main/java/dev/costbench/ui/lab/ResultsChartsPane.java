// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.ScatterChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.SplitPane;

/** The results' charts: cost vs quality, and latency median and p95, drawn from {@link ResultsCharts}. */
final class ResultsChartsPane extends SplitPane {

    private final ScatterChart<Number, Number> costQuality = new ScatterChart<>(new NumberAxis(), new NumberAxis());
    private final BarChart<String, Number> latency = new BarChart<>(new CategoryAxis(), new NumberAxis());

    /** @param basis how the costs are priced: "list price" or "your rates" */
    ResultsChartsPane(ResultsCharts data, ObservableStringValue basis) {
        costQuality.getXAxis().labelProperty().bind(Bindings.concat("mean $ per call (", basis, ")"));
        costQuality.getYAxis().labelProperty().bind(data.qualityAxisProperty());
        costQuality.titleProperty().bind(data.costTitleProperty());
        costQuality.setId("cost-quality-chart");
        costQuality.setAnimated(false);
        latency.setTitle("Latency (ms): median and p95");
        latency.setId("latency-chart");
        latency.setAnimated(false);
        getItems().addAll(costQuality, latency);
        setPrefHeight(300);
        data.points().addListener((ListChangeListener<ResultsCharts.CostPoint>) c -> points(data.points()));
        data.latency().addListener((ListChangeListener<ResultsCharts.LatencyBar>) c -> latency(data.latency()));
    }

    private void points(List<ResultsCharts.CostPoint> points) {
        costQuality.getData().clear();
        for (ResultsCharts.CostPoint p : points) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(p.name());
            s.getData().add(new XYChart.Data<>(p.costUsd(), p.quality()));
            costQuality.getData().add(s);
        }
    }

    private void latency(List<ResultsCharts.LatencyBar> bars) {
        latency.getData().clear();
        if (bars.isEmpty()) {
            return;
        }
        XYChart.Series<String, Number> p50 = new XYChart.Series<>();
        p50.setName("p50");
        XYChart.Series<String, Number> p95 = new XYChart.Series<>();
        p95.setName("p95");
        for (ResultsCharts.LatencyBar b : bars) {
            p50.getData().add(new XYChart.Data<>(b.key(), b.p50()));
            p95.getData().add(new XYChart.Data<>(b.key(), b.p95()));
        }
        latency.getData().addAll(List.of(p50, p95));
    }
}
