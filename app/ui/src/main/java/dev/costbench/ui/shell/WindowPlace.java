// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.shell;

import java.util.List;
import java.util.prefs.Preferences;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The window's size, position and maximized state across sessions. On the first start it opens maximized when the
 * screen is larger than the default size (else it fills the screen); afterwards it comes back where it was, moved
 * onto a screen that is still there and made no larger than it. FX thread only.
 */
final class WindowPlace {

    /** The size of a window that is not maximized on the first start. */
    static final double DEFAULT_WIDTH = 1500;

    static final double DEFAULT_HEIGHT = 920;

    private WindowPlace() {}

    /** Where the window goes now, and remembering where the user puts it. */
    static void restoreAndFollow(Stage stage, Preferences prefs) {
        Rectangle2D primary = Screen.getPrimary().getVisualBounds();
        List<Rectangle2D> screens =
                Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
        double w = prefs.getDouble("width", -1);
        double h = prefs.getDouble("height", -1);
        if (w > 0 && h > 0) {
            Rectangle2D r = clamp(
                    new Rectangle2D(
                            prefs.getDouble("x", primary.getMinX()), prefs.getDouble("y", primary.getMinY()), w, h),
                    screens,
                    primary);
            stage.setX(r.getMinX());
            stage.setY(r.getMinY());
            stage.setWidth(r.getWidth());
            stage.setHeight(r.getHeight());
            stage.setMaximized(prefs.getBoolean("maximized", false));
        } else {
            boolean large = primary.getWidth() > DEFAULT_WIDTH && primary.getHeight() > DEFAULT_HEIGHT;
            stage.setMaximized(prefs.getBoolean("maximized", large));
        }
        stage.maximizedProperty().addListener((o, a, b) -> prefs.putBoolean("maximized", b));
        Runnable save = () -> {
            if (!stage.isMaximized() && !stage.isIconified() && stage.getWidth() > 0 && stage.getHeight() > 0) {
                prefs.putDouble("x", stage.getX());
                prefs.putDouble("y", stage.getY());
                prefs.putDouble("width", stage.getWidth());
                prefs.putDouble("height", stage.getHeight());
            }
        };
        stage.xProperty().addListener(o -> save.run());
        stage.yProperty().addListener(o -> save.run());
        stage.widthProperty().addListener(o -> save.run());
        stage.heightProperty().addListener(o -> save.run());
    }

    /**
     * {@code r} on the screen it overlaps most (the primary one when it overlaps none), no larger than that screen
     * and wholly on it.
     */
    static Rectangle2D clamp(Rectangle2D r, List<Rectangle2D> screens, Rectangle2D primary) {
        Rectangle2D best = primary;
        double most = 0;
        for (Rectangle2D s : screens) {
            double overlap = overlap(r, s);
            if (overlap > most) {
                most = overlap;
                best = s;
            }
        }
        double w = Math.min(r.getWidth(), best.getWidth());
        double h = Math.min(r.getHeight(), best.getHeight());
        double x = Math.max(best.getMinX(), Math.min(r.getMinX(), best.getMaxX() - w));
        double y = Math.max(best.getMinY(), Math.min(r.getMinY(), best.getMaxY() - h));
        return new Rectangle2D(x, y, w, h);
    }

    private static double overlap(Rectangle2D a, Rectangle2D b) {
        double w = Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
        double h = Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY());
        return w > 0 && h > 0 ? w * h : 0;
    }
}
