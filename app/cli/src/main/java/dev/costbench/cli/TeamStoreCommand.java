// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.cli.term.Args;
import dev.costbench.cli.term.Json;
import dev.costbench.cli.term.UsageException;
import dev.costbench.store.H2LabStore;
import dev.costbench.store.JdbcLabStore;
import dev.costbench.store.LabStores;
import dev.costbench.store.ServerLabStore;
import dev.costbench.store.StoreCopy;
import dev.costbench.store.StoreUrl;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code costbench store info} (which store is in use) and {@code costbench store copy --from H2FILE --to URL}
 * (a local history into the team store; see {@link StoreCopy}).
 */
final class TeamStoreCommand {

    static final Args.Options INFO = Args.Options.of("store info", Set.of(), Set.of("json"));
    static final Args.Options COPY = Args.Options.of("store copy", Set.of("from", "to"), Set.of("json"));

    private final PrintStream out;
    private final Path dataDir;
    private final Function<StoreUrl, String> passwords;

    TeamStoreCommand(PrintStream out, Path dataDir, Function<StoreUrl, String> passwords) {
        this.out = out;
        this.dataDir = dataDir;
        this.passwords = passwords;
    }

    int info(List<String> argv) throws IOException {
        Args a = Args.parse(argv, INFO);
        if (!a.positional.isEmpty()) {
            throw new UsageException("store info takes no arguments");
        }
        LabStores.Choice c = LabStores.choice(dataDir);
        try (JdbcLabStore store = LabStores.open(dataDir, passwords)) {
            int experiments = store.listExperiments().size();
            String source = c.teamStore().isEmpty()
                    ? "this computer's database file"
                    : c.fromEnvironment() ? StoreUrl.VARIABLE : "the setting in the Providers view";
            if (a.flag("json")) {
                ObjectNode o = Json.object();
                o.put("kind", c.teamStore().isEmpty() ? "local" : "team");
                o.put("database", store.databaseName());
                o.put("location", store.location());
                o.put("chosenBy", source);
                o.put("author", store.author());
                o.put("experiments", experiments);
                out.println(Json.pretty(o));
            } else {
                out.println((c.teamStore().isEmpty() ? "Local store" : "Team store") + " (" + store.databaseName()
                        + "): " + store.location());
                out.println("Chosen by: " + source);
                out.println("New experiments, scenarios and ledger rows are recorded as created by " + store.author()
                        + ".");
                out.println(experiments + (experiments == 1 ? " experiment" : " experiments") + " stored.");
            }
        }
        return 0;
    }

    int copy(List<String> argv) throws IOException {
        Args a = Args.parse(argv, COPY);
        if (!a.positional.isEmpty()) {
            throw new UsageException("unexpected argument '" + a.positional.get(0) + "'");
        }
        if (a.get("from") == null || a.get("to") == null) {
            throw new UsageException("store copy needs --from H2FILE (a costbench.mv.db or its folder) and --to URL "
                    + "(jdbc:postgresql://host:5432/database?user=name)");
        }
        Path from = Path.of(a.get("from")).toAbsolutePath();
        Path dir = Files.isDirectory(from) ? from : from.getParent();
        if (!Files.isRegularFile(H2LabStore.databaseFile(dir))
                || (!Files.isDirectory(from) && !from.equals(H2LabStore.databaseFile(dir)))) {
            throw new UsageException("no CostBench database at " + from + ": give its costbench.mv.db file or the "
                    + "folder holding it (the data folder printed at the end of --help)");
        }
        StoreUrl to;
        try {
            to = StoreUrl.parse(a.get("to"), null);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        StoreCopy.Result r;
        try (H2LabStore source = H2LabStore.open(dir);
                ServerLabStore target = ServerLabStore.open(
                        to,
                        to.password() != null ? to.password() : passwords.apply(to),
                        LabStores.choice(dataDir).author())) {
            r = StoreCopy.copy(source, target);
        }
        if (a.flag("json")) {
            ObjectNode o = Json.object();
            o.put("from", H2LabStore.databaseFile(dir).toString());
            o.put("to", to.redacted());
            o.put("copiedExperiments", r.copiedExperiments());
            o.put("verified", r.verified());
            ArrayNode tables = o.putArray("tables");
            for (StoreCopy.TableCount t : r.tables()) {
                tables.addObject()
                        .put("table", t.table())
                        .put("local", t.source())
                        .put("teamStore", t.target());
            }
            ArrayNode skipped = o.putArray("skippedScenarios");
            r.skippedScenarios().forEach(skipped::add);
            out.println(Json.pretty(o));
        } else {
            out.println(
                    "Copied " + r.copiedExperiments() + (r.copiedExperiments() == 1 ? " experiment" : " experiments")
                            + " from " + H2LabStore.databaseFile(dir) + " into " + to.redacted()
                            + (r.copiedExperiments() == 0 ? " (everything was copied before)" : "") + ".");
            out.printf(Locale.ROOT, "%-18s %10s %12s%n", "TABLE", "LOCAL", "TEAM STORE");
            for (StoreCopy.TableCount t : r.tables()) {
                out.printf(
                        Locale.ROOT,
                        "%-18s %,10d %,12d%s%n",
                        t.table(),
                        t.source(),
                        t.target(),
                        t.matches() ? "" : "  DIFFERS");
            }
            for (String s : r.skippedScenarios()) {
                out.println("Scenario \"" + s + "\" was left out: the team store has another scenario by that name. "
                        + "Rename one of them and copy again.");
            }
            out.println(
                    r.verified()
                            ? "Verified: every table's rows are in the team store."
                            : "Some rows are missing in the team store: run the same copy again (it continues where it "
                                    + "stopped).");
        }
        return r.verified() ? 0 : 1;
    }
}
