// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli.command;

import dev.costbench.cli.term.Args;
import dev.costbench.cli.term.UsageException;
import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogReader;
import dev.costbench.model.catalog.CatalogReader.CatalogFile;
import dev.costbench.model.catalog.Origin;
import dev.costbench.model.catalog.refresh.CatalogDiff;
import dev.costbench.model.catalog.refresh.DiffRow;
import dev.costbench.model.catalog.refresh.ImportException;
import dev.costbench.model.catalog.refresh.ImportSource;
import dev.costbench.model.catalog.refresh.PriceFileDownloader;
import dev.costbench.model.catalog.refresh.Proposal;
import dev.costbench.model.catalog.refresh.UserCatalogUpdate;
import dev.costbench.model.catalog.team.CatalogOverrides;
import dev.costbench.providers.pricefile.HttpPriceFileDownloader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code costbench catalog import --from litellm|genai-prices|openrouter FILE|URL [--dry-run] [--json] [--only ID,ID]}
 * and {@code costbench catalog diff A B [--json]}: a price list compared with the catalog in force (and written into
 * the user catalog unless {@code --dry-run}), or two catalog files compared.
 */
final class CatalogImportCommand {

    static final Args.Options IMPORT =
            Args.Options.of("catalog import", Set.of("from", "only"), Set.of("dry-run", "json"));

    static final Args.Options DIFF = Args.Options.of("catalog diff", Set.of(), Set.of("json"));

    private final Context ctx;
    private final PriceFileDownloader downloader;

    CatalogImportCommand(Context ctx, PriceFileDownloader downloader) {
        this.ctx = ctx;
        this.downloader = downloader;
    }

    CatalogImportCommand(Context ctx) {
        this(ctx, new HttpPriceFileDownloader());
    }

    int importPrices(List<String> argv) throws IOException {
        Args a = Args.parse(argv, IMPORT);
        String from = a.get("from");
        if (from == null) {
            throw new UsageException(
                    "catalog import needs --from " + ImportSource.ids().replace(", ", "|"));
        }
        ImportSource source = ImportSource.fromId(from)
                .orElseThrow(() ->
                        new UsageException("unknown --from '" + from.trim() + "' (one of " + ImportSource.ids() + ")"));
        if (a.positional.size() != 1) {
            throw new UsageException("catalog import needs one file or http(s) address: the " + source.displayName()
                    + " file (" + source.fileHint() + ")");
        }
        String where = a.positional.get(0);
        Catalog current = ctx.catalog();
        Proposal proposal;
        try (InputStream in = open(where)) {
            proposal = source.importer().read(in, where, current);
        } catch (ImportException e) {
            throw new UsageException(e.getMessage());
        }
        CatalogDiff diff = CatalogDiff.of(current, List.of(proposal));
        String only = a.get("only");
        if (only != null) {
            diff = diff.only(ids(only, proposal, current, source));
        }
        boolean dryRun = a.flag("dry-run");
        CatalogOverrides overrides = ctx.overrides();
        Path target = overrides.file();
        String written = overrides.describe();
        if (!dryRun && !diff.rows().isEmpty()) {
            List<DiffRow> rows = diff.rows();
            written = overrides.write(file -> UserCatalogUpdate.apply(file, current, List.of(proposal), rows));
        }
        if (!show(a.flag("json"), diff, proposal, dryRun, target)) {
            ctx.out()
                    .println(
                            dryRun || diff.rows().isEmpty()
                                    ? (diff.rows().isEmpty() ? "nothing to change" : "dry run: nothing was written")
                                            + " (" + proposal.size() + " models read from " + source.displayName()
                                            + ")"
                                    : "applied " + diff.rows().size() + " price changes to " + written);
        }
        return 0;
    }

    int diffFiles(List<String> argv) throws IOException {
        Args a = Args.parse(argv, DIFF);
        if (a.positional.size() != 2) {
            throw new UsageException("catalog diff needs two catalog files: catalog diff OLD.json NEW.json");
        }
        CatalogFile[] files = new CatalogFile[2];
        for (int i = 0; i < 2; i++) {
            Path p = Path.of(a.positional.get(i));
            if (!Files.isRegularFile(p)) {
                throw new UsageException("no such file: " + a.positional.get(i));
            }
            files[i] = CatalogReader.read(p, Origin.USER);
            if (files[i].entries().isEmpty() && !files[i].problems().isEmpty()) {
                throw new UsageException(files[i].problems().get(0).toString());
            }
        }
        CatalogDiff diff = CatalogDiff.of(files[0], files[1]);
        show(a.flag("json"), diff, null, true, null);
        return 0;
    }

    /** Prints the diff as JSON or as a table with its warnings on stderr; true for JSON. */
    private boolean show(boolean json, CatalogDiff diff, Proposal proposal, boolean dryRun, Path target)
            throws IOException {
        CatalogDiffPrinter printer = new CatalogDiffPrinter(ctx.out());
        if (json) {
            printer.json(diff, proposal, dryRun, target);
        } else {
            printer.table(diff);
            diff.notes().forEach(n -> ctx.err().println("warning: " + n));
        }
        return json;
    }

    private InputStream open(String where) throws IOException {
        String lower = where.trim().toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            URI uri;
            try {
                uri = new URI(where.trim());
            } catch (URISyntaxException e) {
                throw new UsageException("not a valid web address: " + where);
            }
            return new ByteArrayInputStream(downloader.download(uri));
        }
        Path p = Path.of(where);
        if (!Files.isRegularFile(p)) {
            throw new UsageException("no such file: " + where);
        }
        return Files.newInputStream(p);
    }

    private static Set<String> ids(String only, Proposal proposal, Catalog current, ImportSource source) {
        Set<String> ids = new LinkedHashSet<>();
        for (String s : only.split(",")) {
            String id = s.trim();
            if (id.isEmpty()) {
                continue;
            }
            if (proposal.entries(id).isEmpty() && current.find(id).isEmpty()) {
                throw new UsageException(
                        "--only: no model '" + id + "' in the " + source.displayName() + " file or the catalog");
            }
            ids.add(id);
        }
        if (ids.isEmpty()) {
            throw new UsageException("--only needs model ids, e.g. --only gpt-5,claude-opus-4-6");
        }
        return ids;
    }
}
