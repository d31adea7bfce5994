// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.scenario;

import dev.costbench.model.scenario.Waterfall;
import dev.costbench.model.scenario.WaterfallStep;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** Naive bill → one bar per enabled lever (its marginal saving) → optimized bill. */
final class WaterfallChart extends ChartPane {

    /**
     * One bar: where it starts and ends on the plot (pixels only), whether it is a total, and the exact amount its
     * label shows (the total, or the step's saving: negative when the lever adds cost).
     */
    private record Bar(String label, double from, double to, boolean total, BigDecimal amount) {}

    private final List<Bar> bars = new ArrayList<>();

    void show(Waterfall w) {
        bars.clear();
        if (w != null) {
            double prev = w.baselineMonthly().doubleValue();
            bars.add(new Bar("Baseline", 0, prev, true, w.baselineMonthly()));
            for (WaterfallStep s : w.steps()) {
                double after = s.monthlyAfter().doubleValue();
                bars.add(new Bar(s.label(), prev, after, false, s.saving()));
                prev = after;
            }
            bars.add(new Bar("Optimized", 0, w.optimizedMonthly().doubleValue(), true, w.optimizedMonthly()));
        }
        draw();
    }

    @Override
    void paint(GraphicsContext g, double w, double h) {
        if (bars.isEmpty() || w < 50 || h < 50) {
            return;
        }
        double max =
                bars.stream().mapToDouble(b -> Math.max(b.from(), b.to())).max().orElse(1);
        max = max <= 0 ? 1 : max * 1.12;
        double left = 8;
        double top = 22;
        double bottom = 58;
        double plotH = h - top - bottom;
        double slot = (w - left * 2) / bars.size();
        double bw = Math.max(6, slot * 0.62);
        g.setFont(Font.font(11));
        g.setStroke(Color.gray(0.75));
        g.strokeLine(left, top + plotH, w - left, top + plotH);
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double x = left + i * slot + (slot - bw) / 2;
            double y1 = top + plotH - b.to() / max * plotH;
            double y0 = top + plotH - b.from() / max * plotH;
            double yTop = Math.min(y0, y1);
            double height = Math.max(1, Math.abs(y1 - y0));
            Color c = b.total()
                    ? (i == 0 ? Color.web("#8c96a3") : Color.web("#2f7ed8"))
                    : b.to() <= b.from() ? Color.web("#2ca25f") : Color.web("#d9534f");
            g.setFill(c);
            g.fillRect(x, yTop, bw, height);
            if (i > 0 && i < bars.size()) {
                // connector from the previous bar's end
                double yPrev = top + plotH - bars.get(i - 1).to() / max * plotH;
                g.setStroke(Color.gray(0.6));
                g.setLineDashes(3, 3);
                g.strokeLine(x - (slot - bw), yPrev, x, yPrev);
                g.setLineDashes();
            }
            g.setFill(text());
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.BOTTOM);
            String value = b.total()
                    ? Figures.amount(b.amount())
                    : (b.amount().signum() >= 0 ? "−" : "+")
                            + Figures.amount(b.amount().abs());
            g.fillText(value, x + bw / 2, yTop - 3, slot);
            g.setTextBaseline(VPos.TOP);
            g.fillText(shorten(b.label(), slot), x + bw / 2, top + plotH + 4, slot);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFill(mutedText());
        g.fillText("$ per month — each green bar is what that lever saves on top of the ones before it", left, 2);
    }
}
