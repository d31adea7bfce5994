// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.shell;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.Tier;
import dev.costbench.model.catalog.refresh.UserCatalogTokenizers;
import dev.costbench.model.catalog.team.CatalogOverrides;
import dev.costbench.model.tokens.OpenTokenizers;
import dev.costbench.ui.common.DialogService.FileKind;
import dev.costbench.ui.common.UiContext;
import dev.costbench.ui.common.ViewModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Catalog ▸ Load tokenizer.json…: an open model's tokenizer that CostBench may not ship (Llama 3, Gemma 3), from a
 * file the user downloaded. The user says which tokenizer it is (the one whose name the file's path mentions comes
 * first) and which catalog models count with it (the models whose entry names it come ticked; the choice is written
 * as the models' {@code tokenizer} in the user catalog); the file is checked and copied into the data folder in the
 * background, and the catalog is reloaded so that every model chosen counts exactly.
 */
public final class TokenizerLoadViewModel implements ViewModel {

    static final FileKind TOKENIZER_JSON = new FileKind("tokenizer.json", List.of("*.json", "*.json.gz"));

    private final UiContext ui;
    private final Supplier<Catalog> current;
    private final Supplier<Catalog> builtIn;
    private final Supplier<CatalogOverrides> overrides;
    private final Runnable reload;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    /**
     * @param current     the catalog in use (built-in and user entries)
     * @param builtIn     the built-in catalog alone
     * @param overrides   the user catalog overrides in use (the personal file, or the team catalog on a team store),
     *                    where the models' tokenizer is written
     */
    public TokenizerLoadViewModel(
            UiContext ui,
            Supplier<Catalog> current,
            Supplier<Catalog> builtIn,
            Supplier<CatalogOverrides> overrides,
            Runnable reload) {
        this.ui = ui;
        this.current = current;
        this.builtIn = builtIn;
        this.overrides = overrides;
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

    /** Asks which tokenizer {@code file} is and which models use it, then loads it in the background. */
    public void load(Path file) {
        List<OpenTokenizers.Info> choices = choices(file);
        Catalog catalog = current.get();
        List<String> labels = choices.stream().map(i -> label(i, catalog)).collect(Collectors.toList());
        Optional<Integer> pick = ui.dialogs()
                .choose(
                        "Which tokenizer is " + file.getFileName() + "?",
                        "Next you choose the models that count their input tokens with it, exactly. The first choice"
                                + " matches the file's folder or name. The Qwen3 and DeepSeek-V3 tokenizers are built"
                                + " in.",
                        labels);
        if (pick.isEmpty()) {
            return;
        }
        OpenTokenizers.Info info = choices.get(pick.get());
        List<ModelEntry> offered = offered(info, catalog);
        Set<Integer> named = new TreeSet<>();
        for (int i = 0; i < offered.size(); i++) {
            if (info.name().equals(offered.get(i).tokenizer())) {
                named.add(i);
            }
        }
        Optional<Set<Integer>> ticked = ui.dialogs()
                .chooseMany(
                        "Which models count with the " + info.displayName() + "?",
                        "The ticked models count their input tokens with " + file.getFileName() + ", exactly (their"
                                + " catalog entry names this tokenizer: those are ticked). Your choice is kept in"
                                + " your user catalog; an unticked model is estimated.",
                        offered.stream().map(TokenizerLoadViewModel::modelLabel).toList(),
                        named);
        if (ticked.isEmpty()) {
            return;
        }
        List<String> use = new ArrayList<>();
        List<String> stop = new ArrayList<>();
        for (int i = 0; i < offered.size(); i++) {
            if (ticked.get().contains(i) && !named.contains(i)) {
                use.add(offered.get(i).id());
            } else if (!ticked.get().contains(i) && named.contains(i)) {
                stop.add(offered.get(i).id());
            }
        }
        int models = ticked.get().size();
        CatalogOverrides target = overrides.get();
        busy.set(true);
        ui.tasks()
                .task("Load the " + info.displayName(), p -> {
                    OpenTokenizers.install(info.name(), file);
                    try {
                        target.write(f -> UserCatalogTokenizers.assign(f, builtIn.get(), info.name(), use, stop));
                        return "";
                    } catch (IOException e) {
                        return e.getMessage(); // the tokenizer is loaded: say so, and why the choice is not kept
                    }
                })
                .onSuccess(catalogProblem -> {
                    busy.set(false);
                    reload.run();
                    if (catalogProblem.isEmpty()) {
                        ui.dialogs()
                                .notify(info.displayName() + " loaded: " + models
                                        + (models == 1 ? " model counts" : " models count") + " exactly");
                    } else {
                        ui.dialogs()
                                .warning(
                                        info.displayName() + " loaded, but the models chosen are not kept",
                                        "The choice could not be saved in " + target.describe() + ": " + catalogProblem
                                                + "\n\nFix that, then load the file again to choose the"
                                                + " models. Until then the models whose entry names the "
                                                + info.displayName() + " count with it.");
                    }
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

    /**
     * The models offered for a tokenizer: the open-weight models and any model whose entry names it, those first,
     * each part by provider then name.
     */
    static List<ModelEntry> offered(OpenTokenizers.Info info, Catalog catalog) {
        if (catalog == null) {
            return List.of();
        }
        return catalog.models().stream()
                .filter(m -> m.tier() == Tier.OPEN || info.name().equals(m.tokenizer()))
                .sorted(Comparator.comparing((ModelEntry m) -> !info.name().equals(m.tokenizer()))
                        .thenComparing(ModelEntry::providerName)
                        .thenComparing(ModelEntry::name))
                .toList();
    }

    /** "Llama 3.3 70B (Groq) · now: Llama 3 tokenizer" (the provider added to a name without parentheses). */
    private static String modelLabel(ModelEntry m) {
        String now = OpenTokenizers.info(m.tokenizer())
                .map(OpenTokenizers.Info::displayName)
                .orElse(m.tokenizer().startsWith("o200k") ? "o200k_base" : "o200k_base estimate");
        String name = m.name().contains("(") ? m.name() : m.name() + " (" + m.providerName() + ")";
        return name + " · now: " + now;
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
