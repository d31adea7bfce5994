// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.scenario;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * A chart drawn on a canvas that fills its pane and redraws on resize (crisp at any size, no chart-library quirks).
 */
abstract class ChartPane extends Pane {
    final Canvas canvas = new Canvas();
    /** Not shown: reads the theme's text colours (AtlantaFX looked-up colours) so light and dark both read. */
    private final Label fg = new Label();

    private final Label muted = new Label();

    ChartPane() {
        fg.setStyle("-fx-text-fill: -color-fg-default;");
        muted.setStyle("-fx-text-fill: -color-fg-muted;");
        for (Label probe : new Label[] {fg, muted}) {
            probe.setVisible(false);
            probe.setManaged(false);
            probe.textFillProperty().addListener(o -> draw());
        }
        getChildren().addAll(fg, muted, canvas);
        canvas.widthProperty().bind(widthProperty());
        canvas.heightProperty().bind(heightProperty());
        canvas.widthProperty().addListener(o -> draw());
        canvas.heightProperty().addListener(o -> draw());
        setMinSize(200, 160);
    }

    /** Redraws the chart: clears the canvas and paints it at its current size. */
    final void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        paint(g, canvas.getWidth(), canvas.getHeight());
    }

    /** Paints the chart on the cleared canvas of {@code w} × {@code h} pixels (nothing when there is no room). */
    abstract void paint(GraphicsContext g, double w, double h);

    /** The theme's text colour (labels, values). */
    Paint text() {
        return paintOr(fg, Color.gray(0.2));
    }

    /** The theme's muted text colour (axis labels, captions). */
    Paint mutedText() {
        return paintOr(muted, Color.gray(0.35));
    }

    private static Paint paintOr(Label probe, Paint fallback) {
        Paint p = probe.getTextFill();
        return p == null || probe.getScene() == null ? fallback : p;
    }

    /** {@code s} cut to fit {@code width} pixels, with an ellipsis. */
    static String shorten(String s, double width) {
        int max = (int) Math.max(4, width / 6.2);
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
