// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli.command;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.cli.term.Args;
import dev.costbench.cli.term.Json;
import dev.costbench.cli.term.UsageException;
import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.cost.Money;
import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.LabStore;
import dev.costbench.model.lab.run.ExperimentImport;
import dev.costbench.model.lab.run.Repricing;
import dev.costbench.model.lab.stats.ExperimentData;
import dev.costbench.model.lab.stats.ExperimentResults;
import dev.costbench.model.lab.stats.Interval;
import dev.costbench.model.lab.stats.LabResults;
import dev.costbench.model.lab.stats.RunComparison;
import dev.costbench.model.lab.stats.StatsFormat;
import dev.costbench.model.lab.stats.StatsOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code costbench ab compare ID1 ID2 | reprice ID | import FILE}: the History view's comparisons, re-pricing and
 * import on the command line. Exit codes as {@link AbCommand}: 0 done, 1 the store failed, 2 bad input.
 */
final class AbHistoryCommand {

    public static final Args.Options COMPARE = Args.Options.of("ab compare", Set.of(), Set.of("json"));
    public static final Args.Options REPRICE = Args.Options.of("ab reprice", Set.of("at"), Set.of("json"));
    public static final Args.Options IMPORT = Args.Options.of("ab import", Set.of(), Set.of());

    private final PrintStream out;
    private final PrintStream err;
    private final Supplier<Catalog> catalog;
    private final Supplier<? extends LabStore> stores;

    AbHistoryCommand(PrintStream out, PrintStream err, Supplier<Catalog> catalog, Supplier<? extends LabStore> stores) {
        this.out = out;
        this.err = err;
        this.catalog = catalog;
        this.stores = stores;
    }

    int compare(List<String> argv) throws IOException {
        Args a = Args.parse(argv, COMPARE);
        if (a.positional.size() != 2) {
            throw new UsageException("ab compare needs two experiment ids: the earlier run, then the later one "
                    + "(costbench ab list shows them)");
        }
        long first = parseId(a.positional.get(0));
        long second = parseId(a.positional.get(1));
        try (LabStore store = stores.get()) {
            Experiment e1 = load(store, first);
            Experiment e2 = load(store, second);
            ExperimentData d1 = ExperimentData.load(store, first);
            ExperimentData d2 = ExperimentData.load(store, second);
            StatsOptions o = StatsOptions.defaults();
            ExperimentResults r1 = LabResults.analyze(d1, e1.settings().extraJson(), o);
            ExperimentResults r2 = LabResults.analyze(d2, e2.settings().extraJson(), o);
            RunComparison c = RunComparison.compare(d1, r1, d2, r2, o);
            if (a.flag("json")) {
                out.println(Json.pretty(compareJson(e1, e2, c)));
                return 0;
            }
            out.printf(
                    Locale.ROOT,
                    "Earlier: #%d %s (%s)%nLater:   #%d %s (%s)%n",
                    e1.id(),
                    e1.name(),
                    e1.created().toString().substring(0, 16).replace('T', ' '),
                    e2.id(),
                    e2.name(),
                    e2.created().toString().substring(0, 16).replace('T', ' '));
            out.println("Change = later − earlier; intervals 95 %, unpaired (Welch t; bootstrap for the median); "
                    + "* = the interval excludes no change");
            for (RunComparison.Row r : c.rows()) {
                out.printf(
                        Locale.ROOT,
                        "%n%s · %s%s%n",
                        r.variant(),
                        r.model(),
                        !r.inEarlier()
                                ? " (only in #" + second + ")"
                                : !r.inLater() ? " (only in #" + first + ")" : "");
                for (RunComparison.Change ch : r.changes()) {
                    out.printf(
                            Locale.ROOT,
                            "  %-22s %12s → %-12s %s%n",
                            ch.metric().label(),
                            RunComparison.value(ch.metric(), ch.earlier()),
                            RunComparison.value(ch.metric(), ch.later()),
                            ch.changeText());
                }
            }
            return 0;
        }
    }

    private static ObjectNode compareJson(Experiment e1, Experiment e2, RunComparison c) {
        ObjectNode o = Json.object();
        o.put("earlierId", e1.id());
        o.put("laterId", e2.id());
        ArrayNode rows = o.putArray("rows");
        for (RunComparison.Row r : c.rows()) {
            ObjectNode ro = rows.addObject();
            ro.put("variant", r.variant());
            ro.put("model", r.model());
            ro.put("inEarlier", r.inEarlier());
            ro.put("inLater", r.inLater());
            for (RunComparison.Change ch : r.changes()) {
                ObjectNode m = ro.putObject(
                        switch (ch.metric()) {
                            case COST_PER_CALL -> "costPerCallUsd";
                            case INPUT_TOKENS -> "inputTokens";
                            case OUTPUT_TOKENS -> "outputTokens";
                            case LATENCY_P50 -> "latencyP50Ms";
                            case QUALITY -> "qualityRougeL";
                        });
                m.put("nEarlier", ch.nEarlier());
                m.put("nLater", ch.nLater());
                number(m, "earlier", ch.earlier());
                number(m, "later", ch.later());
                number(m, "change", ch.change());
                interval(m, "changeCi", ch.changeCi());
                number(m, "changePercent", ch.changePercent());
                interval(m, "changePercentCi", ch.changePercentCi());
                m.put("significant", ch.significant());
                m.put("method", ch.method());
            }
        }
        return o;
    }

