// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.ui.common.DirectTaskExecutor;
import dev.costbench.ui.common.RecordingDialogService;
import dev.costbench.ui.common.UiContext;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The request form's model box speaks in model names, not catalog ids, without a display. */
class ScenarioModelNamesViewModelTest {

    private final ScenarioViewModel vm = new ScenarioViewModel(
            new UiContext(new DirectTaskExecutor(), new RecordingDialogService()),
            CatalogBuilder::builtIn,
            () -> null,
            f -> Optional.empty());

    @AfterEach
    void close() {
        vm.close();
    }

    @Test
    void theModelBoxShowsNamesAndReadsBackIds() {
        RequestTypesModel m = vm.requests();
        assertEquals("Gemini 2.5 Pro · Google", m.modelName("gemini-2.5-pro"));
        assertEquals("gemini-2.5-pro", m.modelId("Gemini 2.5 Pro · Google"), "a shown name reads back as its id");
        assertEquals("gemini-2.5-pro", m.modelId(" gemini-2.5-pro "), "a typed id stays an id");
        assertEquals("my-finetune", m.modelId("my-finetune"), "a custom model keeps what was typed");
        assertEquals("my-finetune", m.modelName("my-finetune"));
    }
}
