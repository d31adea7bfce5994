// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.workload.conversation;

import dev.costbench.model.cost.Money;
import java.math.BigDecimal;
import java.util.List;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;
import javafx.util.StringConverter;

/**
 * Cumulative cost by turn, one line per strategy; each point's tooltip gives the turn's cost, the cost so far and
 * its tokens. Axis labels go through the app's money formatter.
 */
final class CumulativeCostChart extends LineChart<Number, Number> {

    CumulativeCostChart() {
        super(new NumberAxis(), new NumberAxis());
        NumberAxis x = (NumberAxis) getXAxis();
        NumberAxis y = (NumberAxis) getYAxis();
        x.setLabel("Turn");
        x.setForceZeroInRange(false);
        x.setMinorTickVisible(false);
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return n.doubleValue() == Math.rint(n.doubleValue()) ? Long.toString(n.longValue()) : "";
            }

            @Override
            public Number fromString(String s) {
                return Double.valueOf(s);
            }
        });
        y.setLabel("Cost so far");
        y.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return Money.format(BigDecimal.valueOf(n.doubleValue()));
            }

            @Override
            public Number fromString(String s) {
                return Double.valueOf(s);
            }
        });
        setAnimated(false);
        setCreateSymbols(true);
        setMinHeight(220);
    }

    void show(List<ConversationResults.Line> lines) {
        getData().clear();
        for (ConversationResults.Line l : lines) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(l.name());
            for (ConversationResults.Point p : l.points()) {
                s.getData().add(new XYChart.Data<>(p.turn(), p.cumulativeUsd().doubleValue()));
            }
            getData().add(s);
            for (int i = 0; i < l.points().size(); i++) {
                XYChart.Data<Number, Number> d = s.getData().get(i);
                if (d.getNode() != null) {
                    Tooltip t = new Tooltip(l.points().get(i).tooltip());
                    t.setShowDelay(Duration.millis(100));
                    Tooltip.install(d.getNode(), t);
                }
            }
        }
    }
}
