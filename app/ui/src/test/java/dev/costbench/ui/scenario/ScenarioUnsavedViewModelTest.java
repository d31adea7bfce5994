// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.scenario.ScenarioFiles;
import dev.costbench.ui.common.DirectTaskExecutor;
import dev.costbench.ui.common.Form;
import dev.costbench.ui.common.FormDialogs;
import dev.costbench.ui.common.RecordingDialogService;
import dev.costbench.ui.common.UiContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** Unsaved scenario changes without a display: the dirty marker and Save / Don't save / Cancel on every way out. */
// sets costbench.dataDir / costbench.preferences for a while: not beside a test that reads them
@ResourceLock(Resources.SYSTEM_PROPERTIES)
class ScenarioUnsavedViewModelTest {

    private static final Catalog CATALOG = CatalogBuilder.builtIn();
    private static final String VIDEO = "Video moderation — describe and moderate every uploaded video";
    private static final int SAVE = 0;
    private static final int DONT_SAVE = 1;
    private static final int CANCEL = 2;

    @TempDir
    Path dir;

    private final DirectTaskExecutor tasks = new DirectTaskExecutor();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final List<Form> asked = new ArrayList<>();
    private final FormDialogs forms = f -> {
        asked.add(f);
        return Optional.empty();
    };
    private ScenarioViewModel vm;
    private String oldDataDir;

    @BeforeEach
    void dataFolder() {
        oldDataDir = System.getProperty("costbench.dataDir");
        System.setProperty("costbench.dataDir", dir.toString());
        vm = new ScenarioViewModel(new UiContext(tasks, dialogs), () -> CATALOG, () -> null, forms);
    }

    @AfterEach
    void restore() {
        vm.close();
        if (oldDataDir == null) {
            System.clearProperty("costbench.dataDir");
        } else {
            System.setProperty("costbench.dataDir", oldDataDir);
        }
        assertEquals(List.of(), tasks.unhandled());
    }

    private void edit() {
        vm.requests().form().field("volume").set("60000");
    }

    private String question() {
        return dialogs.last("choose").headline();
    }

    @Test
    void anEditShowsTheDirtyMarkerInThePickerAndTheWindowTitle() {
        assertFalse(vm.dirtyProperty().get());
        assertEquals(VIDEO, vm.headingProperty().get());
        assertEquals(VIDEO + " — CostBench", vm.titleProperty().get());
        edit();
        assertTrue(vm.dirtyProperty().get());
        assertEquals("• " + VIDEO, vm.headingProperty().get());
        assertEquals("• " + VIDEO + " — CostBench", vm.titleProperty().get());
        vm.requests().form().field("volume").set("50000"); // back to the sample's value
        assertFalse(vm.dirtyProperty().get());
    }

    @Test
    void pickingAnotherScenarioWithoutChangesDoesNotAsk() {
        assertTrue(vm.files().open("seed000-support-tickets"));
        assertTrue(dialogs.all("choose").isEmpty());
        assertEquals("seed000-support-tickets", vm.files().currentProperty().get());
    }

    @Test
    void cancelKeepsTheScenarioAndItsEdits() {
        edit();
        dialogs.answer(CANCEL);
        assertFalse(vm.files().open("seed000-support-tickets"));
        assertEquals("Save the changes to “" + VIDEO + "”?", question());
        assertEquals(ScenarioViewModel.FIRST, vm.files().currentProperty().get());
        assertEquals("60000", vm.requests().form().field("volume").get());
        assertTrue(vm.dirtyProperty().get());
    }

    @Test
    void dontSaveDropsTheEditsAndOpensTheOther() throws Exception {
        edit();
        dialogs.answer(DONT_SAVE);
        assertTrue(vm.files().open("seed000-support-tickets"));
        assertEquals("seed000-support-tickets", vm.files().currentProperty().get());
        assertFalse(vm.dirtyProperty().get());
        assertFalse(Files.exists(dir.resolve("scenarios")));
    }

    @Test
    void saveOnASampleAsksForANameThenSwitches() throws Exception {
        edit();
        dialogs.answer(SAVE).answer("My video plan");
        assertTrue(vm.files().open("seed000-support-tickets"));
        assertEquals("Save the sample as", dialogs.last("askText").headline());
        Path f = dir.resolve("scenarios").resolve("My video plan.json");
        assertTrue(Files.isRegularFile(f));
        assertEquals(
                60000,
                ScenarioFiles.read(f)
                        .workload()
                        .requestTypes()
                        .get(0)
                        .volume()
                        .amount()
                        .intValue());
        assertEquals("seed000-support-tickets", vm.files().currentProperty().get());
        assertFalse(vm.dirtyProperty().get());
    }

    @Test
    void saveOnASampleWhoseNameIsNotGivenStaysPut() {
        edit();
        dialogs.answer(SAVE); // the name question is then cancelled
        assertFalse(vm.files().open("seed000-support-tickets"));
        assertEquals(ScenarioViewModel.FIRST, vm.files().currentProperty().get());
        assertTrue(vm.dirtyProperty().get());
    }

    @Test
    void theSaveButtonOnASampleIsSaveAsAndClearsTheMarker() throws Exception {
        edit();
        dialogs.answer("Mine");
        vm.files().save();
        assertEquals("Save the sample as", dialogs.last("askText").headline());
        assertEquals("Mine", vm.files().currentProperty().get());
        assertFalse(vm.dirtyProperty().get());
        assertEquals("Mine", vm.headingProperty().get());
        // A saved scenario saves where it came from, without asking for a name again.
        edit();
        vm.requests().form().field("volume").set("70000");
        assertTrue(vm.dirtyProperty().get());
        vm.files().save();
        assertEquals(1, dialogs.all("askText").size());
        assertFalse(vm.dirtyProperty().get());
        assertTrue(
                Files.readString(dir.resolve("scenarios").resolve("Mine.json")).contains("70000"));
    }

    @Test
    void newFromQuestionsAsksFirstAndCancelAsksNoQuestions() {
        edit();
        dialogs.answer(CANCEL);
        vm.files().newFromQuestions();
        assertTrue(asked.isEmpty());
        assertTrue(question().startsWith("Save the changes to"));
        assertTrue(dialogs.last("choose").detail().contains("before starting a new scenario"));
        dialogs.answer(DONT_SAVE);
        vm.files().newFromQuestions();
        assertEquals(1, asked.size());
    }

    @Test
    void closingAsksAndEachAnswerDoesWhatItSays() {
        assertTrue(vm.confirmClose());
        assertTrue(dialogs.all("choose").isEmpty());
        edit();
        dialogs.answer(CANCEL);
        assertFalse(vm.confirmClose());
        assertTrue(dialogs.last("choose").detail().contains("before closing CostBench"));
        dialogs.answer(DONT_SAVE);
        assertTrue(vm.confirmClose());
        dialogs.answer(SAVE).answer("Kept");
        assertTrue(vm.confirmClose());
        assertTrue(Files.isRegularFile(dir.resolve("scenarios").resolve("Kept.json")));
        assertFalse(vm.dirtyProperty().get());
        assertNull(dialogs.last("error"));
    }
}
