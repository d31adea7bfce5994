// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.prompt.PromptWorkspaceFiles;
import dev.costbench.model.prompt.Role;
import dev.costbench.ui.common.DirectTaskExecutor;
import dev.costbench.ui.common.RecordingDialogService;
import dev.costbench.ui.common.UiContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saved work for the Prompt view, without a display: files, the dirty marker, the question, autosave, recents. */
class WorkspaceViewModelTest {

    private static final Catalog CATALOG = CatalogBuilder.builtIn();

    @TempDir
    Path tmp;

    private final Preferences prefs = Preferences.userRoot().node("dev/costbench/test/workspace-" + UUID.randomUUID());
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final DirectTaskExecutor tasks = new DirectTaskExecutor();
    private final UiContext ui = new UiContext(tasks, dialogs);
    private PromptViewModel prompt = new PromptViewModel(ui, CATALOG);
    private WorkspaceViewModel ws;

    @AfterEach
    void dropPrefs() throws Exception {
        prefs.removeNode();
    }

    private WorkspaceViewModel workspace() {
        ws = new WorkspaceViewModel(
                ui, prompt, tmp.resolve("data/workspace-autosave.json"), Duration.ZERO, new WorkspaceMemory(prefs));
        return ws;
    }

    private void write(PromptViewModel p) {
        p.systemTextProperty().set("Be brief.");
        p.addTurn(Role.USER, "Hi");
        p.addTurn(Role.ASSISTANT, "Hello!");
        p.userTextProperty().set("What does this cost?");
        p.outputTokensProperty().set(1200);
        p.reasoningTokensProperty().set(64);
        p.monthlyRequestsProperty().set(2_000_000);
        p.batchProperty().set(true);
        p.selectedModelProperty().set(CATALOG.find("gpt-5").orElseThrow());
    }

    @Test
    void saveAndOpenRoundTrip() {
        workspace();
        write(prompt);
        Path f = tmp.resolve("support.json");
        dialogs.answer(f);
        assertTrue(ws.save(), "an untitled workspace asks where (Save as)");
        assertEquals("saveFile", dialogs.all("saveFile").get(0).kind());
        assertTrue(Files.isRegularFile(f));

        prompt = new PromptViewModel(ui, CATALOG);
        workspace();
        dialogs.answer(f);
        ws.open();
        assertEquals("Be brief.", prompt.systemTextProperty().get());
        assertEquals(2, prompt.turns().size());
        assertEquals(Role.ASSISTANT, prompt.turns().get(1).roleProperty().get());
        assertEquals("Hello!", prompt.turns().get(1).textProperty().get());
        assertEquals("What does this cost?", prompt.userTextProperty().get());
        assertEquals(1200, prompt.outputTokensProperty().get());
        assertEquals(64, prompt.reasoningTokensProperty().get());
        assertEquals(2_000_000, prompt.monthlyRequestsProperty().get());
        assertTrue(prompt.batchProperty().get());
        assertFalse(prompt.cachedPrefixProperty().get());
        assertEquals("gpt-5", prompt.selectedModelProperty().get().id());
        assertEquals(f, ws.fileProperty().get());
        assertFalse(ws.dirtyProperty().get());
        assertEquals("support.json — CostBench", ws.titleProperty().get());
    }

    @Test
    void anEditMarksTheTitleAndSavingClearsIt() throws Exception {
        workspace();
        assertEquals("Untitled prompt — CostBench", ws.titleProperty().get());
        prompt.userTextProperty().set("Hello");
        assertTrue(ws.dirtyProperty().get());
        assertEquals("• Untitled prompt — CostBench", ws.titleProperty().get());
        Path f = tmp.resolve("hello.json");
        dialogs.answer(tmp.resolve("hello")); // the extension is added
        assertTrue(ws.saveAs());
        assertFalse(ws.dirtyProperty().get());
        assertEquals("hello.json — CostBench", ws.titleProperty().get());
        assertEquals("Saved hello.json", dialogs.last("notify").headline());

        prompt.turns().add(new Turn(Role.USER, "x"));
        assertEquals("• hello.json — CostBench", ws.titleProperty().get());
        prompt.turns().get(0).textProperty().set("");
        assertTrue(ws.dirtyProperty().get());
        prompt.turns().clear();
        assertFalse(ws.dirtyProperty().get(), "back to what was saved");
        prompt.turns().add(new Turn(Role.USER, "y"));
        assertTrue(ws.save(), "Save writes to the file without asking");
        assertEquals(1, dialogs.all("saveFile").size());
        assertEquals("y", PromptWorkspaceFiles.read(f).turns().get(0).text());
        assertFalse(ws.dirtyProperty().get());

        prompt.selectedModelProperty().set(CATALOG.find("gpt-5").orElseThrow());
        assertFalse(ws.dirtyProperty().get(), "picking a row in the table is not a change worth asking about");
    }

