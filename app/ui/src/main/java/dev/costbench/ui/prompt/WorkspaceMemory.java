// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.prefs.Preferences;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the workspace remembers between sessions in the user's Preferences: the last {@value #RECENT} workspace files
 * opened or saved (File ▸ Open recent) and the file the last session had open. FX thread only.
 */
public final class WorkspaceMemory {

    /** How many recent files are kept. */
    public static final int RECENT = 5;

    private static final String RECENT_KEY = "recentPromptWorkspaces";
    private static final String LAST_KEY = "lastPromptWorkspace";

    private final Preferences prefs;
    private final ObservableList<Path> recent = FXCollections.observableArrayList();

    /** Reads and writes {@code prefs} (the app uses its own node; tests a throw-away one). */
    public WorkspaceMemory(Preferences prefs) {
        this.prefs = prefs;
        for (String line : prefs.get(RECENT_KEY, "").split("\n")) {
            path(line)
                    .filter(p -> !recent.contains(p) && recent.size() < RECENT)
                    .ifPresent(recent::add);
        }
    }

    /** Newest first. */
    public ObservableList<Path> recent() {
        return recent;
    }

    /** Puts {@code f} first in the recent list. */
    void remember(Path f) {
        Path p = f.toAbsolutePath().normalize();
        List<Path> next = new ArrayList<>(recent);
        next.remove(p);
        next.add(0, p);
        recent.setAll(next.subList(0, Math.min(RECENT, next.size())));
        store();
    }

    /** Drops {@code f} from the recent list (it no longer exists). */
    void forget(Path f) {
        recent.remove(f.toAbsolutePath().normalize());
        store();
    }

    /** The file the workspace had when the last session ended, if any. */
    Optional<Path> lastFile() {
        return path(prefs.get(LAST_KEY, ""));
    }

    void lastFile(Path f) {
        if (f == null) {
            prefs.remove(LAST_KEY);
        } else {
            prefs.put(LAST_KEY, f.toAbsolutePath().normalize().toString());
        }
    }

    private void store() {
        List<String> paths = new ArrayList<>(recent.stream().map(Path::toString).toList());
        while (String.join("\n", paths).length() > Preferences.MAX_VALUE_LENGTH) {
            paths.remove(paths.size() - 1); // very long paths: keep as many as Preferences holds
        }
        prefs.put(RECENT_KEY, String.join("\n", paths));
    }

    private static Optional<Path> path(String s) {
        if (s == null || s.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(s));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
