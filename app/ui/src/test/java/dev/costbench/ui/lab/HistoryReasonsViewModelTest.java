// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.costbench.store.H2LabStore;
import dev.costbench.ui.common.RecordingDialogService;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The A/B history's buttons say why they wait (DisabledReason shows it on the disabled button); no display. */
class HistoryReasonsViewModelTest {

    private H2LabStore store;
    private HistoryViewModel history;

    @BeforeEach
    void open() throws Exception {
        Path dir = Files.createTempDirectory("costbench-history-reasons");
        store = H2LabStore.open(dir.resolve("data"));
        store.importExperiment(LabFixtures.snapshot("Support prompt, last week", 1000, 900, "2026-11-18T10:00:00Z"));
        store.importExperiment(LabFixtures.snapshot("Support prompt, today", 820, 600, "2026-11-25T10:00:00Z"));
        history = new LabViewModel(LabFixtures.direct(new RecordingDialogService()), () -> store).history();
        history.refresh();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void rerunExportDeleteAndRepriceWaitForASelectionAndCompareForTwo() {
        assertEquals(
                "Select an experiment in the list first.",
                history.oneSelectedReason().get());
        assertEquals(
                "Select exactly two experiments in the list (Ctrl+click the second) to compare them.",
                history.twoSelectedReason().get());
        history.selection().setAll(history.all().get(0));
        assertEquals("", history.oneSelectedReason().get());
        assertEquals(
                "Select exactly two experiments in the list (Ctrl+click the second) to compare them.",
                history.twoSelectedReason().get());
        history.selection().setAll(history.all());
        assertEquals("", history.twoSelectedReason().get());
    }
}