    @Test
    void newWithUnsavedChangesAsksAndEachAnswerDoesWhatItSays() throws Exception {
        workspace();
        prompt.userTextProperty().set("draft");

        ws.newPrompt(); // no answer scripted: the dialog was closed
        assertEquals("draft", prompt.userTextProperty().get());
        assertEquals(
                "Save the changes to the untitled prompt?",
                dialogs.last("choose").headline());
        assertTrue(dialogs.last("choose").detail().contains("[Save, Don't save, Cancel]"));

        dialogs.answer(2); // Cancel
        ws.newPrompt();
        assertEquals("draft", prompt.userTextProperty().get());
        assertTrue(ws.dirtyProperty().get());

        dialogs.answer(0); // Save, then cancel the file chooser: nothing is dropped
        ws.newPrompt();
        assertEquals("draft", prompt.userTextProperty().get());

        Path f = tmp.resolve("draft.json");
        dialogs.answer(0).answer(f); // Save into draft.json, then start anew
        ws.newPrompt();
        assertEquals("draft", PromptWorkspaceFiles.read(f).user());
        assertEquals("", prompt.userTextProperty().get());
        assertNull(ws.fileProperty().get());
        assertFalse(ws.dirtyProperty().get());

        prompt.userTextProperty().set("second draft");
        dialogs.answer(1); // Don't save
        ws.newPrompt();
        assertEquals("", prompt.userTextProperty().get());
        assertEquals(500, prompt.outputTokensProperty().get());
        assertEquals("draft", PromptWorkspaceFiles.read(f).user(), "the file is untouched");
        assertEquals(5, dialogs.all("choose").size());
    }

    @Test
    void openWithUnsavedChangesAsksFirst() throws Exception {
        Path other = tmp.resolve("other.json");
        PromptWorkspaceFiles.write(
                other,
                PromptWorkspaceFiles.fromJson(
                        "{\"format\": \"costbench-prompt-workspace\", \"version\": 2, \"system\": \"S\", "
                                + "\"user\": \"from the file\", \"options\": {\"outputTokens\": 10, "
                                + "\"requestsPerMonth\": 1}}",
                        "other.json"));
        workspace();
        prompt.userTextProperty().set("draft");

        dialogs.answer(2); // Cancel: no file chooser
        ws.open();
        assertTrue(dialogs.all("openFile").isEmpty());
        assertEquals("draft", prompt.userTextProperty().get());

        dialogs.answer(1).answer(other); // Don't save, then pick the file
        ws.open();
        assertEquals("from the file", prompt.userTextProperty().get());
        assertFalse(ws.dirtyProperty().get());

        prompt.userTextProperty().set("edited");
        Path saved = tmp.resolve("saved.json");
        dialogs.answer(0); // Save: to other.json, no chooser
        dialogs.answer(saved); // the open chooser picks saved.json (absent: an error, nothing changes)
        ws.open();
        assertEquals("edited", PromptWorkspaceFiles.read(other).user());
        assertEquals("edited", prompt.userTextProperty().get());
        assertEquals("Could not open saved.json", dialogs.last("error").headline());
    }

    @Test
    void closingAsksAndDontSaveBringsBackTheSavedFileNextTime() throws Exception {
        workspace();
        Path f = tmp.resolve("keep.json");
        prompt.userTextProperty().set("kept");
        dialogs.answer(f);
        ws.save();
        prompt.userTextProperty().set("dropped");

        dialogs.answer(2);
        assertFalse(ws.confirmClose(), "Cancel keeps the window open");
        dialogs.answer(1);
        assertTrue(ws.confirmClose());

        prompt = new PromptViewModel(ui, CATALOG);
        assertTrue(workspace().restore());
        assertEquals("kept", prompt.userTextProperty().get());
        assertEquals(f, ws.fileProperty().get());
        assertFalse(ws.dirtyProperty().get());
    }

    @Test
    void autosaveIsWrittenOnEditAndRestoredAfterACrash() throws Exception {
        Path autosave = tmp.resolve("data/workspace-autosave.json");
        workspace();
        assertFalse(ws.restore(), "first start: nothing to restore");
        Path f = tmp.resolve("w.json");
        prompt.userTextProperty().set("v1");
        dialogs.answer(f);
        ws.save();
        write(prompt); // unsaved edits, then the app dies without closing
        assertTrue(Files.isRegularFile(autosave));
        assertEquals("What does this cost?", PromptWorkspaceFiles.read(autosave).user());

        prompt = new PromptViewModel(ui, CATALOG);
        assertTrue(workspace().restore());
        assertEquals("Be brief.", prompt.systemTextProperty().get());
        assertEquals("What does this cost?", prompt.userTextProperty().get());
        assertEquals(2, prompt.turns().size());
        assertEquals(1200, prompt.outputTokensProperty().get());
        assertEquals("gpt-5", prompt.selectedModelProperty().get().id());
        assertEquals(f, ws.fileProperty().get());
        assertTrue(ws.dirtyProperty().get(), "the restored edits are still unsaved");
        assertEquals("• w.json — CostBench", ws.titleProperty().get());
        assertTrue(tasks.unhandled().isEmpty());
    }

