// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.cost.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;

/**
 * The breakdown's price-history chart: a step line per price kind (input, output) over time, today marked with a
 * dashed line, a tooltip on every step; or the "no price changes recorded" message.
 */
final class BreakdownHistoryChart extends VBox {

    private static final double W = 460;
    private static final double H = 120;
    private static final double LEFT = 58;
    private static final double RIGHT = 12;
    private static final double TOP = 8;
    private static final double BOTTOM = 22;
    private static final String[] COLORS = {"#3b82f6", "#f59e0b"};

    BreakdownHistoryChart() {
        super(4);
        setId("price-history");
    }

    void show(BreakdownHistoryViewModel.History h) {
        getChildren().clear();
        if (h == null) {
            return;
        }
        Label title = new Label("Price history");
        title.getStyleClass().add("breakdown-head");
        getChildren().add(title);
        if (!h.changes()) {
            Label none = new Label(h.message());
            none.setId("price-history-none");
            none.getStyleClass().add("text-muted");
            none.setWrapText(true);
            getChildren().add(none);
            return;
        }
        Pane plot = new Pane();
        plot.setId("price-history-plot");
        plot.setMinSize(W, H);
        plot.setPrefSize(W, H);
        plot.setMaxSize(W, H);
        BigDecimal max = h.series().stream()
                .flatMap(s -> s.steps().stream())
                .map(BreakdownHistoryViewModel.Step::perMTok)
                .max(BigDecimal::compareTo)
                .orElse(BigDecimal.ONE);
        double top = max.doubleValue() * 1.1; // layout only: the amounts shown are the exact prices
        long days = Math.max(1, ChronoUnit.DAYS.between(h.start(), h.end()));
        Axis ax = new Axis(h.start(), days, top <= 0 ? 1 : top);
        Line base = new Line(LEFT, H - BOTTOM, W - RIGHT, H - BOTTOM);
        base.getStyleClass().add("history-axis");
        base.setStyle("-fx-stroke: -color-border-default, #888888;");
        plot.getChildren().add(base);
        plot.getChildren().add(at(new Label(Money.perMTok(max)), 0, ax.y(max.doubleValue()) - 8));
        plot.getChildren().add(at(new Label(h.start().toString()), LEFT - 30, H - BOTTOM + 2));
        plot.getChildren().add(at(new Label(h.end().toString()), W - RIGHT - 64, H - BOTTOM + 2));
        for (int i = 0; i < h.series().size(); i++) {
            drawSeries(plot, ax, h.series().get(i).steps(), COLORS[i % COLORS.length]);
        }
        double tx = ax.x(h.today());
        Line today = new Line(tx, TOP, tx, H - BOTTOM);
        today.setId("price-history-today");
        today.getStrokeDashArray().addAll(4.0, 4.0);
        today.setStyle("-fx-stroke: #888888;");
        Tooltip.install(today, new Tooltip("Today, " + h.today()));
        plot.getChildren().add(today);
        plot.getChildren().add(at(new Label("today"), tx + 3, TOP - 4));
        HBox legend = new HBox(12);
        for (int i = 0; i < h.series().size(); i++) {
            Label l = new Label("━ " + h.series().get(i).kind());
            l.setStyle("-fx-text-fill: " + COLORS[i % COLORS.length] + ";");
            legend.getChildren().add(l);
        }
        Label unit = new Label("USD per 1M tokens; hover a step for its dates and source");
        unit.getStyleClass().add("text-muted");
        legend.getChildren().add(unit);
        getChildren().addAll(plot, legend);
    }

    private static void drawSeries(Pane plot, Axis ax, List<BreakdownHistoryViewModel.Step> steps, String color) {
        Double lastX = null;
        Double lastY = null;
        for (BreakdownHistoryViewModel.Step s : steps) {
            double x0 = ax.x(s.from());
            double x1 = ax.x(s.until().plusDays(1));
            double y = ax.y(s.perMTok().doubleValue());
            if (lastX != null) {
                Line riser = new Line(lastX, lastY, x0, y);
                riser.setStyle("-fx-stroke: " + color + "; -fx-stroke-width: 1;");
                plot.getChildren().add(riser);
            }
            Line step = new Line(x0, y, x1, y);
            step.getStyleClass().add("history-step");
            step.setStyle("-fx-stroke: " + color + "; -fx-stroke-width: 3;");
            Tooltip tip = new Tooltip(s.tooltip());
            tip.setWrapText(true);
            tip.setMaxWidth(460);
            Tooltip.install(step, tip);
            plot.getChildren().add(step);
            lastX = x1;
            lastY = y;
        }
    }

    private static Label at(Label l, double x, double y) {
        l.setLayoutX(Math.max(0, x));
        l.setLayoutY(Math.max(0, y));
        l.getStyleClass().add("text-muted");
        l.setStyle("-fx-font-size: 0.85em;");
        return l;
    }

    /** Days and prices to pixels. */
    private record Axis(LocalDate start, long days, double top) {

        double x(LocalDate d) {
            double f = (double) ChronoUnit.DAYS.between(start, d) / days;
            return LEFT + Math.max(0, Math.min(1, f)) * (W - LEFT - RIGHT);
        }

        double y(double price) {
            return H - BOTTOM - price / top * (H - TOP - BOTTOM);
        }
    }
}
