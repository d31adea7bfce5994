// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.scenario;

import dev.costbench.model.scenario.Tornado;
import dev.costbench.model.scenario.Waterfall;
import dev.costbench.model.scenario.WaterfallStep;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** The waterfall and tornado charts, drawn on resizable canvases (crisp at any size, no chart-library quirks). */
final class Charts {

    private Charts() {
    }

    /** A canvas that fills its pane and redraws on resize. */
    abstract static class ChartPane extends Pane {
        final Canvas canvas = new Canvas();

        ChartPane() {
            getChildren().add(canvas);
            canvas.widthProperty().bind(widthProperty());
            canvas.heightProperty().bind(heightProperty());
            canvas.widthProperty().addListener(o -> draw());
            canvas.heightProperty().addListener(o -> draw());
            setMinSize(200, 160);
        }

        abstract void draw();
    }

    /** One bar of the waterfall, for tests and tooltips. */
    record Bar(String label, double from, double to, boolean total) {
    }

    /** Naive bill → one bar per enabled lever (its marginal saving) → optimized bill. */
    static final class WaterfallChart extends ChartPane {
        private Waterfall waterfall;
        private final List<Bar> bars = new ArrayList<>();

        void show(Waterfall w) {
            waterfall = w;
            bars.clear();
            if (w != null) {
                double prev = w.baselineMonthly().doubleValue();
                bars.add(new Bar("Baseline", 0, prev, true));
                for (WaterfallStep s : w.steps()) {
                    double after = s.monthlyAfter().doubleValue();
                    bars.add(new Bar(s.label(), prev, after, false));
                    prev = after;
                }
                bars.add(new Bar("Optimized", 0, w.optimizedMonthly().doubleValue(), true));
            }
            draw();
        }

        List<Bar> bars() {
            return List.copyOf(bars);
        }

        @Override
        void draw() {
            GraphicsContext g = canvas.getGraphicsContext2D();
            double w = canvas.getWidth();
            double h = canvas.getHeight();
            g.clearRect(0, 0, w, h);
            if (bars.isEmpty() || w < 50 || h < 50) {
                return;
            }
            double max = bars.stream().mapToDouble(b -> Math.max(b.from(), b.to())).max().orElse(1);
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
                Color c = b.total() ? (i == 0 ? Color.web("#8c96a3") : Color.web("#2f7ed8"))
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
                g.setFill(Color.gray(0.2));
                g.setTextAlign(TextAlignment.CENTER);
                g.setTextBaseline(VPos.BOTTOM);
                String value = b.total() ? Figures.amount(BigDecimal.valueOf(b.to()))
                        : (b.to() <= b.from() ? "−" : "+") + Figures.amount(BigDecimal.valueOf(Math.abs(b.from()
                        - b.to())));
                g.fillText(value, x + bw / 2, yTop - 3, slot);
                g.setTextBaseline(VPos.TOP);
                g.fillText(shorten(b.label(), slot), x + bw / 2, top + plotH + 4, slot);
            }
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.setFill(Color.gray(0.35));
            g.fillText("$ per month — each green bar is what that lever saves on top of the ones before it", left, 2);
        }
    }

    /** The uncertain inputs, each moved to its low and high value: the spread of the optimized monthly bill. */
    static final class TornadoChart extends ChartPane {
        private Tornado.Result result;

        void show(Tornado.Result r) {
            result = r;
            draw();
        }

        int barCount() {
            return result == null ? 0 : result.bars().size();
        }

        @Override
        void draw() {
            GraphicsContext g = canvas.getGraphicsContext2D();
            double w = canvas.getWidth();
            double h = canvas.getHeight();
            g.clearRect(0, 0, w, h);
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
            g.setFill(Color.gray(0.35));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.fillText("Optimized $ per month as each uncertain input moves low ↔ high (centre: "
                    + Figures.amount(result.monthly()) + ")", 2, 2);
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
                g.setFill(Color.gray(0.2));
                g.setTextAlign(TextAlignment.RIGHT);
                g.setTextBaseline(VPos.CENTER);
                g.fillText(shorten(b.lowLabel() + " ↔ " + b.highLabel(), labelW), labelW, y + row / 2, labelW);
            }
            g.setStroke(Color.gray(0.4));
            g.strokeLine(cx, top, cx, top + n * row);
        }
    }

    private static String shorten(String s, double width) {
        int max = (int) Math.max(4, width / 6.2);
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
