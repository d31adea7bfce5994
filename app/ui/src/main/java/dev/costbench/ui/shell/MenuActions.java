// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.shell;

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
        Runnable restoreBackup) {}