    @Test
    void restoredUntitledWorkIsStillUnsaved() throws Exception {
        workspace();
        write(prompt); // never saved to a file; the app dies
        assertTrue(Files.isRegularFile(tmp.resolve("data/workspace-autosave.json")));

        prompt = new PromptViewModel(ui, CATALOG);
        assertTrue(workspace().restore());
        assertEquals("What does this cost?", prompt.userTextProperty().get());
        assertNull(ws.fileProperty().get());
        assertTrue(ws.dirtyProperty().get(), "untitled work restored after a restart has never been saved");
        assertTrue(ws.titleProperty().get().startsWith("• "), ws.titleProperty().get());
    }

    @Test
    void autosaveWaitsForTheLastEditAndRunsInTheBackground() throws Exception {
        DirectTaskExecutor held = DirectTaskExecutor.held();
        UiContext heldUi = new UiContext(held, dialogs);
        PromptViewModel p = new PromptViewModel(heldUi, CATALOG);
        Path autosave = tmp.resolve("held/workspace-autosave.json");
        new WorkspaceViewModel(heldUi, p, autosave, Duration.ofMillis(1), new WorkspaceMemory(prefs));
        p.userTextProperty().set("a");
        p.userTextProperty().set("ab");
        assertFalse(Files.exists(autosave), "nothing is written on the UI thread");
        held.runPending();
        assertEquals("ab", PromptWorkspaceFiles.read(autosave).user());
    }

    @Test
    void aDamagedAutosaveIsSetAsideAndReported() throws Exception {
        Path autosave = tmp.resolve("data/workspace-autosave.json");
        Files.createDirectories(autosave.getParent());
        Files.writeString(autosave, "{\"format\": \"costbench-prompt-workspace\", \"vers");
        assertFalse(workspace().restore());
        assertEquals(
                "The last session's prompt could not be restored",
                dialogs.last("warning").headline());
        assertTrue(Files.exists(autosave.resolveSibling("workspace-autosave-damaged.json")));
    }

    @Test
    void aCorruptFileGivesAnErrorAndChangesNothing() throws Exception {
        workspace();
        write(prompt);
        Path f = tmp.resolve("ok.json");
        dialogs.answer(f);
        ws.save();
        Path bad = tmp.resolve("bad.json");
        Files.writeString(
                bad,
                "{\"format\": \"costbench-prompt-workspace\", \"version\": 1, \"system\": \"new\", "
                        + "\"fewShot\": [], \"options\": {\"outputTokens\": -5}}");
        dialogs.answer(bad);
        ws.open();
        RecordingDialogService.Shown e = dialogs.last("error");
        assertNotNull(e);
        assertEquals("Could not open bad.json", e.headline());
        assertTrue(e.detail().contains("options.outputTokens: -5 is out of range"), e.detail());
        assertEquals("Be brief.", prompt.systemTextProperty().get(), "nothing half-applied");
        assertEquals(2, prompt.turns().size());
        assertEquals(1200, prompt.outputTokensProperty().get());
        assertEquals(f, ws.fileProperty().get());
        assertEquals(List.of(f), ws.recentFiles(), "a file that did not open is not recent");
    }

    @Test
    void recentFilesKeepTheLastFiveNewestFirstAcrossSessions() throws Exception {
        workspace();
        for (int i = 1; i <= 6; i++) {
            prompt.userTextProperty().set("v" + i);
            dialogs.answer(tmp.resolve("p" + i + ".json"));
            ws.saveAs();
        }
        List<Path> expected = List.of(
                tmp.resolve("p6.json"),
                tmp.resolve("p5.json"),
                tmp.resolve("p4.json"),
                tmp.resolve("p3.json"),
                tmp.resolve("p2.json"));
        assertEquals(expected, ws.recentFiles());
        assertEquals(expected, new WorkspaceMemory(prefs).recent(), "remembered in Preferences");

        ws.openRecent(tmp.resolve("p3.json"));
        assertEquals("v3", prompt.userTextProperty().get());
        assertEquals(tmp.resolve("p3.json"), ws.recentFiles().get(0));

        Files.delete(tmp.resolve("p4.json"));
        ws.openRecent(tmp.resolve("p4.json"));
        assertEquals("Could not open p4.json", dialogs.last("error").headline());
        assertFalse(ws.recentFiles().contains(tmp.resolve("p4.json")));
        assertEquals("v3", prompt.userTextProperty().get());
    }

    @Test
    void anOptionNoFileMayHoldIsNamedByItsLabel() {
        workspace();
        prompt.outputTokensProperty().set(900_000_000);
        dialogs.answer(tmp.resolve("big.json"));
        assertFalse(ws.save());
        assertTrue(
                dialogs.last("error").detail().startsWith("Expected output tokens: 900000000 is out of range"),
                dialogs.last("error").detail());
        assertFalse(Files.exists(tmp.resolve("big.json")));
    }
}
