// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.common;

import java.util.prefs.Preferences;
import javafx.beans.property.BooleanProperty;

/** A view's on/off setting remembered between sessions in the user's Preferences (not in any document). */
public final class ViewSetting {

    private ViewSetting() {}

    /** Sets {@code p} from {@code prefs}' {@code key} (false when absent) and writes every change back. */
    public static void remember(BooleanProperty p, Preferences prefs, String key) {
        p.set(prefs.getBoolean(key, p.get()));
        p.addListener((o, a, b) -> prefs.putBoolean(key, b));
    }
}
