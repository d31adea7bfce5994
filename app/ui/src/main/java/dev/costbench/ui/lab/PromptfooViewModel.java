// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.LabStore;
import dev.costbench.model.lab.promptfoo.Imported;
import dev.costbench.model.lab.promptfoo.PromptfooExport;
import dev.costbench.model.lab.promptfoo.PromptfooImport;
import dev.costbench.model.lab.run.ExperimentSpec;
import dev.costbench.model.lab.run.Runner;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.ui.common.DialogService.FileKind;
import dev.costbench.ui.common.UiContext;
import dev.costbench.ui.common.ViewModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * The A/B lab's promptfoo bridge: "Import promptfoo config…" stores a {@code promptfooconfig.yaml} as a new
 * experiment (not run yet: Rerun runs it) and shows what was not mapped; "Export for promptfoo…" writes the selected
 * experiment's results in promptfoo's {@code results.json} shape.
 */
public final class PromptfooViewModel implements ViewModel {

    static final FileKind CONFIG = new FileKind("promptfoo configuration (YAML)", List.of("*.yaml", "*.yml"));
    static final FileKind RESULTS = new FileKind("promptfoo results (JSON)", List.of("*.json"));

    private final UiContext ui;
    private final Supplier<LabStore> store;
    private final Supplier<Catalog> catalog;
    private final LongConsumer created;

    /**
     * @param catalog the models (null: import is not offered, export names every model's provider as
     *                OpenAI-compatible)
     * @param created called on the UI thread with a new experiment's id
     */
    PromptfooViewModel(UiContext ui, Supplier<LabStore> store, Supplier<Catalog> catalog, LongConsumer created) {
        this.ui = ui;
        this.store = store;
        this.catalog = catalog;
        this.created = created;
    }

    /** "Import promptfoo config…": a configuration chosen by the user. */
    public void importChosen() {
        ui.dialogs().openFile("Import a promptfoo configuration", CONFIG).ifPresent(this::importFrom);
    }

    private record Done(Imported imported, long id) {}

    /**
     * Stores the configuration in {@code f} as a new experiment (in the background) and shows what was not mapped; a
     * file that cannot be imported gets an error dialog and creates nothing.
     */
    public void importFrom(Path f) {
        if (catalog == null) {
            return;
        }
        LabStore s = store.get();
        Catalog c = catalog.get();
        ui.tasks()
                .task("promptfoo import", p -> {
                    Imported imported = PromptfooImport.read(f);
                    Runner r = new Runner(
                            s,
                            id -> {
                                throw new ProviderException(
                                        id,
                                        ProviderException.Kind.NO_KEY,
                                        0,
                                        "not calling while importing",
                                        null,
                                        null,
                                        null);
                            },
                            c::find);
                    return new Done(imported, r.create(imported.spec()).experimentId());
                })
                .onSuccess(d -> {
                    created.accept(d.id());
                    ui.dialogs()
                            .showText("promptfoo import", headline(d.imported().spec()), report(d.imported()));
                })
                .onFailure(e -> ui.dialogs()
                        .error(
                                "Cannot import " + f.getFileName(),
                                UiContext.describe(e) + "\n\nNothing was created. Choose a promptfooconfig.yaml "
                                        + "with at least one prompt and one OpenAI, Anthropic, Google or Ollama "
                                        + "provider."))
                .start();
    }

    private static String headline(ExperimentSpec s) {
        return "\"" + s.name() + "\" was added to the history, not run yet: select it and press Rerun to run its "
                + s.plannedCalls() + " calls.";
    }

    /** The import's report: what was mapped, the notes, and every part not mapped with its path and why. */
    static String report(Imported i) {
        ExperimentSpec s = i.spec();
        StringBuilder b = new StringBuilder();
        b.append(s.variants().size())
                .append(" prompt variants, ")
                .append(s.models().size())
                .append(" models, ")
                .append(s.inputs().size())
                .append(" inputs, ")
                .append(s.quality().checks().size())
                .append(" checks")
                .append(
                        s.quality().judge() == null
                                ? ""
                                : ", a judge (" + s.quality().judge().model() + ")")
                .append(".\n");
        i.notes().forEach(n -> b.append("\nNote: ").append(n));
        if (i.unmapped().isEmpty()) {
            b.append("\nEverything in the configuration was mapped.");
        } else {
            b.append("\nNot mapped (").append(i.unmapped().size()).append("):");
            i.unmapped()
                    .forEach(u -> b.append("\n• ").append(u.path()).append(": ").append(u.why()));
        }
        return b.toString();
    }

    /**
     * "Export for promptfoo…": the experiment's results in promptfoo's results.json shape (nothing without an
     * experiment: the button waits for one to be selected and says so).
     */
    public void exportChosen(Experiment e) {
        if (e != null) {
            ui.dialogs()
                    .saveFile(
                            "Export for promptfoo",
                            e.name().replaceAll("[^A-Za-z0-9._-]", "-") + "-promptfoo.json",
                            RESULTS)
                    .ifPresent(f -> exportTo(e.id(), f));
        }
    }

    /** Writes experiment {@code id}'s results in promptfoo's shape to {@code f} (in the background). */
    public void exportTo(long id, Path f) {
        LabStore s = store.get();
        Catalog c = catalog == null ? null : catalog.get();
        ui.tasks()
                .task("promptfoo export", () -> {
                    try {
                        Files.writeString(
                                f,
                                PromptfooExport.json(
                                        s, id, m -> c == null ? Optional.empty() : c.find(m), Instant.now()),
                                StandardCharsets.UTF_8);
                    } catch (IOException x) {
                        throw new UncheckedIOException(x);
                    }
                })
                .onSuccess(v -> ui.dialogs()
                        .notify("Exported for promptfoo to " + f.getFileName()
                                + " (open it with promptfoo import, then promptfoo view)"))
                .onFailure(x -> ui.dialogs()
                        .error(
                                "The export failed",
                                UiContext.describe(x) + "\n\nChoose a folder you can write to " + "and try again."))
                .start();
    }
}