    int reprice(List<String> argv) throws IOException {
        Args a = Args.parse(argv, REPRICE);
        if (a.positional.size() != 1) {
            throw new UsageException("ab reprice needs an experiment id (costbench ab list shows them)");
        }
        long id = parseId(a.positional.get(0));
        Catalog cat = catalog.get();
        try (LabStore store = stores.get()) {
            Experiment e = load(store, id);
            LocalDate at = PriceDate.parse(a.get("at"), Clock.systemUTC());
            Repricing r = Repricing.of(store, id, cat::find, at);
            if (a.flag("json")) {
                ObjectNode o = Json.object();
                o.put("experimentId", id);
                o.put("catalogAsOf", cat.asOf());
                o.put("pricedAt", at.toString());
                o.put("thenUsd", Money.exact(r.thenTotalUsd()));
                o.put("nowUsd", Money.exact(r.nowTotalUsd()));
                number(o, "changePercent", r.totalChangePercent() == null ? Double.NaN : r.totalChangePercent());
                ArrayNode missing = o.putArray("missingModels");
                r.missingModels().forEach(missing::add);
                ArrayNode rows = o.putArray("rows");
                for (Repricing.Row row : r.rows()) {
                    ObjectNode ro = rows.addObject();
                    ro.put("variant", row.variant());
                    ro.put("model", row.model());
                    ro.put("inCatalog", row.inCatalog());
                    ro.put("trials", row.trials());
                    ro.put("comparable", row.comparable());
                    ro.put("unpricedThen", row.unpricedThen());
                    ro.put("unpricedNow", row.unpricedNow());
                    ro.put("storedUsd", Money.exact(row.storedUsd()));
                    ro.put("thenUsd", Money.exact(row.thenUsd()));
                    ro.put("nowUsd", Money.exact(row.nowUsd()));
                    ro.put("thenMeanUsd", Money.exact(row.thenMeanUsd()));
                    ro.put("nowMeanUsd", Money.exact(row.nowMeanUsd()));
                    number(ro, "changePercent", row.changePercent() == null ? Double.NaN : row.changePercent());
                }
                out.println(Json.pretty(o));
                return 0;
            }
            out.printf(
                    Locale.ROOT,
                    "#%d %s re-priced at the prices of %s%s (catalog as of %s); the stored costs are not changed%n",
                    id,
                    e.name(),
                    at,
                    at.equals(LocalDate.now(ZoneOffset.UTC)) ? " (today)" : "",
                    cat.asOf());
            out.printf(
                    Locale.ROOT,
                    "%-24s %-22s %6s %12s %12s %10s%n",
                    "VARIANT",
                    "MODEL",
                    "CALLS",
                    "THEN",
                    "NOW",
                    "CHANGE");
            for (Repricing.Row row : r.rows()) {
                out.printf(
                        Locale.ROOT,
                        "%-24s %-22s %6d %12s %12s %10s%s%n",
                        row.variant(),
                        row.model(),
                        row.trials(),
                        Money.format(row.storedUsd()),
                        row.inCatalog() ? Money.format(row.nowUsd()) : "not listed",
                        pct(row.changePercent()),
                        row.unpricedThen() + row.unpricedNow() > 0
                                ? "  (" + row.unpricedThen() + " unpriced then, " + row.unpricedNow() + " unpriced now)"
                                : "");
            }
            out.printf(
                    Locale.ROOT,
                    "%-24s %-22s %6s %12s %12s %10s%n",
                    "TOTAL (priced then and now)",
                    "",
                    "",
                    Money.format(r.thenTotalUsd()),
                    Money.format(r.nowTotalUsd()),
                    pct(r.totalChangePercent()));
            if (!r.missingModels().isEmpty()) {
                out.println("no longer in the catalog (not re-priced, not counted in the total): "
                        + String.join(", ", r.missingModels()));
            }
            return 0;
        }
    }

    int importFile(List<String> argv) throws IOException {
        Args a = Args.parse(argv, IMPORT);
        if (a.positional.size() != 1) {
            throw new UsageException("ab import needs a JSON file written by costbench ab export ID --json");
        }
        Path f = Path.of(a.positional.get(0));
        String json;
        try {
            json = Files.readString(f, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageException("no such file: " + f);
        }
        try (LabStore store = stores.get()) {
            Experiment e =
                    ExperimentImport.importInto(store, json, f.getFileName().toString());
            out.printf(
                    Locale.ROOT,
                    "imported \"%s\" as experiment %d (%d trials); costbench ab show %d%n",
                    e.name(),
                    e.id(),
                    store.trials(e.id()).size(),
                    e.id());
            return 0;
        } catch (ExperimentImport.ImportException e) {
            err.println("costbench: " + f + ": " + e.getMessage());
            return 2;
        }
    }

    private static String pct(Double p) {
        return p == null ? "—" : StatsFormat.signedPercent(p);
    }

    private static void number(ObjectNode o, String k, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            o.putNull(k);
        } else {
            o.put(k, v);
        }
    }

    private static void interval(ObjectNode o, String k, Interval i) {
        if (i == null) {
            o.putNull(k);
            return;
        }
        ObjectNode n = o.putObject(k);
        number(n, "low", i.low());
        number(n, "high", i.high());
        n.put("level", i.level());
    }

    private static Experiment load(LabStore store, long id) {
        try {
            return store.loadExperiment(id);
        } catch (NoSuchElementException e) {
            throw new UsageException("no experiment " + id + " (costbench ab list shows them)");
        }
    }

    private static long parseId(String s) {
        try {
            long id = Long.parseLong(s);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new UsageException("not an experiment id: '" + s + "'");
    }
}
