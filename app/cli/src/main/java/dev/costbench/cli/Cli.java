// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.app.AppDirs;
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
import dev.costbench.model.cost.CostLine;
import dev.costbench.model.cost.CostRow;
import dev.costbench.model.cost.Money;
import dev.costbench.model.cost.PromptCostTable;
import dev.costbench.model.cost.PromptOptions;
import dev.costbench.model.prompt.TextStats;
import dev.costbench.model.tokens.Encoding;
import dev.costbench.model.tokens.Tokenizers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The command line: the same engine as the workbench, for scripts. Exit codes: 0 ok, 1 failed (e.g. an invalid
 * catalog), 2 bad input (one line on stderr).
 */
public final class Cli {

    static final Args.Options TOKENS = Args.Options.of("tokens", Set.of("encoding", "file", "models"),
            Set.of("jsonl", "show", "tax", "json", "batch"));
    static final Args.Options ESTIMATE = Args.Options.of("estimate",
            Set.of("system", "prompt", "input-tokens", "cached-tokens", "output-tokens", "reasoning-tokens",
                    "monthly", "models"),
            Set.of("batch", "residency", "json"));
    static final Args.Options CATALOG_LIST = Args.Options.of("catalog list", Set.of(),
            Set.of("json"));
    static final Args.Options CATALOG_CHECK = Args.Options.of("catalog check", Set.of("file"),
            Set.of());
    static final Args.Options CATALOG_IMPORT = Args.Options.of("catalog import-litellm", Set.of("file"),
            Set.of());

    static final String USAGE = String.join("\n",
            "usage: costbench                      start the workbench",
            "       costbench tokens --encoding o200k_base|cl100k_base|o200k_harmony [--file F] [--jsonl]",
            "       costbench tokens FILE --show [--encoding E] [--json]   (the pieces with their ids and spans)",
            "       costbench tokens FILE --tax [--models id,id] [--batch] [--json]   (every tokenizer, by content kind)",
            "       costbench estimate [--system F] [--prompt F] [--input-tokens N] [--cached-tokens N]",
            "                          [--output-tokens N] [--reasoning-tokens N] [--monthly N] [--batch]",
            "                          [--residency] [--models id,id] [--json]",
            "       costbench catalog list [--json]",
            "       costbench catalog check --file F",
            "       costbench catalog import-litellm --file F   (into the user catalog)",
            "       costbench media IMAGE|AUDIO|VIDEO [--models id,id] [--detail low|high|original] [--media-resolution low|medium|high]",
            "                             [--resize PX] [--crop X,Y,W,H] [--format jpeg|webp|png] [--quality Q] [--out F] [--json]",
            "       costbench media AUDIO [--resample 16000] [--trim-silence] [--silence-db -40] [--min-gap 0.5] [--out F.wav] [--json]",
            "       costbench media VIDEO [--strategy all|uniform:FPS|adaptive|scene] [--max-frames N] [--frames-out DIR]",
            "                             [--media-resolution low|high] [--json]",
            "       costbench ping --provider openai|anthropic|gemini|compatible [--base-url U] [--json]",
            "       costbench complete --model M --prompt F [--system F] [--image F] [--max-tokens N] [--base-url U]",
            "                          [--provider P] [--api responses|chat] [--temperature T] [--no-stream] [--json]",
            "       costbench diff BASELINE OPTIMIZED [--models id,id] [--max-increase 5%] [--monthly N] [--batch] [--json]",
            "                          (exit 1 when any model's input cost grows beyond the limit; default 0%)",
            "       costbench tune FILE [--model M] [--monthly N] [--drop-json-descriptions] [--expected-output N]",
            "                           [--current-output N] [--json]",
            "       costbench cache FILE [--marker '<<CACHE>>'] [--models id,id] [--monthly N --hit-rate 0.9 | --rate R/min]",
            "                            [--ttl 5m|1h] [--output-tokens N] [--gemini-explicit [--storage USD/1M/h]] [--batch] [--json]",
            "       costbench scenario list [--json]",
            "       costbench scenario report FILE|SAMPLE [--format text|json|csv|html] [--out F]",
            "       costbench ab run EXPERIMENT.json|NAME [--budget USD] [--json] [--yes] [--provider P] [--base-url U]",
            "                            [--no-stream] [--concurrency N]   (exit 4: stopped at the budget cap)",
            "       costbench ab resume ID [--budget USD] [--json] [--yes]",
            "       costbench ab judge ID [--model M] [--rubric FILE] [--scale N] [--reference] [--budget USD] [--json] [--yes]",
            "       costbench ab list [--json] | ab show ID [--json] | ab export ID [--json] [--out F]   (CSV by default)",
            "       costbench ab compare EARLIER_ID LATER_ID [--json] | ab reprice ID [--json] | ab import FILE.json",
            "       costbench --version | --help",
            "F may be - for standard input. User data: " + AppDirs.dataDir());

