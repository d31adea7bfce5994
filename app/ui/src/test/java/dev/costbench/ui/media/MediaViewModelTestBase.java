// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.media;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.ui.common.DirectTaskExecutor;
import dev.costbench.ui.common.RecordingDialogService;
import dev.costbench.ui.common.UiContext;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the Media view's view-model tests share: a fresh {@link MediaViewModel} over the built-in catalog for each test,
 * its jobs run at once, its dialogs recorded, a folder for files; after the test the view model is closed and no job
 * may have failed unseen.
 */
abstract class MediaViewModelTestBase {

    static final Catalog CATALOG = CatalogBuilder.builtIn();

    @TempDir
    Path dir;

    final DirectTaskExecutor tasks = new DirectTaskExecutor();
    final RecordingDialogService dialogs = new RecordingDialogService();
    MediaViewModel vm;

    @BeforeEach
    void openMediaView() {
        vm = new MediaViewModel(new UiContext(tasks, dialogs), () -> CATALOG);
    }

    @AfterEach
    void closeMediaView() {
        vm.close();
        assertTrue(tasks.unhandled().isEmpty(), tasks.unhandled().toString());
    }

    /** The cost table's row for the model {@code id}. */
    MediaCostRow row(String id) {
        return vm.rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }
}
