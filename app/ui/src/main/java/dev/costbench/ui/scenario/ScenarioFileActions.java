// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.scenario;

import dev.costbench.model.scenario.Scenario;
import dev.costbench.model.scenario.ScenarioFiles;
import dev.costbench.model.scenario.ScenarioReport;
import dev.costbench.model.scenario.Waterfall;
import dev.costbench.ui.common.DialogService;
import dev.costbench.ui.common.FormDialogs;
import dev.costbench.ui.common.UiContext;
import dev.costbench.ui.common.UnsavedChanges;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The scenario's files: the saved scenarios and samples to pick from, open, save, duplicate, rename, export the
 * report, and a new scenario from seed 003's four questions. Reading and writing run in the background.
 */
public final class ScenarioFileActions {

    static final DialogService.FileKind HTML =
            new DialogService.FileKind("HTML report with the chart", List.of("*.html"));

    private final ScenarioViewModel vm;
    private final FormDialogs forms;
    private final ObservableList<String> names = FXCollections.observableArrayList();
    private final ObservableList<String> namesView = FXCollections.unmodifiableObservableList(names);
    private final ReadOnlyStringWrapper current = new ReadOnlyStringWrapper(this, "current");

    ScenarioFileActions(ScenarioViewModel vm, FormDialogs forms) {
        this.vm = vm;
        this.forms = forms;
    }

    /** The saved scenarios (newest first), then the samples (read-only for the view). */
    public ObservableList<String> names() {
        return namesView; // one wrapper: listeners on it stay
    }

    /** The name of the open scenario as the picker shows it; null for one not saved yet. */
    public ReadOnlyStringProperty currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** Lists the saved scenarios and the samples again. */
    public void refreshNames() {
        ui().tasks()
                .task("list scenarios", p -> vm.library().names())
                .onSuccess(names::setAll)
                .onFailure(e -> vm.results()
                        .status("Cannot list the saved scenarios: " + UiContext.describe(e)
                                + ". The samples are still here; restart CostBench to reopen the store."))
                .start();
    }

    /**
     * Opens a saved scenario or a sample by name (nothing when it is already open), after asking about unsaved
     * changes. Returns false when the user cancelled: the open scenario and its edits stay.
     */
    public boolean open(String name) {
        if (name == null || name.equals(current.get())) {
            return true;
        }
        if (!askToSave("opening “" + ScenarioNames.display(name) + "”")) {
            return false;
        }
        ui().tasks()
                .task("open scenario", p -> vm.library().find(name))
                .onSuccess(s -> {
                    current.set(name);
                    vm.show(s);
                })
                .onFailure(e -> vm.results()
                        .status("Cannot open “" + name + "”: " + UiContext.describe(e)
                                + ". Pick another scenario, or import the file again."))
                .start();
        return true;
    }

    /** Saves the open scenario where it came from, under its name; a sample is read-only: it asks for a name. */
    public void save() {
        if (isSample()) {
            ask("Save the sample as", vm.scenario().name()).ifPresent(this::saveAs);
        } else {
            saveAs(vm.scenario().name());
        }
    }

    /** Asks for a name and saves a copy under it, which becomes the open scenario. */
    public void duplicate() {
        ask("Duplicate as", vm.scenario().name() + " (copy)").ifPresent(this::saveAs);
    }

    /** Asks for a new name: a saved scenario is renamed, a sample is saved under the new name. */
    public void rename() {
        ask("Rename to", vm.scenario().name()).ifPresent(to -> {
            Scenario s = vm.scenario().withName(to);
            write("rename scenario", s, () -> vm.library().rename(vm.scenario(), to), "Not renamed");
        });
    }

    /**
     * Asks "Save / Don't save / Cancel" when the open scenario has unsaved changes; true when {@code action} may go
     * on (saved, or the changes may be dropped). Save writes at once (a sample asks for a name first).
     */
    boolean askToSave(String action) {
        if (!vm.dirtyProperty().get()) {
            return true;
        }
        UnsavedChanges.Answer a =
                UnsavedChanges.ask(ui().dialogs(), "“" + vm.scenario().name() + "”", "scenario", action);
        if (a == UnsavedChanges.Answer.CANCEL) {
            return false;
        }
        return a == UnsavedChanges.Answer.DONT_SAVE || saveNow();
    }

