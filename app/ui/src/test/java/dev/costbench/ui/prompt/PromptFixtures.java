// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.ui.common.DirectTaskExecutor;
import dev.costbench.ui.common.RecordingDialogService;
import dev.costbench.ui.common.UiContext;

/** The Prompt view's view models for tests without a display: direct tasks, recorded dialogs, no hand-offs. */
final class PromptFixtures {

    private PromptFixtures() {}

    static PromptFeature feature(Catalog catalog) {
        UiContext ui = new UiContext(new DirectTaskExecutor(), new RecordingDialogService());
        return new PromptFeature(ui, catalog, null, (n, b, o) -> {}, t -> {});
    }
}
