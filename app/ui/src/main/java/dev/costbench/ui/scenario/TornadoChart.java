// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.scenario;

import dev.costbench.model.scenario.Tornado;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** The uncertain inputs, each moved to its low and high value: the spread of the optimized monthly bill. */
final class TornadoChart extends ChartPane {
    private Tornado.Result result;

    void show(Tornado.Result r) {
        result = r;
        draw();
    }

    @Override
    void paint(GraphicsContext g, double w, double h) {
        if (result == null || result.bars().isEmpty() || w < 80) {
            return;
        }
        double center = result.monthly().doubleValue();
        double lo = result.rangeLow().doubleValue();
        double hi = result.rangeHigh().doubleValue();
        double span = Math.max(1e-9, Math.max(center - lo, hi - center)) * 1.15;
        double labelW = Math.min(190, w * 0.32);
        double plotL = labelW + 8;
        double plotW = w - plotL - 10;
        double top = 20;
        int n = result.bars().size();
        double row = Math.min(26, (h - top - 6) / Math.max(1, n));
        g.setFont(Font.font(11));
        g.setFill(mutedText());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(
                "Optimized $ per month as each uncertain input moves low ↔ high (centre: "
                        + Figures.amount(result.monthly()) + ")",
                2,
                2);
        double cx = plotL + plotW / 2;
        for (int i = 0; i < n; i++) {
            Tornado.Bar b = result.bars().get(i);
            double a = b.monthlyAtLow().doubleValue();
            double z = b.monthlyAtHigh().doubleValue();
            double y = top + i * row;
            double xa = cx + (a - center) / span * plotW / 2;
            double xz = cx + (z - center) / span * plotW / 2;
            g.setFill(Color.web("#f0ad4e"));
            g.fillRect(Math.min(xa, cx), y + 3, Math.abs(xa - cx), row - 6);
            g.setFill(Color.web("#5bc0de"));
            g.fillRect(Math.min(xz, cx), y + 3, Math.abs(xz - cx), row - 6);
            g.setFill(text());
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(shorten(b.lowLabel() + " ↔ " + b.highLabel(), labelW), labelW, y + row / 2, labelW);
        }
        g.setStroke(Color.gray(0.4));
        g.strokeLine(cx, top, cx, top + n * row);
    }
}
