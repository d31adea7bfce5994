// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.prompt.PromptWorkspace;
import dev.costbench.model.prompt.PromptWorkspaceFiles;
import dev.costbench.ui.common.Autosave;
import dev.costbench.ui.common.DialogService;
import dev.costbench.ui.common.UiContext;
import dev.costbench.ui.common.UnsavedChanges;
import dev.costbench.ui.common.ViewModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;

/**
 * Saved work for the Prompt view: New, Open, Save, Save as and Open recent for a prompt workspace file (see {@link
 * PromptWorkspaceFiles}), the window title with a dirty marker, the unsaved-changes question, and an autosave of the
 * current workspace to the data directory that the next start restores (also after a crash).
 *
 * <p>The workspace is the {@link PromptViewModel}'s system prompt, few-shot turns, user message, request options and
 * selected model, the cache breakpoints marked in the editors and the Tokens pane's tokenizer. It counts as changed
 * when its text, options or breakpoints differ from the file last opened or saved; picking another model in the
 * table or another tokenizer alone does not ask to save (they are saved with the rest).
 */
public final class WorkspaceViewModel implements ViewModel {

    /** Shown in the title while the workspace has no file. */
    public static final String UNTITLED = "Untitled prompt";

    static final DialogService.FileKind WORKSPACE =
            new DialogService.FileKind("CostBench prompt workspaces", List.of("*.json"));

    private final PromptViewModel prompt;
    private final WorkspaceParts parts;
    private final UiContext ui;
    private final Path autosaveFile;
    private final WorkspaceMemory memory;
    private final Autosave<PromptWorkspace> autosave;
    private final Object writeLock = new Object();

    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");

    /** The workspace as last opened or saved (what "changed" is measured against). */
    private PromptWorkspace saved;

    private boolean applying;

    /**
     * @param autosaveFile  where the current workspace is kept between sessions ({@code workspace-autosave.json} in
     *                      the data directory)
     * @param autosaveDelay how long after the last edit the autosave is written
     * @param memory        the recent files and the file the last session had open (Preferences in the app)
     */
    public WorkspaceViewModel(
            UiContext ui, PromptViewModel prompt, Path autosaveFile, Duration autosaveDelay, WorkspaceMemory memory) {
        this(ui, WorkspaceParts.of(prompt), autosaveFile, autosaveDelay, memory);
    }

    /** As above, for the Prompt view's parts: its breakpoints and tokenizer are saved and restored with it. */
    public WorkspaceViewModel(
            UiContext ui, WorkspaceParts parts, Path autosaveFile, Duration autosaveDelay, WorkspaceMemory memory) {
        this.ui = ui;
        this.parts = parts;
        this.prompt = parts.prompt();
        this.autosaveFile = autosaveFile;
        this.memory = memory;
        this.autosave = new Autosave<>(
                ui,
                "workspace autosave",
                autosaveFile,
                autosaveDelay,
                PromptWorkspaceFiles::write,
                "Your prompt",
                "save your work with File ▸ Save, and ");
        this.saved = Snapshots.capture(parts).orElse(PromptWorkspace.empty());
        Observable[] inputs = {
            prompt.systemTextProperty(),
            prompt.turns(),
            prompt.userTextProperty(),
            prompt.outputTokensProperty(),
            prompt.reasoningTokensProperty(),
            prompt.monthlyRequestsProperty(),
            prompt.cachedPrefixProperty(),
            prompt.batchProperty(),
            prompt.residencyProperty(),
            prompt.toolsJsonProperty(),
            prompt.selectedModelProperty(),
            parts.marks().marks(),
            parts.marks().ttlProperty(),
            parts.tokenizer()
        };
        for (Observable o : inputs) {
            o.addListener(x -> changed());
        }
        file.addListener(x -> updateTitle());
        dirty.addListener(x -> updateTitle());
        updateTitle();
    }

