// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.scenario;

import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Pane;

/**
 * A chart drawn on a canvas that fills its pane and redraws on resize (crisp at any size, no chart-library quirks).
 */
abstract class ChartPane extends Pane {
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

    /** {@code s} cut to fit {@code width} pixels, with an ellipsis. */
    static String shorten(String s, double width) {
        int max = (int) Math.max(4, width / 6.2);
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
