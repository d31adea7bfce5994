// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli.command;

import static dev.costbench.cli.command.AbSupport.id;
import static dev.costbench.cli.command.AbSupport.openStore;
import static dev.costbench.cli.command.AbSupport.requireExperiment;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.cli.term.Args;
import dev.costbench.cli.term.Input;
import dev.costbench.cli.term.Json;
import dev.costbench.cli.term.UsageException;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.Money;
import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.ExperimentProgress;
import dev.costbench.model.lab.promptfoo.PromptfooExport;
import dev.costbench.model.lab.run.ExperimentExport;
import dev.costbench.model.ratecard.RateCard;
import dev.costbench.store.JdbcLabStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code costbench ab list | show ID | export ID}: the stored experiments, one's summary, one's trials as CSV or
 * JSON, or its results in promptfoo's output shape.
 */
final class AbBrowseCommand {

    public static final Args.Options LIST = Args.Options.of("ab list", Set.of(), Set.of("json"));

    public static final Args.Options SHOW = Args.Options.of("ab show", Set.of(RateCardOption.NAME), Set.of("json"));

    public static final Args.Options EXPORT =
            Args.Options.of("ab export", Set.of("out", "format"), Set.of("json", "csv"));

    private final PrintStream out;
    private final PrintStream err;
    private final AbReport report;
    private final Context ctx;

    AbBrowseCommand(Context ctx, AbReport report) {
        this.out = ctx.out();
        this.err = ctx.err();
        this.report = report;
        this.ctx = ctx;
    }

    int list(List<String> argv) throws IOException {
        Args a = Args.parse(argv, LIST);
        if (!a.positional.isEmpty()) {
            throw new UsageException("unexpected argument '" + a.positional.get(0) + "'");
        }
        try (JdbcLabStore store = openStore()) {
            List<Experiment> all = store.listExperiments();
            if (a.flag("json")) {
                ArrayNode arr = Json.array();
                for (Experiment e : all) {
                    ObjectNode o = arr.addObject();
                    AbReport.experimentJson(o, e, store.progress(e.id()));
                }
                out.println(Json.pretty(arr));
                return 0;
            }
            out.printf(
                    Locale.ROOT,
                    "%6s  %-11s  %-16s  %9s  %6s  %10s  %s%n",
                    "ID",
                    "STATUS",
                    "CREATED",
                    "DONE",
                    "FAILED",
                    "SPENT",
                    "NAME");
            for (Experiment e : all) {
                ExperimentProgress p = store.progress(e.id());
                out.printf(
                        Locale.ROOT,
                        "%6d  %-11s  %-16s  %9s  %6d  %10s  %s%n",
                        e.id(),
                        e.status(),
                        e.created().toString().substring(0, 16).replace('T', ' '),
                        p.succeeded() + "/" + p.planned(),
                        p.failed(),
                        Money.format(p.spentUsd()),
                        e.name());
            }
            if (all.isEmpty()) {
                out.println("no experiments yet (costbench ab run experiment.json)");
            }
            return 0;
        }
    }

    int show(List<String> argv) throws IOException {
        Args a = Args.parse(argv, SHOW);
        long id = id(a, "ab show");
        RateCard card = RateCardOption.read(a);
        try (JdbcLabStore store = openStore()) {
            requireExperiment(store, id, err);
            Function<String, Optional<ModelEntry>> find = card.isEmpty() ? x -> Optional.empty() : ctx.catalog()::find;
            report.summary(store, id, null, null, a.flag("json"), null, find, card);
            return 0;
        }
    }

    int export(List<String> argv) throws IOException {
        Args a = Args.parse(argv, EXPORT);
        long id = id(a, "ab export");
        String format = a.get("format") != null ? a.get("format").strip() : a.flag("json") ? "json" : "csv";
        if (a.flag("json") && a.flag("csv") || a.get("format") != null && (a.flag("json") || a.flag("csv"))) {
            throw new UsageException("one of --json, --csv or --format, not several");
        }
        if (!List.of("csv", "json", "promptfoo").contains(format)) {
            throw new UsageException("--format must be csv, json or promptfoo; got '" + format + "'");
        }
        if (a.get("out") != null) {
            Input.outputFile("out", a.get("out"));
        }
        String text;
        try (JdbcLabStore store = openStore()) {
            requireExperiment(store, id, err);
            text = switch (format) {
                case "json" -> ExperimentExport.json(store, id);
                case "promptfoo" -> PromptfooExport.json(store, id, ctx.catalog()::find, Instant.now());
                default -> ExperimentExport.csv(store, id);
            };
        }
        if (a.get("out") != null) {
            Path p = Path.of(a.get("out"));
            Files.writeString(p, text, StandardCharsets.UTF_8);
            err.println("wrote " + p);
        } else {
            out.print(text);
            out.flush();
        }
        return 0;
    }
}
