// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.prompt.PromptWorkspaceCache;
import dev.costbench.model.prompt.PromptWorkspaceFiles;
import dev.costbench.model.prompt.Role;
import dev.costbench.model.provider.Part;
import dev.costbench.model.tokens.Encoding;
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

/** The workspace file's version 2 parts (cache breakpoints, tokenizer) through the Prompt view, without a display. */
class WorkspaceFileViewModelTest {

    private static final Catalog CATALOG = CatalogBuilder.builtIn();

    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final Preferences prefs =
            Preferences.userRoot().node("dev/costbench/test/workspace-file-" + UUID.randomUUID());

    @TempDir
    Path tmp;

    @AfterEach
    void dropPrefs() throws Exception {
        prefs.removeNode();
    }

    private WorkspaceViewModel workspace(WorkspaceParts parts) {
        return new WorkspaceViewModel(
                new UiContext(new DirectTaskExecutor(), dialogs),
                parts,
                tmp.resolve("data/workspace-autosave.json"),
                Duration.ZERO,
                new WorkspaceMemory(prefs));
    }

    private static WorkspaceParts parts() {
        return WorkspaceParts.of(
                new PromptViewModel(new UiContext(new DirectTaskExecutor(), new RecordingDialogService()), CATALOG));
    }

    @Test
    void breakpointsTtlAndTokenizerSurviveSaveAndOpen() throws Exception {
        WorkspaceParts a = parts();
        WorkspaceViewModel ws = workspace(a);
        a.prompt().systemTextProperty().set("You are a careful support agent.");
        a.prompt().addTurn(Role.USER, "Hi");
        a.prompt().addTurn(Role.ASSISTANT, "Hello! How can I help?");
        a.prompt().userTextProperty().set("Where is my parcel?");
        Path f = tmp.resolve("cached.json");
        dialogs.answer(f);
        assertTrue(ws.saveAs());

        a.marks().toggle("system", 32);
        assertTrue(ws.dirtyProperty().get(), "a new breakpoint is a change worth saving");
        a.marks().toggle(a.prompt().turns().get(1).key(), 6);
        a.marks().ttlProperty().set(Part.CacheTtl.ONE_HOUR);
        a.tokenizer().set(Encoding.CL100K_BASE);
        assertTrue(ws.save());
        assertFalse(ws.dirtyProperty().get());
        assertEquals(
                new PromptWorkspaceCache(
                        Part.CacheTtl.ONE_HOUR,
                        List.of(
                                new PromptWorkspaceCache.Breakpoint("system", 32),
                                PromptWorkspaceCache.Breakpoint.turn(1, 6))),
                PromptWorkspaceFiles.read(f).cache());

        WorkspaceParts b = parts();
        WorkspaceViewModel again = workspace(b);
        again.openRecent(f);
        assertEquals(List.of(32), b.marks().offsets("system"));
        assertEquals(List.of(6), b.marks().offsets(b.prompt().turns().get(1).key()));
        assertEquals(List.of(), b.marks().offsets(b.prompt().turns().get(0).key()));
        assertEquals(Part.CacheTtl.ONE_HOUR, b.marks().ttlProperty().get());
        assertEquals(Encoding.CL100K_BASE, b.tokenizer().get());
        assertFalse(again.dirtyProperty().get());

        b.tokenizer().set(Encoding.O200K_BASE);
        assertFalse(again.dirtyProperty().get(), "another tokenizer alone does not ask to save");
        b.marks().marks().clear();
        assertTrue(again.dirtyProperty().get());
    }

    @Test
    void aVersionOneFileOpensWithNoBreakpointsAndTheDefaultTokenizer() throws Exception {
        Path v1 = tmp.resolve("old.json");
        Files.writeString(
                v1,
                "{\"format\": \"costbench-prompt-workspace\", \"version\": 1, \"system\": \"Be brief.\", "
                        + "\"user\": \"Hi\", \"model\": \"gpt-5-mini\"}");
        WorkspaceParts p = parts();
        p.marks().toggle("system", 2);
        p.tokenizer().set(Encoding.CL100K_BASE);
        WorkspaceViewModel ws = workspace(p);
        ws.openRecent(v1);
        assertEquals("Be brief.", p.prompt().systemTextProperty().get());
        assertEquals(List.of(), p.marks().marks());
        assertEquals(Encoding.O200K_BASE, p.tokenizer().get());
        assertEquals("gpt-5-mini", p.prompt().selectedModelProperty().get().id());
        assertFalse(ws.dirtyProperty().get());
        assertTrue(dialogs.all("error").isEmpty(), dialogs.all("error").toString());
    }
}
