// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import dev.costbench.model.lab.judge.JudgeSpec;
import dev.costbench.model.lab.stats.ExperimentResults;
import dev.costbench.model.lab.stats.QualityMeasure;
import dev.costbench.model.lab.stats.QualitySummary;
import dev.costbench.model.lab.stats.VariantModelSummary;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The data of the results' charts: cost vs quality (after the analysis) and latency p50 / p95 (at once). */
public final class ResultsCharts {

    /** A point of the cost-vs-quality chart, one series each. */
    public record CostPoint(String name, double costUsd, double quality) {}

    /** A bar pair of the latency chart ("verbose\ngpt-4o-mini"). */
    public record LatencyBar(String key, double p50, double p95) {}

    private static final String COST_TITLE = "Cost vs quality";
    private final ReadOnlyStringWrapper costTitle = new ReadOnlyStringWrapper(this, "costTitle", COST_TITLE);
    private final ReadOnlyStringWrapper qualityAxis =
            new ReadOnlyStringWrapper(this, "qualityAxis", ResultsText.qualityAxis(QualityMeasure.ROUGE_L, null));
    private final ObservableList<CostPoint> points = FXCollections.observableArrayList();
    private final ObservableList<LatencyBar> latency = FXCollections.observableArrayList();

    void clear() {
        points.clear();
        latency.clear();
    }

    /** The first step: the latency bars; the cost-vs-quality chart waits for the quality. */
    void preview(List<VariantModelSummary> rows) {
        points.clear();
        costTitle.set(COST_TITLE + " (computing…)");
        List<LatencyBar> bars = new ArrayList<>();
        for (VariantModelSummary s : rows) {
            if (s.latencyMs().n() > 0) {
                bars.add(new LatencyBar(
                        s.variantName() + "\n" + s.modelId(),
                        s.latencyMs().median(),
                        s.latencyMs().p95()));
            }
        }
        latency.setAll(bars);
    }

    /** The second step: one point per priced row at the quality the verdict watches; ★ the cheapest holding it. */
    void analysed(ExperimentResults r, JudgeSpec judge) {
        costTitle.set(COST_TITLE);
        var cheapest = r.cheapestHoldingQuality().orElse(null);
        QualityMeasure measure = r.thresholds().qualityMeasure();
        qualityAxis.set(ResultsText.qualityAxis(measure, judge == null ? null : judge.scale()));
        List<CostPoint> out = new ArrayList<>();
        for (VariantModelSummary s : r.summaries()) {
            if (s.meanCostUsd() == null) {
                continue;
            }
            QualitySummary q = r.qualityOf(s.variantId(), s.modelId()).orElse(null);
            double y = ResultsText.chartQuality(measure, s, q);
            if (!Double.isNaN(y)) {
                out.add(new CostPoint(
                        s.variantName() + " · " + s.modelId() + (s == cheapest ? " ★ cheapest that holds quality" : ""),
                        s.meanCostUsd().doubleValue(),
                        y));
            }
        }
        points.setAll(out);
    }

    public ReadOnlyStringProperty costTitleProperty() {
        return costTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty qualityAxisProperty() {
        return qualityAxis.getReadOnlyProperty();
    }

    public ObservableList<CostPoint> points() {
        return points;
    }

    public ObservableList<LatencyBar> latency() {
        return latency;
    }
}
