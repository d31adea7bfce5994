// SPDX-License-Identifier: Apache-2.0
package dev.costbench.bench;

import dev.costbench.model.lab.ExperimentOverview;
import dev.costbench.store.H2LabStore;
import dev.costbench.store.JdbcLabStore;
import dev.costbench.store.ServerLabStore;
import dev.costbench.store.StoreUrl;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The History view and an experiment's summary on the team store (PostgreSQL) beside the embedded H2 file, with a
 * 20,000-trial experiment (issue 19, item 3; the 200 ms targets of the History view). Each store gets the same
 * history, generated as {@link HistoryBench} does (batch import, one ledger row per trial): one experiment of
 * {@code trials} trials and 20 of 1,000. Then, per store: the History list ({@code overviews()}), the results view's
 * step one for the large experiment (summary visible) and the load + analysis ({@code LabResults.analyze}); cold =
 * the first call after reopening the store, warm = 5 calls after it.
 *
 * <p>{@code java dev.costbench.bench.TeamStoreBench PG_URL [trials (20000)] [repeats (10)]}, where {@code PG_URL}
 * names an empty PostgreSQL database ({@code jdbc:postgresql://127.0.0.1:5432/bench?user=postgres}); prints one JSON
 * line per store.
 */
public final class TeamStoreBench {

    private TeamStoreBench() {}

    public static void main(String[] args) throws Exception {
        StoreUrl pg = StoreUrl.parse(args[0], null);
        int trials = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Path dir = Files.createTempDirectory("costbench-team-store-bench");
        run("H2", () -> H2LabStore.open(dir), trials, repeats, () -> {
            try {
                return DriverManager.getConnection(
                        "jdbc:h2:file:" + dir.toRealPath().resolve(H2LabStore.DATABASE_NAME), "sa", "");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        run("PostgreSQL", () -> ServerLabStore.open(pg, pg.password()), trials, repeats, () -> {
            try {
                return DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void run(String name, Supplier<JdbcLabStore> open, int trials, int repeats, Supplier<Connection> raw)
            throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("store", "\"" + name + "\"");
        long t0 = System.nanoTime();
        long large;
        try (JdbcLabStore store = open.get()) {
            large = HistoryBench.generate(store, "large run", trials, 0).id();
            for (int n = 1; n <= 20; n++) {
                HistoryBench.generate(store, "experiment " + n, 1000, n);
            }
        }
        try (Connection c = raw.get()) { // the store is closed: H2 allows one owner
            HistoryBench.fillLedger(c);
        }
        out.put("generate_s", (System.nanoTime() - t0) / 1e9);
        try (JdbcLabStore store = open.get()) {
            List<ExperimentOverview> all = store.overviews();
            out.put("experiments", all.size());
            out.put("trials", all.stream().mapToLong(ExperimentOverview::trials).sum());
            out.put(
                    "large_trials",
                    all.stream()
                            .filter(o -> o.id() == large)
                            .findFirst()
                            .orElseThrow()
                            .trials());
            for (int i = 0; i < 3; i++) { // JIT warm-up, untimed
                store.overviews();
                HistoryBench.analyze(store, large);
            }
        }
        measure(out, "history", open, repeats, store -> HistoryBench.time(store::overviews));
        measure(
                out,
                "summary_visible",
                open,
                repeats,
                store -> HistoryBench.time(() -> HistoryBench.view(store, large, false)));
        measure(out, "summary", open, repeats, store -> HistoryBench.time(() -> HistoryBench.analyze(store, large)));
        out.put("load_avg", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        out.put("target_ms", 200.0);
        System.out.println(HistoryBench.json(out));
    }

    @FunctionalInterface
    private interface Timed {
        long run(JdbcLabStore store) throws Exception;
    }

    private static void measure(
            Map<String, Object> out, String name, Supplier<JdbcLabStore> open, int repeats, Timed what)
            throws Exception {
        List<Long> cold = new ArrayList<>();
        List<Long> warm = new ArrayList<>();
        for (int r = 0; r < repeats; r++) {
            try (JdbcLabStore store = open.get()) {
                cold.add(what.run(store));
                for (int w = 0; w < 5; w++) {
                    warm.add(what.run(store));
                }
            }
        }
        put(out, name + "_cold", cold);
        put(out, name + "_warm", warm);
    }

    private static void put(Map<String, Object> out, String key, List<Long> ns) {
        double[] ms = ns.stream().mapToDouble(x -> x / 1e6).sorted().toArray();
        out.put(key + "_median_ms", HistoryBench.percentile(ms, 0.5));
        out.put(key + "_p95_ms", HistoryBench.percentile(ms, 0.95));
    }
}
