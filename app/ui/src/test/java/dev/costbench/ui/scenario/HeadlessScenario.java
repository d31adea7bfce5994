// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.ui.common.DirectTaskExecutor;
import dev.costbench.ui.common.RecordingDialogService;
import dev.costbench.ui.common.UiContext;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;

/** A scenario planner view model on the built-in catalog, without a display; closed after each test. */
abstract class HeadlessScenario {

    static final Catalog CATALOG = CatalogBuilder.builtIn();

    final DirectTaskExecutor tasks = new DirectTaskExecutor();
    final ScenarioViewModel vm = new ScenarioViewModel(
            new UiContext(tasks, new RecordingDialogService()), () -> CATALOG, () -> null, f -> Optional.empty());

    @AfterEach
    void close() {
        vm.close();
        assertEquals(List.of(), tasks.unhandled());
    }
}
