// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.scenario;

import dev.costbench.model.scenario.HeavyTailFigures;
import dev.costbench.model.scenario.Waterfall;
import java.math.BigDecimal;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Heavy-tail users: the bill per user at p50, p90 and p99 as bars, each plan price as a dashed line; a bar above a
 * plan price (a user who costs more than they pay) is drawn in red.
 */
final class HeavyTailChart extends ChartPane {

    private static final Color BAR = Color.web("#3d7dca");
    private static final Color LOSS = Color.web("#c0392b");
    private static final Color PLAN = Color.web("#8a8f98");

    private HeavyTailFigures figures;

    HeavyTailChart() {
        setMinSize(200, 120);
    }

    void show(Waterfall w) {
        figures = w == null ? null : w.heavyTail();
        draw();
    }

    @Override
    void paint(GraphicsContext g, double w, double h) {
        g.setFont(Font.font(11));
        if (figures == null) {
            g.setFill(mutedText());
            g.setTextBaseline(VPos.TOP);
            g.fillText("Type p50, p90 and p99 to see the bill per user.", 4, 4);
            return;
        }
        if (w < 80 || h < 60) {
            return;
        }
        double max = 0;
        for (BigDecimal v : figures.perUser()) {
            max = Math.max(max, v.doubleValue());
        }
        for (HeavyTailFigures.Plan p : figures.plans()) {
            max = Math.max(max, p.price().doubleValue());
        }
        max = max <= 0 ? 1 : max * 1.2;
        double top = 18;
        double bottom = 20;
        double base = h - bottom;
        double plotW = w - 90;
        double slot = plotW / figures.perUser().size();
        g.setTextAlign(TextAlignment.CENTER);
        for (int i = 0; i < figures.perUser().size(); i++) {
            BigDecimal bill = figures.perUser().get(i);
            boolean loss = figures.plans().stream().anyMatch(p -> bill.compareTo(p.price()) > 0);
            double bh = (base - top) * bill.doubleValue() / max;
            double x = 10 + slot * i + slot * 0.2;
            g.setFill(loss ? LOSS : BAR);
            g.fillRect(x, base - bh, slot * 0.6, bh);
            g.setFill(text());
            g.setTextBaseline(VPos.BOTTOM);
            g.fillText(Figures.amount(bill), x + slot * 0.3, base - bh - 2);
            g.setFill(mutedText());
            g.setTextBaseline(VPos.TOP);
            g.fillText(HeavyTailFigures.LABELS.get(i), x + slot * 0.3, base + 3);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setLineDashes(5, 4);
        g.setLineWidth(1.5);
        for (HeavyTailFigures.Plan p : figures.plans()) {
            double y = base - (base - top) * p.price().doubleValue() / max;
            g.setStroke(PLAN);
            g.strokeLine(10, y, 10 + plotW, y);
            g.setFill(mutedText());
            g.fillText("plan " + Figures.amount(p.price()), 14 + plotW, y);
        }
        g.setLineDashes();
        g.setTextBaseline(VPos.TOP);
        g.setFill(mutedText());
        g.fillText("Bill per user a month (red: above a plan)", 10, 2);
    }
}