    private static final ObjectMapper JSON = new ObjectMapper();

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    private final java.util.function.Supplier<dev.costbench.providers.ProviderConfig> providers;

    public Cli(InputStream in, PrintStream out, PrintStream err) {
        this(in, out, err, ProviderCommand::systemConfig);
    }

    /** With the provider configuration supplied (tests point it at a mock server and a fake key). */
    public Cli(InputStream in, PrintStream out, PrintStream err,
               java.util.function.Supplier<dev.costbench.providers.ProviderConfig> providers) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.providers = providers;
    }

    /**
     * Every command's options, in the order of the usage text: what the test that sweeps every flag with bad values
     * runs (a command added here is swept with its flags).
     */
    static List<Args.Options> options() {
        return List.of(TOKENS, ESTIMATE, CATALOG_LIST, CATALOG_CHECK, CATALOG_IMPORT, MediaCommand.MEDIA,
                ProviderCommand.PING, ProviderCommand.COMPLETE, TuneCommand.DIFF, TuneCommand.TUNE, TuneCommand.CACHE,
                ScenarioCommand.LIST, ScenarioCommand.REPORT, AbCommand.RUN, AbCommand.RESUME, AbCommand.JUDGE,
                AbCommand.LIST, AbCommand.SHOW, AbCommand.EXPORT, AbHistoryCommand.COMPARE, AbHistoryCommand.REPRICE,
                AbHistoryCommand.IMPORT);
    }

    /** True when {@code args} name a command-line command rather than starting the workbench. */
    public static boolean isCommand(String[] args) {
        // A single existing file (`costbench photo.jpg`, or a desktop "open with") opens the workbench on it.
        if (args.length == 1 && !args[0].startsWith("-") && !List.of("tokens", "estimate", "catalog", "media", "ping", "complete", "scenario", "ab", "diff", "tune", "cache", "help").contains(args[0])
                && java.nio.file.Files.isRegularFile(java.nio.file.Path.of(args[0]))) {
            return false;
        }
        return args.length > 0;
    }

    public int run(String... args) {
        int code;
        try {
            code = dispatch(Arrays.asList(args));
        } catch (Throwable t) {
            code = Failure.report(t, err);
        }
        String failed = Output.failure(out);
        if (failed != null) {
            err.println("costbench: " + failed);
            return code == 0 ? 1 : code;
        }
        return code;
    }

    private int dispatch(List<String> args) throws IOException {
        String cmd = args.get(0);
        List<String> rest = args.subList(1, args.size());
        switch (cmd) {
            case "tokens":
                return tokens(rest);
            case "estimate":
                return estimate(rest);
            case "catalog":
                return catalog(rest);
            case "media":
                return MediaCommand.run(rest, loadCatalog().models(), ids -> selectModels(loadCatalog(), ids), out);
            case "ping":
                return new ProviderCommand(in, out, err, providers).ping(rest);
            case "complete":
                return new ProviderCommand(in, out, err, providers).complete(rest, loadCatalog());
            case "scenario":
                return ScenarioCommand.run(rest, this::loadCatalog, out);
            case "ab":
                return new AbCommand(in, out, err, providers, this::loadCatalog).run(rest);
            case "diff":
                return new TuneCommand(in, out, this::loadCatalog, ids -> selectModels(loadCatalog(), ids)).diff(rest);
            case "tune":
                return new TuneCommand(in, out, this::loadCatalog, ids -> selectModels(loadCatalog(), ids)).tune(rest);
            case "cache":
                return new TuneCommand(in, out, this::loadCatalog, ids -> selectModels(loadCatalog(), ids)).cache(rest);
            case "--help":
            case "-h":
            case "help":
                out.println(USAGE);
                return 0;
            case "--version":
                out.println("CostBench " + version());
                return 0;
            default:
                throw new UsageException("unknown command '" + cmd + "' (try: tokens, estimate, catalog, media, ping, complete, scenario, ab, diff, tune, cache, --help)");
        }
    }

    static String version() {
        String v = Cli.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }

    // ---- tokens -------------------------------------------------------------------------------------------------

    private int tokens(List<String> argv) throws IOException {
        Args a = Args.parse(argv, TOKENS);
        if (a.positional.size() > 1 || (a.positional.size() == 1 && a.get("file") != null)) {
            throw new UsageException("tokens takes one file: costbench tokens FILE [--show|--tax] (or --file F)");
        }
        String input = a.positional.isEmpty() ? a.get("file") : a.positional.get(0);
        boolean show = a.flag("show");
        boolean tax = a.flag("tax");
        if (show && tax) {
            throw new UsageException("give --show or --tax, not both");
        }
        if ((show || tax) && a.flag("jsonl")) {
            throw new UsageException("--jsonl counts many texts; --show and --tax look at one file");
        }
        if (!show && !tax && (a.flag("json") || a.get("models") != null || a.flag("batch"))) {
            throw new UsageException("--json, --models and --batch go with --show or --tax");
        }
        if (tax) {
            if (a.get("encoding") != null) {
                throw new UsageException("--tax compares every tokenizer; --encoding goes with --show or a count");
            }
            return new TokensCommand(out).tax(input().text(input == null ? "-" : input, Input.MAX_LOOK_BYTES,
                            "tokens --tax"),
                    selectModels(loadCatalog(), a.get("models")),
                    a.flag("batch") ? dev.costbench.model.cost.BillingOptions.BATCH
                            : dev.costbench.model.cost.BillingOptions.INTERACTIVE, a.flag("json"));
        }
        if (a.get("models") != null || a.flag("batch")) {
            throw new UsageException("--models and --batch go with --tax");
        }
        String encName = a.get("encoding");
        if (encName == null && !show) {
            throw new UsageException("tokens needs --encoding o200k_base|cl100k_base|o200k_harmony");
        }
        Encoding enc;
        try {
            enc = encName == null ? Encoding.O200K_BASE : Encoding.parse(encName);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (show) {
            return new TokensCommand(out).show(input().text(input == null ? "-" : input, Input.MAX_LOOK_BYTES,
                    "tokens --show"), enc, a.flag("json"));
        }
        String file = input == null ? "-" : input;
        if (!a.flag("jsonl")) {
            try (BufferedReader r = input().reader(file)) {
                out.println(ChunkedCount.count(enc, r));
            } catch (java.nio.charset.CharacterCodingException e) {
                throw Input.notText(file);
            }
            return 0;
        }
        try (BufferedReader r = input().reader(file)) {
            String line;
            int n = 0;
            StringBuilder buf = new StringBuilder();
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (IOException e) {
                    throw new UsageException("line " + n + ": not valid JSON");
                }
                JsonNode text = node == null ? null : node.get("text");
                if (text == null || !text.isTextual()) {
                    throw new UsageException("line " + n + ": expected an object with a string field \"text\"");
                }
                buf.setLength(0);
                out.append(buf.append("{\"tokens\":").append(Tokenizers.count(enc, text.asText())).append("}\n"));
                if (n % 1024 == 0 && out.checkError()) {
                    return 1; // run() says why
                }
            }
            out.flush();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw Input.notText(file);
        }
        return 0;
    }

    // ---- estimate -----------------------------------------------------------------------------------------------

    private int estimate(List<String> argv) throws IOException {
        Args a = Args.parse(argv, ESTIMATE);
        noPositional(a);
        Catalog catalog = loadCatalog();
        List<ModelEntry> models = selectModels(catalog, a.get("models"));
        long output = a.nonNegative("output-tokens", 500);
        long reasoning = a.nonNegative("reasoning-tokens", 0);
        long monthly = a.nonNegative("monthly", 100_000);
        long cached = a.nonNegative("cached-tokens", 0);
        PromptOptions opts = new PromptOptions(output, reasoning, false, a.flag("batch"), a.flag("residency"), monthly);
        List<CostRow> rows;
        if (a.get("input-tokens") != null) {
            if (a.get("system") != null || a.get("prompt") != null) {
                throw new UsageException("--input-tokens replaces counting: give it or --system/--prompt, not both");
            }
            long input = a.nonNegative("input-tokens", 0);
            if (cached > input) {
                throw new UsageException("--cached-tokens (" + cached + ") exceeds --input-tokens (" + input + ")");
            }
            rows = PromptCostTable.computeGiven(models, input, cached, opts);
        } else {
            if (a.get("system") == null && a.get("prompt") == null) {
                throw new UsageException("estimate needs --prompt F, --system F or --input-tokens N");
            }
            List<TextStats> messages = new ArrayList<>();
            int prefix = 0;
            if (a.get("system") != null) {
                messages.add(TextStats.of(input().text(a.get("system"))));
                prefix = 1;
            }
            if (a.get("prompt") != null) {
                messages.add(TextStats.of(input().text(a.get("prompt"))));
            }
            rows = new ArrayList<>();
            for (ModelEntry m : models) {
                CostRow counted = PromptCostTable.compute(List.of(m), messages, prefix, opts).get(0);
                long c = Math.min(cached, counted.input().tokens());
                rows.add(c == 0 ? counted : PromptCostTable.row(m, counted.input(), c, opts));
            }
        }
        rows.sort(Comparator.comparing((CostRow r) -> r.model().tier()).thenComparing(CostRow::perRequest));
        if (a.flag("json")) {
            printJson(rows);
        } else {
            printTable(rows, opts);
        }
        return 0;
    }

    private List<ModelEntry> selectModels(Catalog catalog, String ids) {
        if (ids == null || ids.isBlank()) {
            return catalog.models();
        }
        List<ModelEntry> out = new ArrayList<>();
        for (String id : ids.split(",")) {
            String k = id.trim();
            if (k.isEmpty()) {
                continue;
            }
            out.add(catalog.find(k).orElseThrow(() -> new UsageException("unknown model '" + k
                    + "' (costbench catalog list shows the ids)")));
        }
        return out;
    }

    private void printTable(List<CostRow> rows, PromptOptions o) {
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"MODEL", "PROVIDER", "TIER", "INPUT", "CACHED", "OUTPUT", "$/REQUEST", "$/1K REQ",
            "$/MONTH (" + String.format("%,d", o.monthlyRequests()) + ")", "NOTES"});
        for (CostRow r : rows) {
            String flags = r.breakdown().flags().stream().filter(s -> s != PriceStatus.LISTED)
                    .map(PriceStatus::marker).collect(Collectors.joining(","));
            if (!r.complete()) {
                flags = flags.isEmpty() ? "unpriced" : "unpriced," + flags;
            }
            cells.add(new String[] {r.model().id(), r.model().provider(), r.model().tier().id(),
                r.input().display(), Long.toString(r.cachedTokens()), Long.toString(r.outputTokens()),
                money(r, r.perRequest()), money(r, r.per1000()), money(r, r.perMonth()), flags});
        }
        int[] w = new int[cells.get(0).length];
        for (String[] row : cells) {
            for (int i = 0; i < row.length; i++) {
                w[i] = Math.max(w[i], row[i].length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (String[] row : cells) {
            for (int i = 0; i < row.length; i++) {
                boolean right = i >= 3 && i <= 8;
                String c = row[i];
                String pad = " ".repeat(w[i] - c.length());
                b.append(right ? pad + c : c + (i == row.length - 1 ? "" : pad));
                if (i < row.length - 1) {
                    b.append("  ");
                }
            }
            b.append('\n');
        }
        b.append("≈ marks an estimated token count (no public tokenizer); ")
                .append("UNCONFIRMED / CONFLICT mark prices sources do not confirm or disagree on.\n");
        out.print(b);
    }

    private static String money(CostRow r, java.math.BigDecimal v) {
        return r.breakdown().unpriced() ? "unpriced" : Money.format(v);
    }

    private void printJson(List<CostRow> rows) throws IOException {
        ArrayNode arr = JSON.createArrayNode();
        for (CostRow r : rows) {
            ObjectNode o = arr.addObject();
            o.put("model", r.model().id());
            o.put("provider", r.model().provider());
            o.put("tier", r.model().tier().id());
            o.put("inputTokens", r.input().tokens());
            o.put("inputTokensExact", r.input().exact());
            o.put("inputTokensMethod", r.input().method());
            o.put("cachedTokens", r.cachedTokens());
            o.put("outputTokens", r.outputTokens());
            o.put("costUsd", Money.exact(r.perRequest()));
            o.put("complete", r.complete());
            ArrayNode flags = o.putArray("flags");
            r.breakdown().flags().forEach(f -> flags.add(f.name()));
            breakdownJson(o.putArray("breakdown"), r.breakdown());
            ArrayNode notes = o.putArray("notes");
            r.breakdown().notes().forEach(notes::add);
        }
        out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(arr));
    }

    /** A breakdown's lines as {@code [{item, tokens, pricePerMTok, usd, source, asOf, status, rule}]}. */
    static void breakdownJson(ArrayNode bd, dev.costbench.model.cost.CostBreakdown b) {
        for (CostLine l : b.lines()) {
            ObjectNode li = bd.addObject();
            li.put("item", l.item());
            li.put("tokens", l.tokens());
            li.put("pricePerMTok", l.price() == null ? null : Money.exact(l.price().perMTok()));
            li.put("usd", l.usd() == null ? null : Money.exact(l.usd()));
            li.put("source", l.price() == null ? null : l.price().source());
            li.put("asOf", l.price() == null ? null : l.price().asOf());
            li.put("status", l.price() == null ? "UNPRICED" : l.price().status().name());
            li.put("rule", l.rule());
        }
    }

    // ---- catalog ------------------------------------------------------------------------------------------------

    private int catalog(List<String> argv) throws IOException {
        if (argv.isEmpty()) {
            throw new UsageException("catalog needs a subcommand: list, check, import-litellm");
        }
        String sub = argv.get(0);
        List<String> rest = argv.subList(1, argv.size());
        switch (sub) {
            case "list": {
                Args a = Args.parse(rest, CATALOG_LIST);
                noPositional(a);
                Catalog c = loadCatalog();
                if (a.flag("json")) {
                    listJson(c);
                } else {
                    listTable(c);
                }
                return 0;
            }
            case "check": {
                Args a = Args.parse(rest, CATALOG_CHECK);
                noPositional(a);
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
            case "import-litellm": {
                Args a = Args.parse(rest, CATALOG_IMPORT);
                noPositional(a);
                String f = a.get("file");
                if (f == null) {
                    throw new UsageException("catalog import-litellm needs --file model_prices_and_context_window.json");
                }
                Path p = Path.of(f);
                if (!Files.isRegularFile(p)) {
                    throw new UsageException("no such file: " + f);
                }
                LiteLlmImporter.Result r;
                try (InputStream s = Files.newInputStream(p)) {
                    r = LiteLlmImporter.convert(s, p.getFileName().toString(), CatalogBuilder.builtIn());
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new UsageException(f + ": not valid JSON: " + e.getOriginalMessage());
                }
                Path target = AppDirs.userCatalog();
                LiteLlmImporter.mergeInto(target, r.catalog());
                r.warnings().forEach(w -> err.println("warning: " + w));
                out.println("imported " + r.imported() + " chat models into " + target + " (" + r.skipped()
                        + " non-chat or unpriced entries skipped)");
                return 0;
            }
            default:
                throw new UsageException("unknown catalog subcommand '" + sub + "' (list, check, import-litellm)");
        }
    }

    private void listTable(Catalog c) {
        out.printf("%-44s %-10s %-8s %10s %10s %10s %10s  %-10s %s%n", "MODEL", "PROVIDER", "TIER", "INPUT",
                "CACHED", "OUTPUT", "BATCH IN", "AS OF", "SOURCE");
        for (ModelEntry m : c.models()) {
            Price in = m.prices().get(PriceKind.INPUT);
            out.printf("%-44s %-10s %-8s %10s %10s %10s %10s  %-10s %s%s%n", m.id(), m.provider(), m.tier().id(),
                    cell(m, PriceKind.INPUT), cell(m, PriceKind.CACHED_INPUT), cell(m, PriceKind.OUTPUT),
                    cell(m, PriceKind.BATCH_INPUT), in == null ? "" : in.asOf(), in == null ? "" : in.source(),
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
        ArrayNode arr = JSON.createArrayNode();
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
        out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(arr));
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private Catalog loadCatalog() {
        Catalog c = CatalogBuilder.withUserCatalog(AppDirs.userCatalog());
        return c;
    }

    private static void noPositional(Args a) {
        if (!a.positional.isEmpty()) {
            throw new UsageException("unexpected argument '" + a.positional.get(0) + "'");
        }
    }

    private Input input() {
        return new Input(in);
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        if (args.length == 0) {
            System.out.println(USAGE);
            System.exit(2);
        }
        PrintStream out = Output.stdout();
        int code = new Cli(System.in, out, System.err).run(args);
        out.flush();
        System.exit(code);
    }
}
