// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli;

import dev.costbench.cli.command.AbCommand;
import dev.costbench.cli.command.CacheCommand;
import dev.costbench.cli.command.CalibrationCommand;
import dev.costbench.cli.command.CatalogCommand;
import dev.costbench.cli.command.Context;
import dev.costbench.cli.command.ConversationCommand;
import dev.costbench.cli.command.DiffCommand;
import dev.costbench.cli.command.EstimateCommand;
import dev.costbench.cli.command.MediaCommand;
import dev.costbench.cli.command.ProviderCommand;
import dev.costbench.cli.command.ScenarioCommand;
import dev.costbench.cli.command.TokensCommand;
import dev.costbench.cli.command.TuneCommand;
import dev.costbench.cli.term.Args;
import dev.costbench.cli.term.Failure;
import dev.costbench.cli.term.Output;
import dev.costbench.cli.term.UsageException;
import dev.costbench.model.app.AppDirs;
import dev.costbench.model.provider.batch.BatchSource;
import dev.costbench.providers.ProviderConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The command line: the same engine as the workbench, for scripts. This class only dispatches: each command family
 * is a class in {@code dev.costbench.cli.command}; the option parser, input, output and the one error path are in
 * {@code dev.costbench.cli.term}. Exit codes: 0 ok, 1 failed (e.g. an invalid catalog), 2 bad input (one line on
 * stderr); see docs/cli-errors.md.
 */
public final class Cli {

    static final String USAGE = String.join(
            "\n",
            "usage: costbench                      start the workbench",
            "       costbench tokens --encoding o200k_base|cl100k_base|o200k_harmony [--file F] [--jsonl]",
            "       costbench tokens FILE --show [--encoding E] [--json]   (the pieces with their ids and spans)",
            "       costbench tokens FILE --tax [--models id,id] [--batch] [--json]   (every tokenizer, by content kind)",
            "       costbench estimate [--system F] [--prompt F] [--input-tokens N] [--cached-tokens N]",
            "                          [--output-tokens N] [--reasoning-tokens N] [--monthly N] [--batch]",
            "                          [--residency] [--tools F] [--tool-choice auto|none|any|tool]",
            "                          [--models id,id] [--json]",
            "       costbench catalog list [--json]",
            "       costbench catalog check --file F",
            "       costbench catalog import --from litellm|genai-prices|openrouter FILE|URL [--dry-run] [--json]"
                    + " [--only ID,ID]",
            "       costbench catalog diff OLD.json NEW.json [--json]",
            "       costbench catalog import-litellm --file F   (into the user catalog, without a review)",
            "       costbench catalog share [--json] | catalog team [--json]   (the team catalog on a team store)",
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
            "       costbench conversation FILE|SAMPLE [--turns N] [--strategy full|cache|summarize:N|window:N ...]",
            "                                  [--models id,id] [--summary-tokens N] [--summarizer M] [--ttl 5m|1h]",
            "                                  [--turn-gap SECONDS] [--at YYYY-MM-DD] [--batch] [--json]",
            "       costbench scenario list [--json]",
            "       costbench scenario report FILE|SAMPLE [--format text|json|csv|html] [--out F]",
            "       costbench ab run EXPERIMENT.json|NAME [--budget USD] [--json] [--yes] [--provider P] [--base-url U]",
            "                            [--no-stream] [--concurrency N]   (exit 4: stopped at the budget cap)",
            "                            [--batch [--wait] [--poll SECONDS]]   (through the providers' batch APIs)",
            "       costbench ab resume ID|BATCH_ID [--budget USD] [--json] [--yes]   (collects finished batches too)",
            "       costbench ab judge ID [--model M] [--rubric FILE] [--scale N] [--reference] [--budget USD] [--json] [--yes]",
            "       costbench ab list [--json] | ab show ID [--json] | ab export ID [--json | --format promptfoo] [--out F]",
            "       costbench ab compare EARLIER_ID LATER_ID [--json] | ab import FILE.json",
            "       costbench ab import-promptfoo promptfooconfig.yaml [--out F] [--json]   (an experiment file)",
            "       costbench ab reprice ID [--at YYYY-MM-DD] [--json]   (at the prices of that day; today by default)",
            "       costbench ab batches [--json] | ab cancel-batch BATCH_ID [--json]",
            "       costbench calibration [--json] [--reset FAMILY]   (estimates corrected by the providers' exact counts)",
            "       costbench store check | backup | backups | restore [BACKUP] | new [--force]   (the lab database)",
            "       costbench store info [--json] | copy --from H2FILE --to URL [--json]   (the team store)",
            "       costbench --version | --help",
            "F may be - for standard input. User data: " + AppDirs.dataDir());

    private final Context ctx;

    public Cli(InputStream in, PrintStream out, PrintStream err) {
        this(in, out, err, ProviderCommand::systemConfig);
    }

    /** With the provider configuration supplied (tests point it at a mock server and a fake key). */
    public Cli(InputStream in, PrintStream out, PrintStream err, Supplier<ProviderConfig> providers) {
        this.ctx = new Context(in, out, err, providers);
    }

