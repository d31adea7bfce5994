// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli.command;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.cli.term.Args;
import dev.costbench.cli.term.Input;
import dev.costbench.cli.term.Json;
import dev.costbench.cli.term.UsageException;
import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.cost.Money;
import dev.costbench.model.ratecard.RateCard;
import dev.costbench.model.scenario.InvalidScenarioException;
import dev.costbench.model.scenario.Scenario;
import dev.costbench.model.scenario.ScenarioEngine;
import dev.costbench.model.scenario.ScenarioFiles;
import dev.costbench.model.scenario.ScenarioReport;
import dev.costbench.model.scenario.Waterfall;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code costbench scenario list} (the built-in samples) and {@code costbench scenario report FILE|SAMPLE
 * [--format text|json|csv|html] [--out F] [--start-month YYYY-MM]} (the waterfall, totals, the twelve months at each
 * month's prices and the price-change warnings of a scenario file).
 */
public final class ScenarioCommand {

    public static final Args.Options LIST = Args.Options.of("scenario list", Set.of(), Set.of("json"));
    public static final Args.Options REPORT =
            Args.Options.of("scenario report", Set.of("format", "out", "start-month", RateCardOption.NAME), Set.of());

    private ScenarioCommand() {}

    public static int run(List<String> argv, Supplier<Catalog> catalog, PrintStream out) throws IOException {
        if (argv.isEmpty()) {
            throw new UsageException("scenario needs a subcommand: list, report");
        }
        List<String> rest = argv.subList(1, argv.size());
        switch (argv.get(0)) {
            case "list":
                return list(rest, catalog.get(), out);
            case "report":
                return report(rest, catalog.get(), out);
            default:
                throw new UsageException("unknown scenario subcommand '" + argv.get(0) + "' (list, report)");
        }
    }

    private static int list(List<String> argv, Catalog catalog, PrintStream out) throws IOException {
        Args a = Args.parse(argv, LIST);
        if (!a.positional.isEmpty()) {
            throw new UsageException("unexpected argument '" + a.positional.get(0) + "'");
        }
        ArrayNode arr = Json.array();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"SAMPLE", "BASELINE/MONTH", "OPTIMIZED/MONTH", "NAME"});
        for (String name : ScenarioFiles.SAMPLES) {
            Scenario s = ScenarioFiles.sample(name);
            Waterfall w = ScenarioEngine.compute(s, catalog);
            ObjectNode o = arr.addObject();
            o.put("sample", name);
            o.put("name", s.name());
            o.put("baselineMonthlyUsd", Money.exact(w.baselineMonthly()));
            o.put("optimizedMonthlyUsd", Money.exact(w.optimizedMonthly()));
            rows.add(new String[] {name, Money.format(w.baselineMonthly()), Money.format(w.optimizedMonthly()), s.name()
            });
        }
        if (a.flag("json")) {
            out.println(Json.pretty(arr));
            return 0;
        }
        int[] w = new int[3];
        for (String[] r : rows) {
            for (int i = 0; i < 3; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (String[] r : rows) {
            b.append(r[0])
                    .append(" ".repeat(w[0] - r[0].length()))
                    .append("  ")
                    .append(" ".repeat(w[1] - r[1].length()))
                    .append(r[1])
                    .append("  ")
                    .append(" ".repeat(w[2] - r[2].length()))
                    .append(r[2])
                    .append("  ")
                    .append(r[3])
                    .append('\n');
        }
        b.append(
                "costbench scenario report SAMPLE shows a sample's waterfall; the files are in resources/scenarios.\n");
        out.print(b);
        return 0;
    }

    private static int report(List<String> argv, Catalog catalog, PrintStream out) throws IOException {
        Args a = Args.parse(argv, REPORT);
        if (a.positional.size() != 1) {
            throw new UsageException("scenario report needs one FILE or sample name (costbench scenario list)");
        }
        if (a.get("out") != null) {
            Input.outputFile("out", a.get("out"));
        }
        ScenarioReport.Format format;
        try {
            format = ScenarioReport.Format.parse(a.get("format") == null ? "text" : a.get("format"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        String arg = a.positional.get(0);
        Scenario s = load(arg);
        if (a.get("start-month") != null) {
            s = s.withStartMonth(month(a.get("start-month")));
        }
        RateCard card = RateCardOption.read(a);
        Waterfall w;
        try {
            w = ScenarioEngine.compute(s, catalog, Clock.systemUTC(), card);
        } catch (InvalidScenarioException e) {
            throw new UsageException(Path.of(arg).getFileName() + ": " + e.getMessage());
        }
        String text = ScenarioReport.render(format, s, w);
        String target = a.get("out");
        if (target == null) {
            out.print(text);
            out.flush();
            return 0;
        }
        Path p = Path.of(target);
        if (p.toAbsolutePath().getParent() != null) {
            Files.createDirectories(p.toAbsolutePath().getParent());
        }
        Files.writeString(p, text, StandardCharsets.UTF_8);
        out.println("wrote " + p);
        return 0;
    }

    private static YearMonth month(String v) {
        try {
            return YearMonth.parse(v.trim());
        } catch (DateTimeParseException e) {
            throw new UsageException("--start-month: '" + v + "' is not a month; write it as YYYY-MM, e.g. 2027-01");
        }
    }

    private static Scenario load(String arg) throws IOException {
        Path p = Path.of(arg);
        if (Files.isRegularFile(p)) {
            try {
                return ScenarioFiles.read(p);
            } catch (ScenarioFiles.ScenarioFileException e) {
                throw new UsageException(e.getMessage());
            }
        }
        Scenario sample = ScenarioFiles.sample(arg);
        if (sample == null) {
            throw new UsageException(
                    "no such file or built-in sample: " + arg + " (costbench scenario list shows the " + "samples)");
        }
        return sample;
    }
}
