// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.shell;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.tokens.OpenTokenizers;
import dev.costbench.ui.common.DialogService.FileKind;
import dev.costbench.ui.common.UiContext;
import dev.costbench.ui.common.ViewModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Catalog ▸ Load tokenizer.json…: an open model's tokenizer that CostBench may not ship (Llama 3, Gemma 3), from a
 * file the user downloaded. The user says which tokenizer it is (the one whose name the file's path mentions comes
 * first); the file is checked and copied into the data folder in the background, and the catalog is reloaded so that
 * every model whose entry names that tokenizer counts exactly.
 */
public final class TokenizerLoadViewModel implements ViewModel {

    static final FileKind TOKENIZER_JSON = new FileKind("tokenizer.json", List.of("*.json", "*.json.gz"));

    private final UiContext ui;
    private final Supplier<Catalog> current;
    private final Runnable reload;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    public TokenizerLoadViewModel(UiContext ui, Supplier<Catalog> current, Runnable reload) {
        this.ui = ui;
        this.current = current;
        this.reload = reload;
    }

    /** True while a file is read and copied. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Catalog ▸ Load tokenizer.json…: asks for the file, then which tokenizer it is. */
    public void load() {
        ui.dialogs()
                .openFile("Load an open model's tokenizer.json", TOKENIZER_JSON, FileKind.ANY)
                .ifPresent(this::load);
    }

    /** Asks which tokenizer {@code file} is, then loads it in the background. */
    public void load(Path file) {
        List<OpenTokenizers.Info> choices = choices(file);
        Catalog catalog = current.get();
        List<String> labels = choices.stream().map(i -> label(i, catalog)).collect(Collectors.toList());
        Optional<Integer> pick = ui.dialogs()
                .choose(
                        "Which tokenizer is " + file.getFileName() + "?",
                        "The models whose catalog entry names this tokenizer will count their input tokens with it,"
                                + " exactly. The first choice matches the file's folder or name. The Qwen3 and"
                                + " DeepSeek-V3 tokenizers are built in.",
                        labels);
        if (pick.isEmpty()) {
            return;
        }
        OpenTokenizers.Info info = choices.get(pick.get());
        int models = models(info, catalog).size();
        busy.set(true);
        ui.tasks()
                .task("Load the " + info.displayName(), p -> OpenTokenizers.install(info.name(), file))
                .onSuccess(t -> {
                    busy.set(false);
                    reload.run();
                    ui.dialogs()
                            .notify(info.displayName() + " loaded: " + models
                                    + (models == 1 ? " model counts" : " models count") + " exactly");
                })
                .onFailure(e -> {
                    busy.set(false);
                    ui.dialogs()
                            .error(
                                    "Could not load " + file.getFileName(),
                                    UiContext.describe(e) + "\n\nNothing was changed. Choose the model's tokenizer.json"
                                            + " (on its Hugging Face page, under Files and versions).");
                })
                .start();
    }

    /** The tokenizers CostBench does not ship, the one {@code file}'s path names first. */
    static List<OpenTokenizers.Info> choices(Path file) {
        String path = file.toAbsolutePath()
                .toString()
                .toLowerCase(Locale.ROOT)
                .replace("-", "")
                .replace("_", "");
        List<OpenTokenizers.Info> out = new ArrayList<>();
        for (OpenTokenizers.Info i : OpenTokenizers.KNOWN) {
            if (!i.shipped()) {
                String stem = i.name().replaceAll("[0-9-]+$", "");
                if (path.contains(stem)) {
                    out.add(0, i);
                } else {
                    out.add(i);
                }
            }
        }
        return out;
    }

    private static List<ModelEntry> models(OpenTokenizers.Info info, Catalog catalog) {
        return catalog == null
                ? List.of()
                : catalog.models().stream()
                        .filter(m -> info.name().equals(m.tokenizer()))
                        .collect(Collectors.toList());
    }

    private static String label(OpenTokenizers.Info info, Catalog catalog) {
        List<ModelEntry> models = models(info, catalog);
        String names = models.stream().limit(3).map(ModelEntry::name).collect(Collectors.joining(", "));
        return info.displayName() + " — " + models.size() + (models.size() == 1 ? " model" : " models")
                + (models.isEmpty() ? "" : ": " + names + (models.size() > 3 ? ", …" : ""));
    }
}
