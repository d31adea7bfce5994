// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.shell;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.refresh.CatalogDiff;
import dev.costbench.model.catalog.refresh.DiffRow;
import dev.costbench.model.catalog.refresh.DiffRow.Change;
import dev.costbench.model.catalog.refresh.ImportSource;
import dev.costbench.model.catalog.refresh.PriceFileDownloader;
import dev.costbench.model.catalog.refresh.Proposal;
import dev.costbench.model.catalog.refresh.UserCatalogUpdate;
import dev.costbench.model.catalog.team.CatalogOverrides;
import dev.costbench.ui.common.DialogService.FileKind;
import dev.costbench.ui.common.DialogService.Review;
import dev.costbench.ui.common.UiContext;
import dev.costbench.ui.common.ViewModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Catalog ▸ Import prices…: the source (LiteLLM, genai-prices, OpenRouter), a file or a web address the user enters,
 * then a review of every price it would add, change or remove; only what the user accepts is written into the user
 * catalog, all at once, and the catalog is reloaded. Reading, downloading and writing run in the background.
 */
public final class PriceImportViewModel implements ViewModel {

    static final List<String> COLUMNS = List.of("Change", "Model", "Provider", "Price", "Old", "New", "Source");

    private final UiContext ui;
    private final Supplier<Catalog> current;
    private final Supplier<CatalogOverrides> overrides;
    private final PriceFileDownloader downloader;
    private final Runnable reload;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    /** What a file proposes, compared with the catalog it was compared with. */
    record Reviewed(Proposal proposal, CatalogDiff diff, Catalog against) {}

    /**
     * @param overrides the user catalog overrides in use (the personal file, or the team catalog on a team store),
     *     which accepted prices are written to
     */
    public PriceImportViewModel(
            UiContext ui,
            Supplier<Catalog> current,
            Supplier<CatalogOverrides> overrides,
            PriceFileDownloader downloader,
            Runnable reload) {
        this.ui = ui;
        this.current = current;
        this.overrides = overrides;
        this.downloader = downloader;
        this.reload = reload;
    }

    /** True while a file is read, downloaded or written. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Catalog ▸ Import prices…: asks what to import and from where, then reviews it. */
    public void importPrices() {
        List<String> kinds = Arrays.stream(ImportSource.values())
                .map(s -> s.displayName() + " — " + s.fileHint())
                .toList();
        Optional<Integer> kind = ui.dialogs()
                .choose(
                        "Import prices",
                        "Which price list? You will see every price it adds, changes or removes before anything is "
                                + "written.",
                        kinds);
        if (kind.isEmpty()) {
            return;
        }
        ImportSource source = ImportSource.values()[kind.get()];
        Optional<Integer> where = ui.dialogs()
                .choose(
                        "Import " + source.displayName() + " prices",
                        "From a file on this computer, or from a web address you enter (downloaded once, now).",
                        List.of("A file…", "A web address…"));
        if (where.isEmpty()) {
            return;
        }
        if (where.get() == 0) {
            ui.dialogs()
                    .openFile("Import " + source.displayName() + " " + source.fileHint(), FileKind.JSON, FileKind.ANY)
                    .ifPresent(f -> importFrom(source, f.toString()));
            return;
        }
        ui.dialogs()
                .askText(
                        "Web address of the " + source.displayName() + " file",
                        "An http:// or https:// address (" + source.fileHint() + ")",
                        source.publishedAt())
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .ifPresent(url -> importFrom(source, url));
    }

    /** Reads {@code where} (a file path or an http(s) address) in the background, then shows the review. */
    public void importFrom(ImportSource source, String where) {
        busy.set(true);
        ui.tasks()
                .task(source.displayName() + " import", p -> {
                    Catalog against = current.get();
                    Proposal proposal;
                    try (InputStream in = open(where)) {
                        proposal = source.importer().read(in, where, against);
                    }
                    return new Reviewed(proposal, CatalogDiff.of(against, List.of(proposal)), against);
                })
                .onSuccess(this::review)
                .onFailure(e -> {
                    busy.set(false);
                    ui.dialogs()
                            .error(
                                    "Could not import " + name(where),
                                    UiContext.describe(e) + "\n\nYour user catalog was not changed. Check that it is "
                                            + source.displayName() + "'s " + source.fileHint() + ".");
                })
                .start();
    }

    private void review(Reviewed r) {
        CatalogDiff diff = r.diff();
        if (diff.rows().isEmpty()) {
            busy.set(false);
            ui.dialogs()
                    .info(
                            "Nothing to import",
                            "The " + r.proposal().source().displayName() + " file ("
                                    + r.proposal().size() + " models) lists no price that differs from the catalog."
                                    + notes(diff));
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        Set<Integer> marked = new LinkedHashSet<>();
        for (int i = 0; i < diff.rows().size(); i++) {
            DiffRow d = diff.rows().get(i);
            rows.add(List.of(
                    d.change().label(),
                    d.modelName(),
                    d.provider(),
                    d.field().label(),
                    d.oldText() + (d.oldPrice() == null ? "" : " (" + d.oldSource() + ")"),
                    d.newText(),
                    d.change() == Change.CONFLICT ? d.conflictText() : d.sources()));
            if (d.change() == Change.CONFLICT) {
                marked.add(i);
            }
        }
        Optional<Set<Integer>> accepted = ui.dialogs()
                .review(new Review(
                        "Review " + r.proposal().source().displayName() + " prices",
                        diff.summary() + " — prices in USD per 1M tokens",
                        COLUMNS,
                        rows,
                        marked));
        if (accepted.isEmpty() || accepted.get().isEmpty()) {
            busy.set(false);
            ui.dialogs().notify("Import cancelled: the catalog was not changed");
            return;
        }
        List<DiffRow> chosen =
                accepted.get().stream().sorted().map(diff.rows()::get).toList();
        CatalogOverrides target = overrides.get();
        ui.tasks()
                .task(
                        "write the user catalog",
                        p -> target.write(
                                file -> UserCatalogUpdate.apply(file, r.against(), List.of(r.proposal()), chosen)))
                .onSuccess(written -> {
                    reload.run();
                    ui.dialogs()
                            .info(
                                    r.proposal().source().displayName() + " prices imported",
                                    chosen.size() + " of " + diff.rows().size() + " price changes written to "
                                            + written
                                            + ". Imported values override the built-in ones and are marked ✎ in the "
                                            + "table." + notes(diff));
                })
                .onFailure(e -> ui.dialogs()
                        .error(
                                "Could not write the user catalog",
                                UiContext.describe(e) + "\n\nNothing was changed in " + target.describe()
                                        + ". Fix what the message names and import again."))
                .always(() -> busy.set(false))
                .start();
    }

    private InputStream open(String where) throws IOException {
        String lower = where.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return new ByteArrayInputStream(downloader.download(URI.create(where)));
        }
        if (lower.contains("://")) {
            throw new IOException(where + " is not a web address this import can fetch: use http:// or https://");
        }
        return Files.newInputStream(Path.of(where));
    }

    private static String name(String where) {
        int slash = Math.max(where.lastIndexOf('/'), where.lastIndexOf('\\'));
        return where.contains("://") || slash < 0 ? where : where.substring(slash + 1);
    }

    private static String notes(CatalogDiff diff) {
        if (diff.notes().isEmpty()) {
            return "";
        }
        List<String> shown = diff.notes().subList(0, Math.min(8, diff.notes().size()));
        return "\n\nLeft out:\n" + String.join("\n", shown)
                + (diff.notes().size() > shown.size()
                        ? "\n… and " + (diff.notes().size() - shown.size()) + " more"
                        : "");
    }
}