    /**
     * Brings back the last session's workspace from the autosave file, with the file it belonged to (and whether it
     * had unsaved changes). Returns false when there is nothing to restore (first start); a damaged autosave is
     * moved aside and reported.
     */
    public boolean restore() {
        if (!Files.isRegularFile(autosaveFile)) {
            return false;
        }
        PromptWorkspace last;
        try {
            last = PromptWorkspaceFiles.read(autosaveFile);
        } catch (IOException e) {
            String kept = Autosave.setAside(autosaveFile, "workspace-autosave-damaged.json");
            ui.dialogs()
                    .warning(
                            "The last session's prompt could not be restored",
                            e.getMessage() + kept + " Open a saved workspace with File ▸ Open prompt… if you have "
                                    + "one.");
            return false;
        }
        Path lastFile = memory.lastFile().filter(Files::isRegularFile).orElse(null);
        PromptWorkspace onDisk = null;
        if (lastFile != null) {
            try {
                onDisk = PromptWorkspaceFiles.read(lastFile);
            } catch (IOException e) {
                lastFile = null; // restored as an untitled workspace; Save asks where
            }
        }
        apply(last);
        file.set(lastFile);
        if (onDisk != null) {
            saved = onDisk;
        } // untitled: compared with what a fresh start shows, so restored unsaved work keeps its "•"
        dirty.set(isChanged());
        return true;
    }

    /** File ▸ New prompt: an empty prompt with default options, after asking about unsaved changes. */
    public void newPrompt() {
        if (!askToSave("starting a new prompt")) {
            return;
        }
        apply(PromptWorkspace.empty());
        markSaved(null, PromptWorkspace.empty());
    }

    /** File ▸ Open prompt…: asks for a workspace file (after asking about unsaved changes) and opens it. */
    public void open() {
        if (!askToSave("opening another prompt")) {
            return;
        }
        ui.dialogs()
                .openFile("Open prompt workspace", WORKSPACE, DialogService.FileKind.ANY)
                .ifPresent(this::load);
    }

    /** File ▸ Open recent ▸ {@code f}. */
    public void openRecent(Path f) {
        if (!askToSave("opening another prompt")) {
            return;
        }
        if (!Files.isRegularFile(f)) {
            memory.forget(f);
            ui.dialogs()
                    .error(
                            "Could not open " + f.getFileName(),
                            f + " no longer exists (moved, renamed or deleted). It was removed from Open recent; "
                                    + "use File ▸ Open prompt… to find it.");
            return;
        }
        load(f);
    }

    /** Reads {@code f} whole and only then replaces the prompt; a file that cannot be read changes nothing. */
    void load(Path f) {
        PromptWorkspace w;
        try {
            w = PromptWorkspaceFiles.read(f);
        } catch (IOException e) {
            ui.dialogs()
                    .error(
                            "Could not open " + f.getFileName(),
                            e.getMessage()
                                    + (e instanceof PromptWorkspaceFiles.WorkspaceFileException
                                            ? ""
                                            : " Check that the file exists and that you may read it, then try again."));
            return;
        }
        String missing = apply(w);
        markSaved(f, w);
        memory.remember(f);
        if (missing != null) {
            ui.dialogs()
                    .notify("The model " + missing + " saved with this prompt is not in the catalog; select one in "
                            + "the table.");
        }
    }

    /** File ▸ Save: to the workspace's file, or asks where when it has none. Returns false when nothing was saved. */
    public boolean save() {
        return file.get() == null ? saveAs() : saveTo(file.get());
    }

    /** File ▸ Save as…: asks where, then saves. Returns false when nothing was saved. */
    public boolean saveAs() {
        String suggested = file.get() != null ? file.get().getFileName().toString() : "prompt.json";
        Optional<Path> where = ui.dialogs().saveFile("Save prompt workspace", suggested, WORKSPACE);
        return where.isPresent() && saveTo(withJsonExtension(where.get()));
    }

