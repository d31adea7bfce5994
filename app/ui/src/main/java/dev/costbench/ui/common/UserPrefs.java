// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.common;

import java.util.prefs.Preferences;

/**
 * Where the workbench keeps its view settings between sessions (theme, window place, dividers, My models, recent
 * files, view toggles): the user's Java Preferences under {@value #DEFAULT_ROOT}, or under the node the system
 * property {@value #PROPERTY} names — a second profile with its own settings, and the test runs, which must neither
 * read nor change the settings of the person running them.
 */
public final class UserPrefs {

    /** The system property naming another root node (a path such as {@code dev/costbench/profile-2}). */
    public static final String PROPERTY = "costbench.preferences";

    static final String DEFAULT_ROOT = "dev/costbench/ui";

    private UserPrefs() {}

    /** The root node of the workbench's settings. */
    public static Preferences root() {
        String root = System.getProperty(PROPERTY, "").trim();
        return Preferences.userRoot().node(root.isEmpty() ? DEFAULT_ROOT : root);
    }

    /** A view's own node under the root, e.g. {@code node("prompt")}. */
    public static Preferences node(String child) {
        return root().node(child);
    }
}
