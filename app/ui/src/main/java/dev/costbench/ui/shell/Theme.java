// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.css.PseudoClass;
import javafx.scene.Scene;

/** Light or dark: AtlantaFX's Primer themes plus the workbench's own stylesheet, with a {@code :dark} pseudo-class. */
public final class Theme {

    private static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");

    private Theme() {}

    /** The workbench's own stylesheet (also for tests that show a single view). */
    public static String stylesheet() {
        return Theme.class.getResource("/dev/costbench/ui/app.css").toExternalForm();
    }

    /** Applies the theme to the application and, when given, marks the scene's root for the app's dark rules. */
    public static void apply(Scene scene, boolean dark) {
        Application.setUserAgentStylesheet(
                dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
        if (scene != null) {
            scene.getRoot().pseudoClassStateChanged(DARK, dark);
        }
    }
}