    private boolean saveTo(Path f) {
        PromptWorkspace w;
        try {
            w = Snapshots.require(parts);
        } catch (IllegalArgumentException e) {
            ui.dialogs().error("Could not save the prompt", e.getMessage());
            return false;
        }
        try {
            synchronized (writeLock) {
                PromptWorkspaceFiles.write(f, w);
            }
        } catch (IOException e) {
            ui.dialogs()
                    .error(
                            "Could not save " + f.getFileName(),
                            UiContext.describe(e) + ". Your prompt is unchanged in the window; choose another "
                                    + "folder with File ▸ Save as… or free some disk space, then save again.");
            return false;
        }
        markSaved(f, w);
        memory.remember(f);
        ui.dialogs().notify("Saved " + f.getFileName());
        return true;
    }

    /** The prompt being edited, as Save would write it; empty when one of its options is out of range. */
    public Optional<PromptWorkspace> current() {
        return Snapshots.capture(parts);
    }

    /**
     * Before the window closes: asks about unsaved changes and writes the autosave the next start restores. Returns
     * false when the user cancelled (the window stays open).
     */
    public boolean confirmClose() {
        if (!askToSave("closing CostBench")) {
            return false;
        }
        // "Don't save" drops the changes: the next start brings back the file as it was saved.
        PromptWorkspace keep = dirty.get() ? saved : Snapshots.capture(parts).orElse(saved);
        autosave.writeNow(keep);
        return true;
    }

    /**
     * Asks "Save / Don't save / Cancel" when there are unsaved changes; true when the action may go on (saved, or
     * the changes may be dropped).
     */
    private boolean askToSave(String action) {
        if (!dirty.get()) {
            return true;
        }
        UnsavedChanges.Answer answer = UnsavedChanges.ask(ui.dialogs(), displayName(), "prompt", action);
        if (answer == UnsavedChanges.Answer.CANCEL) {
            return false;
        }
        return answer == UnsavedChanges.Answer.DONT_SAVE || save();
    }

    /** Puts {@code w} into the Prompt view. Returns the saved model id when the catalog has no such model. */
    private String apply(PromptWorkspace w) {
        applying = true;
        try {
            Snapshots.apply(parts, w);
            String missing = null;
            if (w.modelId() != null) {
                Catalog c = prompt.catalogProperty().get();
                Optional<ModelEntry> m = c == null ? Optional.empty() : c.find(w.modelId());
                prompt.selectedModelProperty().set(m.orElse(null));
                missing = m.isEmpty() ? w.modelId() : null;
            }
            return missing;
        } finally {
            applying = false;
        }
    }

    private void markSaved(Path f, PromptWorkspace w) {
        saved = w;
        file.set(f);
        memory.lastFile(f);
        dirty.set(isChanged());
        scheduleAutosave();
    }

    private void changed() {
        if (applying) {
            return;
        }
        dirty.set(isChanged());
        scheduleAutosave();
    }

    private boolean isChanged() {
        return Snapshots.capture(parts).map(w -> !Snapshots.sameWork(w, saved)).orElse(true);
    }

    /** Writes the current workspace to the autosave file a moment after the last change. */
    private void scheduleAutosave() {
        Optional<PromptWorkspace> w = Snapshots.capture(parts);
        if (w.isEmpty()) {
            return; // a number out of range: the last good autosave stays
        }
        autosave.schedule(w.get());
    }

    private static Path withJsonExtension(Path p) {
        String n = p.getFileName().toString();
        return n.contains(".") ? p : p.resolveSibling(n + ".json");
    }

    private String displayName() {
        Path f = file.get();
        return f == null ? "the untitled prompt" : "“" + f.getFileName() + "”";
    }

    private void updateTitle() {
        Path f = file.get();
        String name = f == null ? UNTITLED : f.getFileName().toString();
        title.set(UnsavedChanges.windowTitle(name, dirty.get()));
    }

    /** The window title: "• name — CostBench" while there are unsaved changes. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    /** The workspace's file, or null while untitled. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /** The recently opened or saved workspaces, newest first (at most {@value WorkspaceMemory#RECENT}). */
    public ObservableList<Path> recentFiles() {
        return memory.recent();
    }

    @Override
    public void close() {
        autosave.close();
    }
}