    private boolean saveNow() {
        Optional<String> name = isSample()
                ? ask("Save the sample as", vm.scenario().name())
                : Optional.of(vm.scenario().name());
        if (name.isEmpty()) {
            return false;
        }
        Scenario s = vm.scenario().withName(name.get());
        try {
            saved(s, vm.library().save(s));
            return true;
        } catch (IOException | RuntimeException e) {
            ui().dialogs()
                    .error(
                            "Could not save “" + s.name() + "”",
                            UiContext.describe(e) + ". Check that the data folder can be written and try again, "
                                    + "or choose Don't save to drop the changes.");
            return false;
        }
    }

    /** True while the open scenario is a built-in sample (read-only: saving asks for a name). */
    boolean isSample() {
        return current.get() != null && ScenarioFiles.SAMPLES.contains(current.get());
    }

    private void saveAs(String name) {
        Scenario s = vm.scenario().withName(name);
        write("save scenario", s, () -> vm.library().save(s), "Not saved");
    }

    private interface Write {
        String run() throws Exception;
    }

    private void write(String job, Scenario s, Write w, String failed) {
        ui().tasks()
                .task(job, p -> w.run())
                .onSuccess(message -> saved(s, message))
                .onFailure(e -> vm.results()
                        .status(failed + ": " + UiContext.describe(e)
                                + ". Check that the data folder can be written, then try again."))
                .start();
    }

    /** {@code s} is now in the store (or the data folder) under its name. */
    private void saved(Scenario s, String message) {
        vm.markSaved(s);
        current.set(s.name());
        vm.results().status(message);
        refreshNames();
    }

    private Optional<String> ask(String what, String initial) {
        return ui().dialogs().askText(what, "Name", initial).map(String::trim).filter(x -> !x.isEmpty());
    }

    /** Asks where to write the report (HTML with the chart, CSV or JSON) and writes it. */
    public void exportReport() {
        if (vm.results().waterfallProperty().get() == null) {
            vm.results().status("Nothing to export yet: fix the fields marked in red first.");
            return;
        }
        String suggested = vm.scenario().name().replaceAll("[^A-Za-z0-9._-]", "-") + ".html";
        ui().dialogs()
                .saveFile(
                        "Export the scenario report",
                        suggested,
                        HTML,
                        DialogService.FileKind.CSV,
                        DialogService.FileKind.JSON)
                .ifPresent(this::exportTo);
    }

    /** Writes the report in the format the file name's extension says (html, csv, json; else text). */
    void exportTo(Path f) {
        String ext = f.getFileName().toString().replaceFirst(".*\\.", "").toLowerCase(Locale.ROOT);
        ScenarioReport.Format fmt = ScenarioReport.Format.parse(
                ext.equals("htm") ? "html" : List.of("html", "csv", "json").contains(ext) ? ext : "text");
        Scenario s = vm.scenario();
        Waterfall w = vm.results().waterfallProperty().get();
        ui().tasks()
                .task("export scenario report", p -> {
                    Files.writeString(f, ScenarioReport.render(fmt, s, w), StandardCharsets.UTF_8);
                    return f;
                })
                .onSuccess(x -> vm.results().status("Exported " + x))
                .onFailure(e -> vm.results()
                        .status("Export failed: " + UiContext.describe(e)
                                + ". Choose a folder you can write to and try again."))
                .start();
    }

    /** Seed 003's four questions; the answers make a new scenario with the levers they call for. */
    public void newFromQuestions() {
        if (!askToSave("starting a new scenario")) {
            return;
        }
        forms.ask(ScenarioQuestions.form(vm.catalog())).ifPresent(a -> {
            try {
                Scenario s = ScenarioQuestions.fromForm(a, vm.catalog());
                current.set(null);
                vm.show(s.withStartMonth(YearMonth.now(Clock.systemUTC())), false);
            } catch (IllegalArgumentException e) {
                vm.results().status(e.getMessage() + " Start again with “New from questions…”.");
            }
        });
    }

    private UiContext ui() {
        return vm.ui();
    }
}
