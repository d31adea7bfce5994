// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.shell;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.collections.ObservableList;

/**
 * What the menus do that belongs to a feature, handed in by the composition root (so the menus know no feature).
 * Each runs on the FX thread and selects the feature's tab itself when it needs to.
 */
public record MenuActions(
        Runnable openUserMessage,
        Runnable openMedia,
        Runnable addFewShotExample,
        Runnable filterModels,
        Runnable sendPrompt,
        Runnable checkQuality,
        Runnable promptToScenario,
        Runnable showProviders,
        Runnable showTokens,
        Runnable restoreBackup,
        Workspace workspace) {

    /** File ▸ New prompt, Open prompt…, Save, Save as… and Open recent ▸ (the recent files, newest first). */
    public record Workspace(
            Runnable newPrompt,
            Runnable open,
            Runnable save,
            Runnable saveAs,
            ObservableList<Path> recent,
            Consumer<Path> openRecent) {}
}
