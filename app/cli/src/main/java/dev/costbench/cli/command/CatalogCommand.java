// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.cli.term.Args;
import dev.costbench.cli.term.Json;
import dev.costbench.cli.term.UsageException;
import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.catalog.CatalogProblem;
import dev.costbench.model.catalog.CatalogReader;
import dev.costbench.model.catalog.LiteLlmImporter;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.Origin;
import dev.costbench.model.catalog.Price;
import dev.costbench.model.catalog.PriceKind;
import dev.costbench.model.catalog.PriceStatus;
import dev.costbench.model.cost.Money;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code costbench catalog list | check --file F | import --from K FILE|URL | diff A B | import-litellm --file F}:
 * the model catalog with its prices, a catalog file checked, a price list reviewed and imported into the user
 * catalog ({@link CatalogImportCommand}), two catalog files compared.
 */
public final class CatalogCommand {

    public static final Args.Options CATALOG_LIST = Args.Options.of("catalog list", Set.of(), Set.of("json"));

    public static final Args.Options CATALOG_CHECK = Args.Options.of("catalog check", Set.of("file"), Set.of());

    public static final Args.Options CATALOG_IMPORT =
            Args.Options.of("catalog import-litellm", Set.of("file"), Set.of());

    public static final Args.Options CATALOG_IMPORT_FROM = CatalogImportCommand.IMPORT;

    public static final Args.Options CATALOG_DIFF = CatalogImportCommand.DIFF;

    public static final Args.Options CATALOG_SHARE = CatalogTeamCommand.SHARE;

    public static final Args.Options CATALOG_TEAM = CatalogTeamCommand.TEAM;

    private static final String SUBCOMMANDS = "list, check, import, diff, import-litellm, share, team";

    private final Context ctx;
    private final PrintStream out;
    private final PrintStream err;

    public CatalogCommand(Context ctx) {
        this.ctx = ctx;
        this.out = ctx.out();
        this.err = ctx.err();
    }

    public int run(List<String> argv) throws IOException {
        if (argv.isEmpty()) {
            throw new UsageException("catalog needs a subcommand: " + SUBCOMMANDS);
        }
        String sub = argv.get(0);
        List<String> rest = argv.subList(1, argv.size());
        switch (sub) {
            case "list": {
                Args a = Args.parse(rest, CATALOG_LIST);
                a.noPositional();
                Catalog c = ctx.catalogAsIs(); // lists its problems itself
                if (a.flag("json")) {
                    listJson(c);
                } else {
                    listTable(c);
                }
                return 0;
            }
            case "check": {
                Args a = Args.parse(rest, CATALOG_CHECK);
                a.noPositional();
                String f = a.get("file");
                if (f == null) {
                    throw new UsageException("catalog check needs --file F");
                }
                Path p = Path.of(f);
                if (!Files.isRegularFile(p)) {
                    throw new UsageException("no such file: " + f);
                }
                Catalog c = CatalogBuilder.build(List.of(CatalogReader.read(p, Origin.USER)));
                for (CatalogProblem problem : c.problems()) {
                    err.println(problem);
                }
                if (c.problems().isEmpty()) {
                    out.println(f + ": valid, " + c.size() + " models");
                    return 0;
                }
                out.println(f + ": " + c.problems().size() + " problem(s), " + c.size() + " models loadable");
                return 1;
            }
            case "import":
                return new CatalogImportCommand(ctx).importPrices(rest);
            case "diff":
                return new CatalogImportCommand(ctx).diffFiles(rest);
            case "share":
                return new CatalogTeamCommand(ctx).share(rest);
            case "team":
                return new CatalogTeamCommand(ctx).team(rest);
            case "import-litellm": {
                Args a = Args.parse(rest, CATALOG_IMPORT);
                a.noPositional();
                String f = a.get("file");
                if (f == null) {
                    throw new UsageException(
                            "catalog import-litellm needs --file model_prices_and_context_window.json");
                }
                Path p = Path.of(f);
                if (!Files.isRegularFile(p)) {
                    throw new UsageException("no such file: " + f);
                }
                LiteLlmImporter.Result r;
                try (InputStream s = Files.newInputStream(p)) {
                    r = LiteLlmImporter.convert(s, p.getFileName().toString(), CatalogBuilder.builtIn());
                } catch (JsonProcessingException e) {
                    throw new UsageException(f + ": not valid JSON: " + e.getOriginalMessage());
                }
                String target = ctx.overrides().write(file -> LiteLlmImporter.mergeInto(file, r.catalog()));
                r.warnings().forEach(w -> err.println("warning: " + w));
                out.println("imported " + r.imported() + " chat models into " + target + " (" + r.skipped()
                        + " non-chat or unpriced entries skipped)");
                return 0;
            }
            default:
                throw new UsageException("unknown catalog subcommand '" + sub + "' (" + SUBCOMMANDS + ")");
        }
    }

    private void listTable(Catalog c) {
        out.printf(
                "%-44s %-12s %-8s %10s %10s %10s %10s  %-10s %s%n",
                "MODEL", "PROVIDER", "TIER", "INPUT", "CACHED", "OUTPUT", "BATCH IN", "AS OF", "SOURCE");
        for (ModelEntry m : c.models()) {
            Price in = m.prices().get(PriceKind.INPUT);
            out.printf(
                    "%-44s %-12s %-8s %10s %10s %10s %10s  %-10s %s%s%n",
                    m.id(),
                    m.providerName(),
                    m.tier().id(),
                    cell(m, PriceKind.INPUT),
                    cell(m, PriceKind.CACHED_INPUT),
                    cell(m, PriceKind.OUTPUT),
                    cell(m, PriceKind.BATCH_INPUT),
                    in == null ? "" : in.asOf(),
                    in == null ? "" : in.source(),
                    m.overridden().isEmpty() ? "" : "  (user override: " + String.join(", ", m.overridden()) + ")");
        }
        out.println(c.size() + " models; prices in USD per 1M tokens; * UNCONFIRMED, ! CONFLICT, - not listed");
        for (CatalogProblem p : c.problems()) {
            err.println("warning: " + p);
        }
    }

    private static String cell(ModelEntry m, PriceKind k) {
        Price p = m.prices().get(k);
        if (p == null) {
            return "-";
        }
        String mark = p.status() == PriceStatus.UNCONFIRMED ? "*" : p.status() == PriceStatus.CONFLICT ? "!" : "";
        return Money.perMTok(p.perMTok()) + mark;
    }

    private void listJson(Catalog c) throws IOException {
        ArrayNode arr = Json.array();
        for (ModelEntry m : c.models()) {
            ObjectNode o = arr.addObject();
            o.put("id", m.id());
            o.put("name", m.name());
            o.put("provider", m.provider());
            o.put("tier", m.tier().id());
            o.put("tokenizer", m.tokenizer());
            if (m.contextWindow() != null) {
                o.put("contextWindow", m.contextWindow());
            }
            ObjectNode prices = o.putObject("prices");
            for (PriceKind k : PriceKind.values()) {
                Price p = m.prices().get(k);
                if (p != null) {
                    ObjectNode po = prices.putObject(k.json());
                    po.put("perMTok", Money.exact(p.perMTok()));
                    po.put("source", p.source());
                    po.put("asOf", p.asOf());
                    po.put("status", p.status().name());
                    if (p.overridden()) {
                        po.put("origin", p.origin().name());
                    }
                }
            }
        }
        out.println(Json.pretty(arr));
    }
}
