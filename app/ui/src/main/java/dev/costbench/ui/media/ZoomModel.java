// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.media;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The zoom both images share: a factor from 1 (whole image) to 32 and the centre of what is shown, as fractions of
 * the image, kept so that the shown part stays inside the image.
 */
public final class ZoomModel {

    /** Zoom factor and centre (fractions of the image). */
    public record State(double zoom, double cx, double cy) {}

    static final double MAX = 32;
    private final ReadOnlyObjectWrapper<State> state =
            new ReadOnlyObjectWrapper<>(this, "state", new State(1, 0.5, 0.5));

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public double zoom() {
        return state.get().zoom();
    }

    /** Zooms to {@code z} (clamped to 1..32), keeping the image point at fractions (fx, fy) in view. */
    public void zoomAt(double z, double fx, double fy) {
        double zoom = Math.max(1, Math.min(MAX, z));
        if (zoom == 1) {
            state.set(new State(1, 0.5, 0.5));
        } else {
            panTo(zoom, fx, fy);
        }
    }

    /** Moves the centre to (cx, cy) at the current zoom. */
    public void panTo(double cx, double cy) {
        panTo(zoom(), cx, cy);
    }

    /** Back to the whole image. */
    public void fit() {
        zoomAt(1, 0.5, 0.5);
    }

    private void panTo(double zoom, double cx, double cy) {
        double half = 0.5 / zoom;
        state.set(new State(zoom, Math.max(half, Math.min(1 - half, cx)), Math.max(half, Math.min(1 - half, cy))));
    }

    /** The part shown of an image of {@code w} × {@code h}: {x, y, width, height}, or null for the whole image. */
    public double[] region(double w, double h) {
        return region(w, h, w, h);
    }

    /**
     * The part shown of an image of {@code w} × {@code h} in a pane of {@code paneW} × {@code paneH}: zoomed in, the
     * part takes the pane's shape (up to the whole image on each axis), so the image fills the pane rather than the
     * box it was fitted into; {x, y, width, height} kept inside the image, or null for the whole image.
     */
    public double[] region(double w, double h, double paneW, double paneH) {
        State s = state.get();
        if (s.zoom() == 1 || w <= 0 || h <= 0) {
            return null;
        }
        double fit = paneW > 0 && paneH > 0 ? Math.min(paneW / w, paneH / h) : 1;
        double scale = fit * s.zoom(); // screen pixels per image pixel
        double rw = paneW > 0 && paneH > 0 ? Math.min(w, paneW / scale) : w / s.zoom();
        double rh = paneW > 0 && paneH > 0 ? Math.min(h, paneH / scale) : h / s.zoom();
        double x = Math.max(0, Math.min(w - rw, s.cx() * w - rw / 2));
        double y = Math.max(0, Math.min(h - rh, s.cy() * h - rh / 2));
        return new double[] {x, y, rw, rh};
    }
}
