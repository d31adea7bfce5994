// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import dev.costbench.model.provider.ChatRequest;
import dev.costbench.store.H2LabStore;
import dev.costbench.ui.common.RecordingDialogService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A lab view-model test's world: the real H2 store in a fresh temporary directory, the dialogs recorded, and the
 * requests the fake providers were sent.
 */
abstract class LabStoreTest {

    Path dir;
    H2LabStore store;
    final RecordingDialogService dialogs = new RecordingDialogService();
    final List<ChatRequest> sent = new CopyOnWriteArrayList<>();

    @BeforeEach
    final void openStore() throws Exception {
        dir = Files.createTempDirectory("costbench-lab-vm");
        store = H2LabStore.open(dir.resolve("db"));
    }

    @AfterEach
    final void closeStore() {
        store.close();
    }
}
