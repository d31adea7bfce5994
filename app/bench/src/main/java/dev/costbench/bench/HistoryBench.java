// SPDX-License-Identifier: Apache-2.0
package dev.costbench.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.ExperimentOverview;
import dev.costbench.model.lab.ExperimentSettings;
import dev.costbench.model.lab.ExperimentSnapshot;
import dev.costbench.model.lab.ExperimentStatus;
import dev.costbench.model.lab.LabStore;
import dev.costbench.model.lab.LedgerPurpose;
import dev.costbench.model.lab.NewExperiment;
import dev.costbench.model.lab.NewTrial;
import dev.costbench.model.lab.NewVariant;
import dev.costbench.model.lab.TrialCell;
import dev.costbench.model.lab.run.RunSummary;
import dev.costbench.model.lab.stats.ExperimentData;
import dev.costbench.model.lab.stats.ExperimentResults;
import dev.costbench.model.lab.stats.LabResults;
import dev.costbench.model.lab.stats.QualitySettings;
import dev.costbench.model.lab.stats.SimilarityCache;
import dev.costbench.model.lab.stats.StatsOptions;
import dev.costbench.model.lab.stats.StatsSummary;
import dev.costbench.store.H2LabStore;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The History view with 100,000 stored trials: the experiment list with its summary line
 * ({@link H2LabStore#overviews()}) and one experiment's summary — the results view's analysis
 * ({@link ExperimentData#load} + {@link LabResults#analyze}) and the command line's {@link StatsSummary} — each
 * against a target of 200 ms; the results view both until its cost table shows (step one) and until its quality
 * and verdicts are complete (step two). The store is generated with batch inserts
 * ({@link H2LabStore#importExperiment}) plus one ledger row per trial, as the runner leaves them. "Cold" is the
 * first call after the database was reopened (H2's page cache empty; the JVM already warm from earlier rounds),
 * "warm" the calls after it.
 * {@code java dev.costbench.bench.HistoryBench [trials (100000)] [repeats (15)] [data dir]}; prints one JSON line.
 */
public final class HistoryBench {

    private static final double TARGET_MS = 200;
    private static final String[] WORDS = ("the customer was charged twice for the same order please refund the "
                    + "duplicate payment and confirm by email within two business days severity high category billing "
                    + "resolution refund escalate agent summary ticket account invoice")
            .split(" ");

    private HistoryBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("fresh")) {
            fresh(Path.of(args[1]));
            return;
        }
        if (args.length == 2 && args[0].equals("fresh-warmed")) {
            freshWarmed(Path.of(args[1]));
            return;
        }
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Path dir = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("costbench-history-bench");
        boolean fresh = !Files.exists(H2LabStore.databaseFile(dir));
        Map<String, Object> out = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        List<Long> typical = new ArrayList<>();
        long largest;
        if (fresh) {
            // one large experiment (10 % of the trials) and the rest in experiments of 1,000 trials
            try (H2LabStore store = H2LabStore.open(dir)) {
                int big = total / 10;
                largest = generate(store, "large run", big, 0).id();
                int n = 1;
                for (int left = total - big; left > 0; left -= 1000) {
                    typical.add(generate(store, "experiment " + n, Math.min(1000, left), n)
                            .id());
                    n++;
                }
            }
            fillLedger(dir);
        } else {
            try (H2LabStore store = H2LabStore.open(dir)) {
                List<ExperimentOverview> all = store.overviews();
                largest = all.stream()
                        .max(Comparator.comparingLong(ExperimentOverview::trials))
                        .orElseThrow()
                        .id();
                all.stream().filter(o -> o.id() != largest).forEach(o -> typical.add(o.id()));
            }
        }
        out.put("generated", fresh);
        out.put("generate_s", (System.nanoTime() - t0) / 1e9);
        out.put("db_mib", Files.size(H2LabStore.databaseFile(dir)) / (1024.0 * 1024.0));

        long trials;
        int experiments;
        try (H2LabStore store = H2LabStore.open(dir)) {
            List<ExperimentOverview> all = store.overviews();
            experiments = all.size();
            trials = all.stream().mapToLong(ExperimentOverview::trials).sum();
            out.put(
                    "largest_trials",
                    all.stream()
                            .filter(o -> o.id() == largest)
                            .findFirst()
                            .orElseThrow()
                            .trials());
        }
        out.put("experiments", experiments);
        out.put("trials", trials);

        // warm-up of the JIT: one round of everything, not timed
        try (H2LabStore store = H2LabStore.open(dir)) {
            for (int i = 0; i < 3; i++) {
                store.overviews();
                analyze(store, typical.get(i));
                RunSummary.of(store, typical.get(i), StatsSummary.INSTANCE);
            }
        }
        measure(out, "open_store", dir, repeats, typical, (store, id) -> 0L, true);
        measure(out, "history", dir, repeats, typical, (store, id) -> time(store::overviews), false);
        measure(out, "summary", dir, repeats, typical, (store, id) -> time(() -> analyze(store, id)), false);
        measure(out, "view_first", dir, repeats, typical, (store, id) -> time(() -> view(store, id, false)), false);
        measure(out, "view_complete", dir, repeats, typical, HistoryBench::completeFirstOpen, false);
        measure(out, "view_reopen", dir, repeats, typical, HistoryBench::completeReopened, false);
        measure(
                out,
                "cli_summary",
                dir,
                repeats,
                typical,
                (store, id) -> time(() -> RunSummary.of(store, id, StatsSummary.INSTANCE)),
                false);
        List<Long> big = List.of(largest);
        measure(
                out,
                "summary_largest",
                dir,
                Math.max(3, repeats / 3),
                big,
                (store, id) -> time(() -> analyze(store, id)),
                false);
        measure(
                out,
                "view_first_largest",
                dir,
                Math.max(3, repeats / 3),
                big,
                (store, id) -> time(() -> view(store, id, false)),
                false);
        measure(
                out,
                "view_complete_largest",
                dir,
                Math.max(3, repeats / 3),
                big,
                HistoryBench::completeFirstOpen,
                false);
        measure(out, "view_reopen_largest", dir, Math.max(3, repeats / 3), big, HistoryBench::completeReopened, false);
        measure(
                out,
                "cli_summary_largest",
                dir,
                Math.max(3, repeats / 3),
                big,
                (store, id) -> time(() -> RunSummary.of(store, id, StatsSummary.INSTANCE)),
                false);
        out.put("load_avg", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        out.put("target_ms", TARGET_MS);
        System.out.println(json(out));
    }

    /**
     * The first opening of the largest experiment in a fresh process (JIT and H2 cold, as after starting the app):
     * step one, then step two. Prints one JSON line.
     */
    private static void fresh(Path dir) throws Exception {
        try (H2LabStore store = H2LabStore.open(dir)) {
            long id = store.overviews().stream()
                    .max(Comparator.comparingLong(ExperimentOverview::trials))
                    .orElseThrow()
                    .id();
            long first = time(() -> view(store, id, false));
            long firstCpu = lastCpu;
            long complete = time(() -> view(store, id, true));
            // where the first one's time went: a second fresh read of the trials, and the preview of them
            ExperimentData[] d = new ExperimentData[1];
            long trials = time(() -> d[0] = ExperimentData.load(store, id));
            long preview = time(() -> LabResults.preview(d[0], StatsOptions.defaults()));
            System.out.println(String.format(
                    Locale.ROOT,
                    "{\"fresh_first_ms\":%.1f,\"fresh_first_cpu_ms\":%.1f,"
                            + "\"fresh_then_complete_ms\":%.1f,\"fresh_then_load_ms\":%.1f,\"fresh_then_preview_ms\":%.1f}",
                    first / 1e6,
                    firstCpu / 1e6,
                    complete / 1e6,
                    trials / 1e6,
                    preview / 1e6));
        }
    }

    /**
     * As {@link #fresh}, but first what the A/B lab does when its list first shows (LabView.warmUp): the newest
     * experiment read and previewed, untimed (in the app it runs in the background while the user reads the list).
     * Then the first opening of the largest experiment. Prints one JSON line.
     */
    private static void freshWarmed(Path dir) throws Exception {
        try (H2LabStore store = H2LabStore.open(dir)) {
            List<ExperimentOverview> all = store.overviews();
            long newest = all.get(0).id();
            long id = all.stream()
                    .max(Comparator.comparingLong(ExperimentOverview::trials))
                    .orElseThrow()
                    .id();
            long warmUp = time(() -> LabResults.preview(ExperimentData.load(store, newest), StatsOptions.defaults()));
            long first = time(() -> view(store, id, false));
            long firstCpu = lastCpu;
            System.out.println(String.format(
                    Locale.ROOT,
                    "{\"warmed_warmup_ms\":%.1f,\"warmed_first_ms\":%.1f,"
                            + "\"warmed_first_cpu_ms\":%.1f,\"warmed_same\":%s}",
                    warmUp / 1e6,
                    first / 1e6,
                    firstCpu / 1e6,
                    newest == id));
        }
    }

    @FunctionalInterface
    private interface Timed {
        long run(H2LabStore store, long experimentId) throws Exception;
    }

    /** Cold: the first call after reopening the database; warm: five calls after it. Times in ns. */
    private static void measure(
            Map<String, Object> out, String name, Path dir, int repeats, List<Long> ids, Timed what, boolean openOnly)
            throws Exception {
        List<Long> cold = new ArrayList<>();
        List<Long> warm = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        for (int r = 0; r < repeats; r++) {
            long id = ids.get((r * 7) % ids.size());
            long o0 = System.nanoTime();
            try (H2LabStore store = H2LabStore.open(dir)) {
                long opened = System.nanoTime() - o0;
                if (openOnly) {
                    cold.add(opened);
                    continue;
                }
                cold.add(what.run(store, id));
                cpu.add(lastCpu);
                for (int w = 0; w < 5; w++) {
                    warm.add(what.run(store, id));
                    cpu.add(lastCpu);
                }
            }
        }
        put(out, name + "_cold", cold);
        if (!warm.isEmpty()) {
            put(out, name + "_warm", warm);
            put(out, name + "_cpu", cpu);
        }
    }

    private static void put(Map<String, Object> out, String key, List<Long> ns) {
        double[] ms = ns.stream().mapToDouble(x -> x / 1e6).sorted().toArray();
        out.put(key + "_median_ms", percentile(ms, 0.5));
        out.put(key + "_p95_ms", percentile(ms, 0.95));
        out.put(key + "_n", ms.length);
    }

    static double percentile(double[] sorted, double p) {
        double pos = p * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }

    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    /**
     * The CPU time this process spent during the last {@link #time} call, ns (all its threads: the results view
     * computes the quality scores on a second thread): less sensitive than wall time to other work on the machine.
     */
    private static long lastCpu;

    static long time(ThrowingRunnable r) throws Exception {
        long c = OS.getProcessCpuTime();
        long t = System.nanoTime();
        r.run();
        long wall = System.nanoTime() - t;
        lastCpu = OS.getProcessCpuTime() - c;
        return wall;
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    static ExperimentResults analyze(LabStore store, long id) {
        ExperimentData d = ExperimentData.load(store, id);
        return LabResults.analyze(d, store.loadExperiment(id).settings().extraJson(), StatsOptions.defaults());
    }

    /**
     * What the results view computes off the FX thread ({@code ResultsPane.show}): step one, until the cost table
     * shows, reads the experiment, its trials, judge failures and spend and computes {@link LabResults#preview};
     * with {@code complete} also step two, {@link LabResults#analyze} (bootstrap intervals, quality, verdicts).
     */
    static SimilarityCache view(LabStore store, long id, boolean complete) {
        Experiment e = store.loadExperiment(id);
        ExperimentData d = ExperimentData.load(store, id);
        store.judgeFailures(id);
        store.spentOnExperiment(id, LedgerPurpose.TRIAL);
        store.spentOnExperiment(id, LedgerPurpose.JUDGE);
        LabResults.preview(d, StatsOptions.defaults());
        if (!complete) {
            return null;
        }
        SimilarityCache sims = new SimilarityCache(store.similarityScores(id));
        LabResults.analyze(d, QualitySettings.read(e.settings().extraJson()), StatsOptions.defaults(), sims);
        return sims;
    }

    /**
     * Both steps when the experiment is opened for the first time (no stored similarity: each is computed); then,
     * untimed as in the view (which shows the results first), the similarities are stored.
     */
    private static long completeFirstOpen(H2LabStore store, long id) throws Exception {
        store.forgetSimilarityScores(id);
        SimilarityCache[] sims = new SimilarityCache[1];
        long ns = time(() -> sims[0] = view(store, id, true));
        store.saveSimilarityScores(id, sims[0].computed());
        return ns;
    }

    /** Both steps when the experiment was opened before: the similarities are read from the store. */
    private static long completeReopened(H2LabStore store, long id) throws Exception {
        SimilarityCache[] sims = new SimilarityCache[1];
        long ns = time(() -> sims[0] = view(store, id, true));
        store.saveSimilarityScores(id, sims[0].computed()); // nothing, unless the first call of a fresh store
        return ns;
    }

    /** An experiment of about {@code trials} trials: 2 variants × 10 inputs × 2 models × N repetitions. */
    static Experiment generate(LabStore store, String name, int trials, long seed) {
        int reps = Math.max(1, trials / 40);
        List<String> models = List.of("gpt-4o-mini", "claude-haiku-4-5");
        NewExperiment spec =
                new NewExperiment(name, new BigDecimal("5.00"), reps, ExperimentSettings.defaults(), models);
        List<NewVariant> variants = List.of(
                new NewVariant("baseline", true, "{\"system\":\"You are verbose.\"}"),
                new NewVariant("optimized", false, "{\"system\":\"Be brief.\"}"));
        List<ExperimentSnapshot.Input> inputs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            inputs.add(new ExperimentSnapshot.Input("ticket " + (i + 1), Map.of("ticket", "Ticket text " + i)));
        }
        Random rnd = new Random(seed);
        Instant start = Instant.parse("2026-11-01T10:00:00Z").plus(Duration.ofHours(seed));
        List<NewTrial> out = new ArrayList<>();
        for (int r = 1; r <= reps && out.size() < trials; r++) {
            for (int in = 0; in < 10; in++) {
                for (String m : models) {
                    for (int v = 0; v < 2; v++) {
                        boolean failed = rnd.nextInt(100) == 0;
                        long input = v == 0 ? 900 + rnd.nextInt(100) : 300 + rnd.nextInt(50);
                        long output = 60 + rnd.nextInt(80);
                        CanonicalUsage u = new CanonicalUsage(input, 0, 0, 0, output, 0);
                        BigDecimal cost = new BigDecimal(input * 150 + output * 600).movePointLeft(9);
                        Instant s = start.plusMillis(out.size() * 1000L);
                        Instant f = s.plusMillis(400 + rnd.nextInt(900));
                        TrialCell cell = new TrialCell(v, in, m, r);
                        out.add(
                                failed
                                        ? NewTrial.failure(
                                                0,
                                                cell,
                                                "h" + seed + "-" + out.size(),
                                                "HTTP 500 from the provider",
                                                s,
                                                f)
                                        : new NewTrial(
                                                0,
                                                cell,
                                                "h" + seed + "-" + out.size(),
                                                u,
                                                cost,
                                                true,
                                                "{\"model\":\"" + m + "\",\"total\":\"" + cost.toPlainString() + "\"}",
                                                cost,
                                                f.toEpochMilli() - s.toEpochMilli(),
                                                200L + rnd.nextInt(200),
                                                "stop",
                                                text(rnd, v == 0 ? 60 : 30),
                                                null,
                                                false,
                                                s,
                                                f,
                                                null,
                                                null));
                    }
                }
            }
        }
        return store.importExperiment(
                new ExperimentSnapshot(spec, start, ExperimentStatus.DONE, variants, inputs, out));
    }

    private static String text(Random rnd, int words) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words; i++) {
            b.append(i == 0 ? "" : " ").append(WORDS[rnd.nextInt(WORDS.length)]);
        }
        return b.toString();
    }

    /** One ledger row per priced trial, as the runner writes them (one SQL statement, not 100,000 commits). */
    private static void fillLedger(Path dir) throws Exception {
        Path base = dir.toRealPath().resolve(H2LabStore.DATABASE_NAME);
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + base, "sa", "")) {
            fillLedger(c);
        }
    }

    /** {@link #fillLedger(Path)} on an open connection to any store (the SQL is standard). */
    static void fillLedger(Connection c) throws Exception {
        try (Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO ledger (occurred_at, provider, model_id, cost_usd, trial_id, purpose, "
                    + "experiment_id) SELECT finished_at, 'openai', model_id, cost_usd, id, 'trial', experiment_id "
                    + "FROM trial");
            st.executeUpdate("UPDATE experiment_totals x SET spent_usd = COALESCE((SELECT SUM(l.cost_usd) "
                    + "FROM ledger l WHERE l.experiment_id = x.experiment_id), 0)");
        }
    }

    static String json(Map<String, Object> m) {
        StringBuilder b = new StringBuilder("{");
        for (Map.Entry<String, Object> e : m.entrySet()) {
            if (b.length() > 1) {
                b.append(',');
            }
            Object v = e.getValue();
            b.append('"')
                    .append(e.getKey())
                    .append("\":")
                    .append(v instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : v.toString());
        }
        return b.append('}').toString();
    }
}
