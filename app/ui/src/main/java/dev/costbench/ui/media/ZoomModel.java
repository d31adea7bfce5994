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
        State s = state.get();
        if (s.zoom() == 1) {
            return null;
        }
        double rw = w / s.zoom();
        double rh = h / s.zoom();
        return new double[] {s.cx() * w - rw / 2, s.cy() * h - rh / 2, rw, rh};
    }
}
