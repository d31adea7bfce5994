// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.scenario;

import dev.costbench.model.scenario.BudgetBreach;
import dev.costbench.model.scenario.MonthFigures;
import dev.costbench.model.scenario.Waterfall;
import java.math.BigDecimal;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The twelve projected months: the bill before the levers and after them, each month at its own catalog prices, so
 * a price that changes shows as a step. Labels the first and last month and every month whose bill steps.
 */
final class MonthlyChart extends ChartPane {

    private static final Color BASELINE = Color.web("#8a8f98");
    private static final Color OPTIMIZED = Color.web("#2e9e5b");

    private static final Color BUDGET = Color.web("#c0392b");

    private List<MonthFigures> months = List.of();
    private BudgetBreach budget;

    void show(Waterfall w) {
        months = w == null ? List.of() : w.months();
        budget = w == null ? null : w.budget();
        draw();
    }

    @Override
    void paint(GraphicsContext g, double w, double h) {
        if (months.isEmpty() || w < 50 || h < 50) {
            return;
        }
        double max = months.stream()
                .mapToDouble(
                        m -> Math.max(m.baseline().doubleValue(), m.optimized().doubleValue()))
                .max()
                .orElse(1);
        if (budget != null) {
            max = Math.max(max, budget.budget().doubleValue());
        }
        max = max <= 0 ? 1 : max * 1.15;
        double left = 12;
        double right = 12;
        double top = 18;
        double bottom = 34;
        double step = (w - left - right) / months.size();
        g.setFont(Font.font(11));
        g.setStroke(Color.gray(0.75));
        g.setLineWidth(1);
        g.strokeLine(left, h - bottom, w - right, h - bottom);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.setFill(mutedText());
        for (int i = 0; i < months.size(); i++) {
            MonthFigures m = months.get(i);
            String label = m.month().getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            if (i == 0 || m.month().getMonthValue() == 1) {
                label += " " + m.month().getYear();
            }
            g.fillText(label, left + step * (i + 0.5), h - bottom + 4);
        }
        series(g, MonthFigures::baseline, BASELINE, max, left, top, h - bottom, step);
        series(g, MonthFigures::optimized, OPTIMIZED, max, left, top, h - bottom, step);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFill(BASELINE);
        g.fillText("— before the levers", left, 2);
        g.setFill(OPTIMIZED);
        g.fillText("— after the levers", left + 130, 2);
        if (budget != null) {
            budget(g, max, left, w - right, top, h - bottom, step);
        }
    }

    /** The budget as a dashed line, the first month over it marked, and the budget's line of the report. */
    private void budget(GraphicsContext g, double max, double left, double end, double top, double base, double step) {
        double y = base - (base - top) * budget.budget().doubleValue() / max;
        g.setStroke(BUDGET);
        g.setLineWidth(1.5);
        g.setLineDashes(6, 4);
        g.strokeLine(left, y, end, y);
        g.setLineDashes();
        int i = budget.index() - 1;
        if (budget.breached() && i < months.size()) {
            double x = left + step * (i + 0.5);
            g.strokeLine(x, top, x, base);
        }
        g.setFill(BUDGET);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(shorten(budget.line(), end - left - 260), left + 260, 2);
    }

    private void series(
            GraphicsContext g,
            Function<MonthFigures, BigDecimal> value,
            Paint colour,
            double max,
            double left,
            double top,
            double base,
            double step) {
        double plotH = base - top;
        g.setStroke(colour);
        g.setLineWidth(2);
        double px = 0;
        double py = 0;
        for (int i = 0; i < months.size(); i++) {
            double x = left + step * (i + 0.5);
            double y = base - plotH * value.apply(months.get(i)).doubleValue() / max;
            if (i > 0) {
                // A horizontal run then a vertical step: a new price applies from the first of the month.
                g.strokeLine(px, py, x, py);
                g.strokeLine(x, py, x, y);
            }
            px = x;
            py = y;
        }
        g.setFill(text());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        for (int i = 0; i < months.size(); i++) {
            boolean stepped = i > 0
                    && value.apply(months.get(i)).compareTo(value.apply(months.get(i - 1))) != 0
                    && changesPrice(i);
            if (i == 0 || i == months.size() - 1 || stepped) {
                double x = left + step * (i + 0.5);
                double y = base - plotH * value.apply(months.get(i)).doubleValue() / max;
                g.fillText(Figures.amount(value.apply(months.get(i))), x, y - 3);
            }
        }
    }

    /** True when month {@code i} differs from the month before by more than its growth (a price change). */
    private boolean changesPrice(int i) {
        MonthFigures a = months.get(i - 1);
        MonthFigures b = months.get(i);
        double ra = a.baseline().signum() == 0
                ? 1
                : b.baseline().doubleValue() / a.baseline().doubleValue();
        double rb = i < 2 || months.get(i - 2).baseline().signum() == 0
                ? 1
                : a.baseline().doubleValue() / months.get(i - 2).baseline().doubleValue();
        return Math.abs(ra - rb) > 1e-9;
    }
}
