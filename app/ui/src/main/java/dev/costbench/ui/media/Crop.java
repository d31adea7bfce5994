// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.media;

/** A crop of the original image, in its pixels: top-left corner (x, y), width and height. */
public record Crop(int x, int y, int width, int height) {

    /**
     * The crop covering fractions (fx0, fy0) to (fx1, fy1) of an image of {@code w} × {@code h} pixels, clamped to
     * the image; null when nothing of it is left.
     */
    static Crop ofFractions(double fx0, double fy0, double fx1, double fy1, int w, int h) {
        double ax = Math.max(0, Math.min(1, Math.min(fx0, fx1)));
        double ay = Math.max(0, Math.min(1, Math.min(fy0, fy1)));
        double zx = Math.max(0, Math.min(1, Math.max(fx0, fx1)));
        double zy = Math.max(0, Math.min(1, Math.max(fy0, fy1)));
        int x = (int) Math.round(ax * w);
        int y = (int) Math.round(ay * h);
        int cw = (int) Math.min(w - x, Math.round((zx - ax) * w));
        int ch = (int) Math.min(h - y, Math.round((zy - ay) * h));
        return cw > 0 && ch > 0 ? new Crop(x, y, cw, ch) : null;
    }
}