    /** On {@code ctx}: its streams, providers and team store (tests wire stand-ins). */
    Cli(Context ctx) {
        this.ctx = ctx;
    }

    /** With the batch APIs built from the provider configuration by {@code batches} (tests wire stand-ins). */
    public Cli(
            InputStream in,
            PrintStream out,
            PrintStream err,
            Supplier<ProviderConfig> providers,
            Function<ProviderConfig, BatchSource> batches) {
        this.ctx = new Context(in, out, err, providers, batches);
    }

    /**
     * Every command's options, in the order of the usage text: what the test that sweeps every flag with bad values
     * runs (a command added here is swept with its flags).
     */
    static List<Args.Options> options() {
        return List.of(
                TokensCommand.TOKENS,
                EstimateCommand.ESTIMATE,
                CatalogCommand.CATALOG_LIST,
                CatalogCommand.CATALOG_CHECK,
                CatalogCommand.CATALOG_IMPORT_FROM,
                CatalogCommand.CATALOG_DIFF,
                CatalogCommand.CATALOG_IMPORT,
                CatalogCommand.CATALOG_SHARE,
                CatalogCommand.CATALOG_TEAM,
                MediaCommand.MEDIA,
                ProviderCommand.PING,
                ProviderCommand.COMPLETE,
                DiffCommand.DIFF,
                TuneCommand.TUNE,
                CacheCommand.CACHE,
                ConversationCommand.CONVERSATION,
                ScenarioCommand.LIST,
                ScenarioCommand.REPORT,
                AbCommand.RUN,
                AbCommand.RESUME,
                AbCommand.JUDGE,
                AbCommand.LIST,
                AbCommand.SHOW,
                AbCommand.EXPORT,
                AbCommand.COMPARE,
                AbCommand.REPRICE,
                AbCommand.IMPORT,
                AbCommand.BATCHES,
                AbCommand.CANCEL_BATCH,
                TeamStoreCommand.INFO,
                TeamStoreCommand.COPY,
                AbCommand.IMPORT_PROMPTFOO,
                CalibrationCommand.CALIBRATION);
    }

    /** True when {@code args} name a command-line command rather than starting the workbench. */
    public static boolean isCommand(String[] args) {
        // A single existing file (`costbench photo.jpg`, or a desktop "open with") opens the workbench on it.
        if (args.length == 1
                && !args[0].startsWith("-")
                && !List.of(
                                "tokens",
                                "estimate",
                                "catalog",
                                "media",
                                "ping",
                                "complete",
                                "scenario",
                                "ab",
                                "diff",
                                "tune",
                                "cache",
                                "conversation",
                                "store",
                                "calibration",
                                "help")
                        .contains(args[0])
                && Files.isRegularFile(Path.of(args[0]))) {
            return false;
        }
        return args.length > 0;
    }

    public int run(String... args) {
        int code;
        try {
            code = dispatch(Arrays.asList(args));
        } catch (Throwable t) {
            code = Failure.report(t, ctx.err());
        }
        String failed = Output.failure(ctx.out());
        if (failed != null) {
            ctx.err().println("costbench: " + failed);
            return code == 0 ? 1 : code;
        }
        return code;
    }

    private int dispatch(List<String> args) throws IOException {
        String cmd = args.get(0);
        List<String> rest = args.subList(1, args.size());
        switch (cmd) {
            case "tokens":
                return new TokensCommand(ctx).run(rest);
            case "estimate":
                return new EstimateCommand(ctx).run(rest);
            case "catalog":
                return new CatalogCommand(ctx).run(rest);
            case "media":
                return MediaCommand.run(rest, ctx);
            case "ping":
                return new ProviderCommand(ctx).ping(rest);
            case "complete":
                return new ProviderCommand(ctx).complete(rest, ctx.catalog());
            case "scenario":
                return ScenarioCommand.run(rest, ctx::catalog, ctx.out());
            case "ab":
                return new AbCommand(ctx).run(rest);
            case "diff":
                return new DiffCommand(ctx).run(rest);
            case "tune":
                return new TuneCommand(ctx).run(rest);
            case "cache":
                return new CacheCommand(ctx).run(rest);
            case "conversation":
                return new ConversationCommand(ctx).run(rest);
            case "calibration":
                return new CalibrationCommand(ctx).run(rest);
            case "store":
                return new StoreCommand(ctx.out(), ctx.err(), AppDirs.dataDir()).run(rest);
            case "--help":
            case "-h":
            case "help":
                ctx.out().println(USAGE);
                return 0;
            case "--version":
                ctx.out().println("CostBench " + version());
                return 0;
            default:
                throw new UsageException("unknown command '" + cmd + "' (try: tokens, estimate, catalog, media, ping, "
                        + "complete, scenario, ab, diff, tune, cache, conversation, calibration, store, --help)");
        }
    }

    static String version() {
        String v = Cli.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
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
