// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import static dev.costbench.store.Jdbc.getInstant;
import static dev.costbench.store.Jdbc.getInt;
import static dev.costbench.store.Jdbc.getDouble;
import static dev.costbench.store.Jdbc.getLong;
import static dev.costbench.store.Jdbc.setDouble;
import static dev.costbench.store.Jdbc.setInstant;
import static dev.costbench.store.Jdbc.setInt;
import static dev.costbench.store.Jdbc.setLong;
import static dev.costbench.store.Jdbc.setMoney;

import dev.costbench.model.app.AppDirs;
import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.ExperimentOverview;
import dev.costbench.model.lab.ExperimentProgress;
import dev.costbench.model.lab.ExperimentSettings;
import dev.costbench.model.lab.ExperimentSnapshot;
import dev.costbench.model.lab.ExperimentStatus;
import dev.costbench.model.lab.JudgeFailure;
import dev.costbench.model.lab.JudgeScore;
import dev.costbench.model.lab.DamagedStoreException;
import dev.costbench.model.lab.LabStore;
import dev.costbench.model.lab.NewerStoreException;
import dev.costbench.model.lab.LabStoreException;
import dev.costbench.model.lab.LedgerEntry;
import dev.costbench.model.lab.LedgerPurpose;
import dev.costbench.model.lab.MediaBlob;
import dev.costbench.model.lab.NewExperiment;
import dev.costbench.model.lab.NewLedgerEntry;
import dev.costbench.model.lab.NewTrial;
import dev.costbench.model.lab.NewVariant;
import dev.costbench.model.lab.Rating;
import dev.costbench.model.lab.RatingScale;
import dev.costbench.model.lab.SavedScenario;
import dev.costbench.model.lab.SecretGuard;
import dev.costbench.model.lab.SimilarityScore;
import dev.costbench.model.lab.StoreInUseException;
import dev.costbench.model.lab.TestInput;
import dev.costbench.model.lab.Trial;
import dev.costbench.model.lab.TrialCell;
import dev.costbench.model.lab.Variant;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The lab store in an embedded H2 file database, {@code costbench.mv.db} in the data directory.
 *
 * <p><b>Durability.</b> The URL sets {@code WRITE_DELAY=0}: H2 then writes each commit to the file before the
 * commit returns. With H2's default (500 ms) a committed transaction stays in memory until a background writer
 * flushes it, so a killed process could lose trials it had already reported as saved. Each trial is written when it
 * finishes, a few per second at most, so the extra write per commit costs nothing noticeable.
 *
 * <p><b>A second instance</b> gets a {@link StoreInUseException} with a clear message, rather than H2's
 * {@code AUTO_SERVER=TRUE} mode. Why:
 * <ul>
 *   <li>Crash recovery relies on a single owner. On open, an experiment still marked RUNNING means the previous
 *       session died mid-run, so the store marks it INTERRUPTED and the runner resumes its missing trials. With
 *       AUTO_SERVER a second window would find the first window's live run RUNNING: marking it interrupted would be
 *       false, and resuming it would repeat real, paid calls and let two runners spend against one budget cap that
 *       neither can reserve across processes.</li>
 *   <li>AUTO_SERVER makes whichever process opened the file first run a TCP server for the rest of its life, and
 *       hands the database over to another process when that one exits; every process must use exactly the same
 *       URL flags (feasibility.md §5). That is more moving parts (a listening port in a desktop app, a server
 *       hand-over in the middle of a run) for no feature the user asked for.</li>
 *   <li>The user's need is simple: one CostBench owns the lab. A message naming the file tells them what to do.</li>
 * </ul>
 * H2 reports the other process as error 90020 (the file is locked); within one JVM H2 would happily share the
 * database between two connections, so the store keeps its own registry of open files and refuses the second one
 * the same way. The OS releases H2's file lock when a process dies, even when it is killed.
 *
 * <p>All calls share one connection, one transaction at a time, under a lock. A desktop lab writes a few trials per
 * second; reads of a history of 100,000 trials are single indexed queries.
 */
public final class H2LabStore implements LabStore {

    /** The database's base name; H2 adds {@code .mv.db}. */
    public static final String DATABASE_NAME = "costbench";

    private final Path base;
    private final Path dir;
    private final Path file;
    private final Connection conn;
    private final BackupPolicy policy;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<Long> interruptedOnOpen;
    private final ScheduledExecutorService daily;
    private volatile String backupProblem;
    private boolean closed;

    private H2LabStore(StoreOpener.Opened opened, BackupPolicy policy) throws SQLException {
        this.base = opened.base();
        this.dir = opened.dir();
        this.file = opened.file();
        this.conn = opened.conn();
        this.policy = policy;
        this.backupProblem = opened.backupProblem().orElse(null);
        conn.setAutoCommit(false);
        this.interruptedOnOpen = List.copyOf(markInterrupted());
        long period = Math.max(1000, Math.min(policy.dailyEvery().toMillis(), Duration.ofHours(1).toMillis()));
        this.daily = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "CostBench store backups");
            t.setDaemon(true);
            return t;
        });
        daily.scheduleWithFixedDelay(this::dailyBackupIfDue, period, period, TimeUnit.MILLISECONDS);
    }

    /** Opens (creating or upgrading) the store in the user's data directory ({@link AppDirs#dataDir()}). */
    public static H2LabStore open() {
        return open(AppDirs.dataDir());
    }

    /**
     * Opens (creating or upgrading) the store in {@code dataDir}, with the user's backup setting.
     *
     * @throws StoreInUseException   when another CostBench holds it
     * @throws DamagedStoreException when the file exists but cannot be read (it is left unchanged)
     * @throws NewerStoreException   when a newer CostBench wrote it
     * @throws LabStoreException     when it cannot be created, read or upgraded
     */
    public static H2LabStore open(Path dataDir) {
        return open(dataDir, BackupPolicy.fromSettings());
    }

    /** Opens the store in {@code dataDir} with this backup policy; see {@link #open(Path)}. */
    public static H2LabStore open(Path dataDir, BackupPolicy policy) {
        return open(dataDir, policy, List.of());
    }

    /** With more migration locations (tests add a newer or a failing migration). */
    static H2LabStore open(Path dataDir, BackupPolicy policy, List<String> extraLocations) {
        StoreOpener.Opened opened = StoreOpener.open(dataDir, policy, extraLocations);
        try {
            return new H2LabStore(opened, policy);
        } catch (SQLException | RuntimeException e) {
            StoreOpener.closeQuietly(opened.conn());
            StoreOpener.OPEN_IN_THIS_PROCESS.remove(opened.base());
            throw new LabStoreException("Cannot open the database at " + opened.file() + ": " + e.getMessage(), e);
        }
    }

    /** Backs the store up now (a consistent copy, taken while it stays open) and returns the new backup. */
    public StoreBackup backupNow() {
        return tx("back up the database", c -> {
            try {
                return Backups.make(c, dir, StoreBackup.Kind.MANUAL, policy.keep());
            } catch (IOException e) {
                throw new LabStoreException("Could not back up the database " + file + " into "
                        + Backups.folder(dir) + ": " + e.getMessage() + ". Check the free space and the folder's "
                        + "permissions.", e);
            }
        });
    }

    /** Makes the daily backup when the newest backup is older than the policy's day. */
    void dailyBackupIfDue() {
        lock.lock();
        try {
            if (!closed) {
                backupProblem = StoreOpener.backupIfDue(conn, dir, StoreBackup.Kind.DAILY, policy.dailyEvery(),
                        policy.keep()).orElse(null);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Why the last automatic backup failed, if it did (for the UI to show); empty when backups work. */
    public Optional<String> backupProblem() {
        return Optional.ofNullable(backupProblem);
    }

    /** The data directory the store lives in (its backups are in its {@code backups} folder). */
    public Path dataDir() {
        return dir;
    }

    /** Where the database of {@code dataDir} lives. */
    public static Path databaseFile(Path dataDir) {
        return dataDir.resolve(DATABASE_NAME + ".mv.db");
    }

    /** The JDBC URL of the database with this base path (no {@code .mv.db}). */
    static String url(Path base) {
        return "jdbc:h2:file:" + base.toAbsolutePath() + ";WRITE_DELAY=0";
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    // ---- plumbing ----

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work} as one transaction: committed when it returns, rolled back when it throws. */
    private <T> T tx(String what, Work<T> work) {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the lab store is closed");
            }
            try {
                T result = work.run(conn);
                conn.commit();
                return result;
            } catch (SQLException e) {
                rollback();
                throw new LabStoreException("Could not " + what + " (database " + file + "): " + e.getMessage(), e);
            } catch (RuntimeException e) {
                rollback();
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    private void rollback() {
        try {
            conn.rollback();
        } catch (SQLException ignored) {
            // the original failure is what matters
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            daily.shutdownNow();
            try {
                conn.close();
            } catch (SQLException e) {
                throw new LabStoreException("Could not close the database at " + file + ": " + e.getMessage(), e);
            } finally {
                StoreOpener.OPEN_IN_THIS_PROCESS.remove(base);
            }
        } finally {
            lock.unlock();
        }
    }

    // ---- experiments ----

    private List<Long> markInterrupted() throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT id FROM experiment WHERE status = 'RUNNING' "
                + "ORDER BY id"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        try (PreparedStatement ps = conn.prepareStatement(
                "UPDATE experiment SET status = 'INTERRUPTED' WHERE status = 'RUNNING'")) {
            ps.executeUpdate();
        }
        conn.commit();
        return ids;
    }

    @Override
    public List<Long> interruptedOnOpen() {
        return interruptedOnOpen;
    }

    @Override
    public Experiment createExperiment(NewExperiment spec) {
        Objects.requireNonNull(spec, "spec");
        Instant now = Instant.now();
        long id = tx("create experiment " + spec.name(), c -> {
            return insertExperiment(c, spec, now, ExperimentStatus.DRAFT);
        });
        return loadExperiment(id);
    }

    /** Inserts the experiment row and its models; returns the new id. */
    static long insertExperiment(Connection c, NewExperiment spec, Instant created, ExperimentStatus status)
            throws SQLException {
        long eid;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO experiment (name, created_at, status, "
                + "budget_cap_usd, repetitions, temperature, max_output_tokens, reasoning_budget, "
                + "reasoning_effort, reuse_answers, extra_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ExperimentSettings s = spec.settings();
            ps.setString(1, spec.name());
            setInstant(ps, 2, created);
            ps.setString(3, status.name());
            setMoney(ps, 4, spec.budgetCapUsd());
            ps.setInt(5, spec.repetitions());
            setDouble(ps, 6, s.temperature());
            ps.setInt(7, s.maxOutputTokens());
            setInt(ps, 8, s.reasoningBudget());
            ps.setString(9, s.reasoningEffort());
            ps.setBoolean(10, s.reuseStoredAnswers());
            ps.setString(11, s.extraJson());
            ps.executeUpdate();
            eid = Jdbc.generatedId(ps);
        }
        HistorySql.createTotals(c, eid);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO experiment_model (experiment_id, ordinal, model_id) VALUES (?, ?, ?)")) {
            for (int i = 0; i < spec.models().size(); i++) {
                ps.setLong(1, eid);
                ps.setInt(2, i);
                ps.setString(3, spec.models().get(i));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return eid;
    }

    private static final String EXPERIMENT_COLUMNS = "id, name, created_at, status, budget_cap_usd, repetitions, "
            + "temperature, max_output_tokens, reasoning_budget, reasoning_effort, reuse_answers, extra_json";

    @Override
    public List<Experiment> listExperiments() {
        return tx("list experiments", H2LabStore::listExperiments);
    }

    static List<Experiment> listExperiments(Connection c) throws SQLException {
        Map<Long, List<String>> models = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT experiment_id, model_id FROM experiment_model ORDER BY experiment_id, ordinal");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                models.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        List<Experiment> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + EXPERIMENT_COLUMNS
                + " FROM experiment ORDER BY created_at DESC, id DESC"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(experiment(rs, models.getOrDefault(rs.getLong("id"), List.of())));
            }
        }
        return out;
    }

    @Override
    public List<ExperimentOverview> overviews() {
        return tx("list experiments with their summaries", HistorySql::overviews);
    }

    @Override
    public Experiment importExperiment(ExperimentSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        long id = tx("import experiment " + snapshot.experiment().name(), c -> HistorySql.importSnapshot(c,
                snapshot));
        return loadExperiment(id);
    }

    @Override
    public Optional<Experiment> findExperiment(long experimentId) {
        return tx("read experiment " + experimentId, c -> readExperiment(c, experimentId));
    }

    @Override
    public Experiment loadExperiment(long experimentId) {
        return findExperiment(experimentId)
                .orElseThrow(() -> new NoSuchElementException("no experiment " + experimentId));
    }

    private static Optional<Experiment> readExperiment(Connection c, long id) throws SQLException {
        List<String> models = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT model_id FROM experiment_model WHERE experiment_id = ? ORDER BY ordinal")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    models.add(rs.getString(1));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT " + EXPERIMENT_COLUMNS
                + " FROM experiment WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(experiment(rs, models)) : Optional.empty();
            }
        }
    }

    private static Experiment experiment(ResultSet rs, List<String> models) throws SQLException {
        ExperimentSettings settings = new ExperimentSettings(getDouble(rs, "temperature"),
                rs.getInt("max_output_tokens"), getInt(rs, "reasoning_budget"), rs.getString("reasoning_effort"),
                rs.getBoolean("reuse_answers"), rs.getString("extra_json"));
        return new Experiment(rs.getLong("id"), rs.getString("name"), getInstant(rs, "created_at"),
                ExperimentStatus.valueOf(rs.getString("status")), rs.getBigDecimal("budget_cap_usd"),
                rs.getInt("repetitions"), settings, models);
    }

    @Override
    public void setStatus(long experimentId, ExperimentStatus status) {
        Objects.requireNonNull(status, "status");
        tx("set the status of experiment " + experimentId, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE experiment SET status = ? WHERE id = ?")) {
                ps.setString(1, status.name());
                ps.setLong(2, experimentId);
                if (ps.executeUpdate() == 0) {
                    throw new NoSuchElementException("no experiment " + experimentId);
                }
            }
            return null;
        });
    }

    @Override
    public void updateSettings(long experimentId, ExperimentSettings settings) {
        Objects.requireNonNull(settings, "settings");
        tx("update the settings of experiment " + experimentId, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE experiment SET temperature = ?, "
                    + "max_output_tokens = ?, reasoning_budget = ?, reasoning_effort = ?, reuse_answers = ?, "
                    + "extra_json = ? WHERE id = ?")) {
                setDouble(ps, 1, settings.temperature());
                ps.setInt(2, settings.maxOutputTokens());
                setInt(ps, 3, settings.reasoningBudget());
                ps.setString(4, settings.reasoningEffort());
                ps.setBoolean(5, settings.reuseStoredAnswers());
                ps.setString(6, settings.extraJson());
                ps.setLong(7, experimentId);
                if (ps.executeUpdate() == 0) {
                    throw new NoSuchElementException("no experiment " + experimentId);
                }
            }
            return null;
        });
    }

    @Override
    public boolean deleteExperiment(long experimentId) {
        return tx("delete experiment " + experimentId, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM experiment WHERE id = ?")) {
                ps.setLong(1, experimentId);
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public ExperimentProgress progress(long experimentId) {
        return tx("read the progress of experiment " + experimentId, c -> {
            long planned;
            try (PreparedStatement ps = c.prepareStatement("SELECT e.repetitions"
                    + ", (SELECT COUNT(*) FROM variant v WHERE v.experiment_id = e.id)"
                    + ", (SELECT COUNT(*) FROM test_input i WHERE i.experiment_id = e.id)"
                    + ", (SELECT COUNT(*) FROM experiment_model m WHERE m.experiment_id = e.id)"
                    + " FROM experiment e WHERE e.id = ?")) {
                ps.setLong(1, experimentId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new NoSuchElementException("no experiment " + experimentId);
                    }
                    planned = rs.getLong(1) * rs.getLong(2) * rs.getLong(3) * rs.getLong(4);
                }
            }
            long succeeded;
            long failed;
            try (PreparedStatement ps = c.prepareStatement("SELECT"
                    + " (SELECT COUNT(*) FROM (SELECT DISTINCT variant_id, input_id, model_id, repetition FROM trial"
                    + "   WHERE experiment_id = ? AND error_text IS NULL) d)"
                    + ", (SELECT COUNT(*) FROM trial WHERE experiment_id = ? AND error_text IS NOT NULL)")) {
                ps.setLong(1, experimentId);
                ps.setLong(2, experimentId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    succeeded = rs.getLong(1);
                    failed = rs.getLong(2);
                }
            }
            return new ExperimentProgress(planned, succeeded, failed, sumSpent(c, experimentId, null));
        });
    }

    // ---- variants and inputs ----

    @Override
    public Variant addVariant(long experimentId, NewVariant v) {
        Objects.requireNonNull(v, "variant");
        long id = tx("add variant " + v.name(), c -> {
            requireExperiment(c, experimentId);
            for (String h : v.mediaHashes()) {
                if (!mediaExists(c, h)) {
                    throw new IllegalArgumentException("media " + h + " is not stored; put it first");
                }
            }
            long vid;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO variant (experiment_id, ordinal, name, "
                    + "baseline, prompt_json) VALUES (?, (SELECT COALESCE(MAX(ordinal) + 1, 0) FROM variant "
                    + "WHERE experiment_id = ?), ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, experimentId);
                ps.setLong(2, experimentId);
                ps.setString(3, v.name());
                ps.setBoolean(4, v.baseline());
                ps.setString(5, v.promptJson());
                ps.executeUpdate();
                vid = Jdbc.generatedId(ps);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO variant_media (variant_id, ordinal, sha256) VALUES (?, ?, ?)")) {
                for (int i = 0; i < v.mediaHashes().size(); i++) {
                    ps.setLong(1, vid);
                    ps.setInt(2, i);
                    ps.setString(3, v.mediaHashes().get(i));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return vid;
        });
        return variants(experimentId).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
    }

    @Override
    public List<Variant> variants(long experimentId) {
        return tx("read the variants of experiment " + experimentId, c -> {
            Map<Long, List<String>> media = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT m.variant_id, m.sha256 FROM variant_media m "
                    + "JOIN variant v ON v.id = m.variant_id WHERE v.experiment_id = ? ORDER BY m.variant_id, "
                    + "m.ordinal")) {
                ps.setLong(1, experimentId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        media.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                    }
                }
            }
            List<Variant> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, ordinal, name, baseline, prompt_json "
                    + "FROM variant WHERE experiment_id = ? ORDER BY ordinal")) {
                ps.setLong(1, experimentId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong("id");
                        out.add(new Variant(id, experimentId, rs.getInt("ordinal"), rs.getString("name"),
                                rs.getBoolean("baseline"), rs.getString("prompt_json"),
                                media.getOrDefault(id, List.of())));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public TestInput addInput(long experimentId, String label, Map<String, String> variables) {
        Map<String, String> vars = new LinkedHashMap<>(variables);
        long id = tx("add a test input", c -> {
            requireExperiment(c, experimentId);
            long iid;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO test_input (experiment_id, ordinal, label) "
                    + "VALUES (?, (SELECT COALESCE(MAX(ordinal) + 1, 0) FROM test_input WHERE experiment_id = ?), ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, experimentId);
                ps.setLong(2, experimentId);
                ps.setString(3, label == null ? "" : label);
                ps.executeUpdate();
                iid = Jdbc.generatedId(ps);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO test_input_var (input_id, ordinal, var_name, var_value) VALUES (?, ?, ?, ?)")) {
                int i = 0;
                for (Map.Entry<String, String> e : vars.entrySet()) {
                    ps.setLong(1, iid);
                    ps.setInt(2, i++);
                    ps.setString(3, Objects.requireNonNull(e.getKey(), "variable name"));
                    ps.setString(4, e.getValue() == null ? "" : e.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return iid;
        });
        return inputs(experimentId).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
    }

    @Override
    public List<TestInput> inputs(long experimentId) {
        return tx("read the test inputs of experiment " + experimentId, c -> {
            Map<Long, Map<String, String>> vars = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT v.input_id, v.var_name, v.var_value "
                    + "FROM test_input_var v JOIN test_input i ON i.id = v.input_id WHERE i.experiment_id = ? "
                    + "ORDER BY v.input_id, v.ordinal")) {
                ps.setLong(1, experimentId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        vars.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>())
                                .put(rs.getString(2), rs.getString(3));
                    }
                }
            }
            List<TestInput> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, ordinal, label FROM test_input WHERE experiment_id = ? ORDER BY ordinal")) {
                ps.setLong(1, experimentId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong("id");
                        out.add(new TestInput(id, experimentId, rs.getInt("ordinal"), rs.getString("label"),
                                vars.getOrDefault(id, Map.of())));
                    }
                }
            }
            return out;
        });
    }

    // ---- trials ----

    private static final String TRIAL_COLUMNS = "id, experiment_id, variant_id, input_id, model_id, repetition, "
            + "request_hash, uncached_input_tokens, cache_read_tokens, cache_write_5m_tokens, cache_write_1h_tokens, "
            + "output_tokens, reasoning_tokens, cost_usd, cost_complete, prices_json, estimated_cost_usd, "
            + "latency_ms, ttft_ms, finish_reason, output_text, error_text, from_cache, started_at, finished_at";

    @Override
    public Trial addTrial(NewTrial trial) {
        return addTrial(trial, null);
    }

    @Override
    public Trial addTrial(NewTrial t, NewLedgerEntry charge) {
        Objects.requireNonNull(t, "trial");
        long id = tx("record a trial", c -> {
            checkCell(c, t.experimentId(), t.cell());
            long tid;
            try (PreparedStatement ps = c.prepareStatement(INSERT_TRIAL, Statement.RETURN_GENERATED_KEYS)) {
                bindTrial(ps, t, t.experimentId(), t.cell().variantId(), t.cell().inputId());
                ps.executeUpdate();
                tid = Jdbc.generatedId(ps);
            }
            HistorySql.countTrial(c, t.experimentId(), t.succeeded(), t.fromCache(), t.costUsd(), 1);
            if (charge != null) {
                insertLedger(c, charge.withTrial(t.experimentId(), tid));
            }
            return tid;
        });
        return findTrial(id).orElseThrow();
    }

    static final String INSERT_TRIAL = "INSERT INTO trial (experiment_id, variant_id, "
            + "input_id, model_id, repetition, request_hash, uncached_input_tokens, cache_read_tokens, "
            + "cache_write_5m_tokens, cache_write_1h_tokens, output_tokens, reasoning_tokens, cost_usd, "
            + "cost_complete, prices_json, estimated_cost_usd, latency_ms, ttft_ms, finish_reason, "
            + "output_text, error_text, from_cache, started_at, finished_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** Binds {@link #INSERT_TRIAL}'s parameters; the ids given replace those of the trial's cell. */
    static void bindTrial(PreparedStatement ps, NewTrial t, long experimentId, long variantId, long inputId)
            throws SQLException {
        CanonicalUsage u = t.usage();
        ps.setLong(1, experimentId);
        ps.setLong(2, variantId);
        ps.setLong(3, inputId);
        ps.setString(4, t.cell().modelId());
        ps.setInt(5, t.cell().repetition());
        ps.setString(6, t.requestHash());
        setLong(ps, 7, u == null ? null : u.uncachedInput());
        setLong(ps, 8, u == null ? null : u.cacheRead());
        setLong(ps, 9, u == null ? null : u.cacheWrite5m());
        setLong(ps, 10, u == null ? null : u.cacheWrite1h());
        setLong(ps, 11, u == null ? null : u.output());
        setLong(ps, 12, u == null ? null : u.reasoning());
        setMoney(ps, 13, t.costUsd());
        ps.setBoolean(14, t.costComplete());
        ps.setString(15, t.pricesJson());
        setMoney(ps, 16, t.estimatedCostUsd());
        setLong(ps, 17, t.latencyMs());
        setLong(ps, 18, t.ttftMs());
        ps.setString(19, t.finishReason());
        ps.setString(20, t.outputText());
        ps.setString(21, t.errorText());
        ps.setBoolean(22, t.fromCache());
        setInstant(ps, 23, t.started());
        setInstant(ps, 24, t.finished());
    }

    /** The cell must be planned: its variant and input belong to the experiment, the model and repetition too. */
    private static void checkCell(Connection c, long experimentId, TrialCell cell) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT e.repetitions"
                + ", (SELECT COUNT(*) FROM variant v WHERE v.id = ? AND v.experiment_id = e.id)"
                + ", (SELECT COUNT(*) FROM test_input i WHERE i.id = ? AND i.experiment_id = e.id)"
                + ", (SELECT COUNT(*) FROM experiment_model m WHERE m.experiment_id = e.id AND m.model_id = ?)"
                + " FROM experiment e WHERE e.id = ?")) {
            ps.setLong(1, cell.variantId());
            ps.setLong(2, cell.inputId());
            ps.setString(3, cell.modelId());
            ps.setLong(4, experimentId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new NoSuchElementException("no experiment " + experimentId);
                }
                if (rs.getLong(2) == 0 || rs.getLong(3) == 0 || rs.getLong(4) == 0
                        || cell.repetition() > rs.getInt(1)) {
                    throw new IllegalArgumentException(cell + " is not a planned trial of experiment " + experimentId);
                }
            }
        }
    }

    @Override
    public List<Trial> trials(long experimentId) {
        return tx("read the trials of experiment " + experimentId, c -> {
            List<Trial> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + TRIAL_COLUMNS
                    + " FROM trial WHERE experiment_id = ? ORDER BY id")) {
                ps.setLong(1, experimentId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(trial(rs));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public Optional<Trial> findTrial(long trialId) {
        return tx("read trial " + trialId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + TRIAL_COLUMNS + " FROM trial WHERE id = ?")) {
                ps.setLong(1, trialId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(trial(rs)) : Optional.empty();
                }
            }
        });
    }

    private static Trial trial(ResultSet rs) throws SQLException {
        Long uncached = getLong(rs, "uncached_input_tokens");
        CanonicalUsage usage = uncached == null ? null : new CanonicalUsage(uncached, rs.getLong("cache_read_tokens"),
                rs.getLong("cache_write_5m_tokens"), rs.getLong("cache_write_1h_tokens"), rs.getLong("output_tokens"),
                rs.getLong("reasoning_tokens"));
        TrialCell cell = new TrialCell(rs.getLong("variant_id"), rs.getLong("input_id"), rs.getString("model_id"),
                rs.getInt("repetition"));
        return new Trial(rs.getLong("id"), rs.getLong("experiment_id"), cell, rs.getString("request_hash"), usage,
                rs.getBigDecimal("cost_usd"), rs.getBoolean("cost_complete"), rs.getString("prices_json"),
                rs.getBigDecimal("estimated_cost_usd"), getLong(rs, "latency_ms"), getLong(rs, "ttft_ms"),
                rs.getString("finish_reason"), rs.getString("output_text"), rs.getString("error_text"),
                rs.getBoolean("from_cache"), getInstant(rs, "started_at"), getInstant(rs, "finished_at"));
    }

    @Override
    public boolean deleteTrial(long trialId) {
        return tx("delete trial " + trialId, c -> {
            HistorySql.uncountTrial(c, trialId);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM trial WHERE id = ?")) {
                ps.setLong(1, trialId);
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public List<TrialCell> missingTrials(long experimentId) {
        return tx("list the missing trials of experiment " + experimentId, c -> {
            int repetitions;
            try (PreparedStatement ps = c.prepareStatement("SELECT repetitions FROM experiment WHERE id = ?")) {
                ps.setLong(1, experimentId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new NoSuchElementException("no experiment " + experimentId);
                    }
                    repetitions = rs.getInt(1);
                }
            }
            List<TrialCell> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT v.id, i.id, m.model_id, r.x "
                    + "FROM variant v "
                    + "JOIN test_input i ON i.experiment_id = v.experiment_id "
                    + "JOIN experiment_model m ON m.experiment_id = v.experiment_id "
                    + "CROSS JOIN SYSTEM_RANGE(1, ?) r "
                    + "WHERE v.experiment_id = ? AND NOT EXISTS (SELECT 1 FROM trial t WHERE t.experiment_id = ? "
                    + "  AND t.variant_id = v.id AND t.input_id = i.id AND t.model_id = m.model_id "
                    + "  AND t.repetition = r.x AND t.error_text IS NULL) "
                    + "ORDER BY r.x, i.ordinal, m.ordinal, v.ordinal")) {
                ps.setInt(1, repetitions);
                ps.setLong(2, experimentId);
                ps.setLong(3, experimentId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new TrialCell(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4)));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public Optional<Trial> storedAnswer(String requestHash) {
        Objects.requireNonNull(requestHash, "requestHash");
        return tx("look up a stored answer", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + TRIAL_COLUMNS + " FROM trial "
                    + "WHERE request_hash = ? AND error_text IS NULL AND from_cache = FALSE "
                    + "ORDER BY finished_at DESC, id DESC LIMIT 1")) {
                ps.setString(1, requestHash);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(trial(rs)) : Optional.empty();
                }
            }
        });
    }

    // ---- ratings and judge scores ----

    @Override
    public Rating rate(long trialId, RatingScale scale, int value, String comment) {
        Objects.requireNonNull(scale, "scale");
        scale.check(value);
        Instant now = Instant.now();
        return tx("rate trial " + trialId, c -> {
            requireTrial(c, trialId);
            try (PreparedStatement ps = c.prepareStatement("UPDATE rating SET scale = ?, rating_value = ?, "
                    + "user_comment = ?, created_at = ? WHERE trial_id = ?")) {
                ps.setString(1, scale.name());
                ps.setInt(2, value);
                ps.setString(3, comment);
                setInstant(ps, 4, now);
                ps.setLong(5, trialId);
                if (ps.executeUpdate() == 0) {
                    try (PreparedStatement ins = c.prepareStatement("INSERT INTO rating (trial_id, scale, "
                            + "rating_value, user_comment, created_at) VALUES (?, ?, ?, ?, ?)")) {
                        ins.setLong(1, trialId);
                        ins.setString(2, scale.name());
                        ins.setInt(3, value);
                        ins.setString(4, comment);
                        setInstant(ins, 5, now);
                        ins.executeUpdate();
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT id, trial_id, scale, rating_value, user_comment, "
                    + "created_at FROM rating WHERE trial_id = ?")) {
                ps.setLong(1, trialId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rating(rs);
                }
            }
        });
    }

    @Override
    public List<Rating> ratings(long experimentId) {
        return tx("read the ratings of experiment " + experimentId, c -> {
            List<Rating> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT r.id, r.trial_id, r.scale, r.rating_value, "
                    + "r.user_comment, r.created_at FROM rating r JOIN trial t ON t.id = r.trial_id "
                    + "WHERE t.experiment_id = ? ORDER BY r.trial_id")) {
                ps.setLong(1, experimentId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rating(rs));
                    }
                }
            }
            return out;
        });
    }

    private static Rating rating(ResultSet rs) throws SQLException {
        return new Rating(rs.getLong("id"), rs.getLong("trial_id"), RatingScale.valueOf(rs.getString("scale")),
                rs.getInt("rating_value"), rs.getString("user_comment"), getInstant(rs, "created_at"));
    }

    @Override
    public JudgeScore addJudgeScore(long trialId, String judgeModel, String rubric, double score, String rationale) {
        return addJudgeScore(trialId, judgeModel, rubric, score, rationale, null);
    }

    @Override
    public JudgeScore addJudgeScore(long trialId, String judgeModel, String rubric, double score, String rationale,
                                    NewLedgerEntry charge) {
        Objects.requireNonNull(judgeModel, "judgeModel");
        Objects.requireNonNull(rubric, "rubric");
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("a judge score must be a finite number");
        }
        Instant now = Instant.now();
        return tx("store a judge score for trial " + trialId, c -> {
            long id = insertJudgement(c, trialId, judgeModel, rubric, score, rationale, null, now, charge);
            return new JudgeScore(id, trialId, judgeModel, rubric, score, rationale, now);
        });
    }

    @Override
    public JudgeFailure addJudgeFailure(long trialId, String judgeModel, String rubric, String error,
                                        NewLedgerEntry charge) {
        Objects.requireNonNull(judgeModel, "judgeModel");
        Objects.requireNonNull(rubric, "rubric");
        Objects.requireNonNull(error, "error");
        Instant now = Instant.now();
        return tx("store a judge failure for trial " + trialId, c -> {
            long id = insertJudgement(c, trialId, judgeModel, rubric, null, null, error, now, charge);
            return new JudgeFailure(id, trialId, judgeModel, rubric, error, now);
        });
    }

    /** One judge call: a score (error null) or a failure (score null), and its ledger entry when given. */
    private static long insertJudgement(Connection c, long trialId, String judgeModel, String rubric, Double score,
                                        String rationale, String error, Instant now, NewLedgerEntry charge)
            throws SQLException {
        long experiment = experimentOfTrial(c, trialId);
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO judge_score (trial_id, judge_model, rubric, "
                + "score, rationale, error_text, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, trialId);
            ps.setString(2, judgeModel);
            ps.setString(3, rubric);
            setDouble(ps, 4, score);
            ps.setString(5, rationale);
            ps.setString(6, error);
            setInstant(ps, 7, now);
            ps.executeUpdate();
            id = Jdbc.generatedId(ps);
        }
        if (charge != null) {
            insertLedger(c, charge.withTrial(experiment, trialId));
        }
        return id;
    }

    private static long experimentOfTrial(Connection c, long trialId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT experiment_id FROM trial WHERE id = ?")) {
            ps.setLong(1, trialId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new NoSuchElementException("no trial " + trialId);
                }
                return rs.getLong(1);
            }
        }
    }

    @Override
    public List<SimilarityScore> similarityScores(long experimentId) {
        return tx("read the output similarities of experiment " + experimentId, c -> {
            List<SimilarityScore> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT trial_id, reference_id, fingerprint, rouge_l, "
                    + "token_f1 FROM similarity_score WHERE experiment_id = ?")) {
                ps.setLong(1, experimentId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new SimilarityScore(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getDouble(4),
                                rs.getDouble(5)));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public void saveSimilarityScores(long experimentId, java.util.Collection<SimilarityScore> scores) {
        if (scores.isEmpty()) {
            return;
        }
        tx("store the output similarities of experiment " + experimentId, c -> {
            // only pairs of this experiment's trials (a trial deleted meanwhile is skipped, not an error)
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO similarity_score (trial_id, reference_id, "
                    + "experiment_id, fingerprint, rouge_l, token_f1) KEY (trial_id, reference_id) "
                    + "SELECT a.id, b.id, a.experiment_id, ?, ?, ? FROM trial a JOIN trial b "
                    + "ON b.id = ? AND b.experiment_id = a.experiment_id WHERE a.id = ? AND a.experiment_id = ?")) {
                for (SimilarityScore s : scores) {
                    ps.setLong(1, s.fingerprint());
                    ps.setDouble(2, s.rougeL());
                    ps.setDouble(3, s.tokenF1());
                    ps.setLong(4, s.referenceId());
                    ps.setLong(5, s.trialId());
                    ps.setLong(6, experimentId);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public void forgetSimilarityScores(long experimentId) {
        tx("forget the output similarities of experiment " + experimentId, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM similarity_score WHERE experiment_id = ?")) {
                ps.setLong(1, experimentId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<JudgeScore> judgeScores(long experimentId) {
        return tx("read the judge scores of experiment " + experimentId, c -> {
            List<JudgeScore> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT j.id, j.trial_id, j.judge_model, j.rubric, "
                    + "j.score, j.rationale, j.created_at FROM judge_score j JOIN trial t ON t.id = j.trial_id "
                    + "WHERE t.experiment_id = ? AND j.score IS NOT NULL ORDER BY j.id")) {
                ps.setLong(1, experimentId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new JudgeScore(rs.getLong("id"), rs.getLong("trial_id"), rs.getString("judge_model"),
                                rs.getString("rubric"), rs.getDouble("score"), rs.getString("rationale"),
                                getInstant(rs, "created_at")));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public List<JudgeFailure> judgeFailures(long experimentId) {
        return tx("read the judge failures of experiment " + experimentId, c -> {
            List<JudgeFailure> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT j.id, j.trial_id, j.judge_model, j.rubric, "
                    + "j.error_text, j.created_at FROM judge_score j JOIN trial t ON t.id = j.trial_id "
                    + "WHERE t.experiment_id = ? AND j.score IS NULL ORDER BY j.id")) {
                ps.setLong(1, experimentId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new JudgeFailure(rs.getLong("id"), rs.getLong("trial_id"),
                                rs.getString("judge_model"), rs.getString("rubric"), rs.getString("error_text"),
                                getInstant(rs, "created_at")));
                    }
                }
            }
            return out;
        });
    }

    // ---- scenarios ----

    @Override
    public SavedScenario saveScenario(String name, String json) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(json, "json");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a scenario needs a name");
        }
        SecretGuard.requireNoSecrets("scenario " + name, json);
        Instant now = Instant.now();
        return tx("save scenario " + name, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE scenario SET scenario_json = ?, updated_at = ? WHERE name = ?")) {
                ps.setString(1, json);
                setInstant(ps, 2, now);
                ps.setString(3, name);
                if (ps.executeUpdate() == 0) {
                    try (PreparedStatement ins = c.prepareStatement("INSERT INTO scenario (name, scenario_json, "
                            + "created_at, updated_at) VALUES (?, ?, ?, ?)")) {
                        ins.setString(1, name);
                        ins.setString(2, json);
                        setInstant(ins, 3, now);
                        setInstant(ins, 4, now);
                        ins.executeUpdate();
                    }
                }
            }
            return readScenario(c, name).orElseThrow();
        });
    }

    @Override
    public List<SavedScenario> listScenarios() {
        return tx("list scenarios", c -> {
            List<SavedScenario> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name, scenario_json, created_at, updated_at "
                    + "FROM scenario ORDER BY name"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(scenario(rs));
                }
            }
            return out;
        });
    }

    @Override
    public Optional<SavedScenario> findScenario(String name) {
        return tx("read scenario " + name, c -> readScenario(c, name));
    }

    private static Optional<SavedScenario> readScenario(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name, scenario_json, created_at, updated_at "
                + "FROM scenario WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(scenario(rs)) : Optional.empty();
            }
        }
    }

    private static SavedScenario scenario(ResultSet rs) throws SQLException {
        return new SavedScenario(rs.getLong("id"), rs.getString("name"), rs.getString("scenario_json"),
                getInstant(rs, "created_at"), getInstant(rs, "updated_at"));
    }

    @Override
    public boolean renameScenario(String from, String to) {
        Objects.requireNonNull(to, "to");
        if (to.isBlank()) {
            throw new IllegalArgumentException("a scenario needs a name");
        }
        return tx("rename scenario " + from, c -> {
            if (!from.equals(to) && readScenario(c, to).isPresent()) {
                throw new IllegalArgumentException("a scenario named \"" + to + "\" exists already");
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE scenario SET name = ?, updated_at = ? WHERE name = ?")) {
                ps.setString(1, to);
                setInstant(ps, 2, Instant.now());
                ps.setString(3, from);
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public boolean deleteScenario(String name) {
        return tx("delete scenario " + name, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM scenario WHERE name = ?")) {
                ps.setString(1, name);
                return ps.executeUpdate() > 0;
            }
        });
    }

    // ---- ledger ----

    @Override
    public LedgerEntry appendLedger(NewLedgerEntry entry) {
        Objects.requireNonNull(entry, "entry");
        return tx("append to the ledger", c -> insertLedger(c, entry));
    }

    private static LedgerEntry insertLedger(Connection c, NewLedgerEntry e) throws SQLException {
        if (e.experimentId() != null) {
            requireExperiment(c, e.experimentId());
        }
        if (e.trialId() != null) {
            requireTrial(c, e.trialId());
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ledger (occurred_at, provider, model_id, "
                + "cost_usd, experiment_id, trial_id, purpose) VALUES (?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            setInstant(ps, 1, e.time());
            ps.setString(2, e.provider());
            ps.setString(3, e.model());
            setMoney(ps, 4, e.costUsd());
            setLong(ps, 5, e.experimentId());
            setLong(ps, 6, e.trialId());
            ps.setString(7, e.purpose().code());
            ps.executeUpdate();
            HistorySql.addSpent(c, e.experimentId(), e.costUsd());
            return new LedgerEntry(Jdbc.generatedId(ps), e.time(), e.provider(), e.model(), Jdbc.money(e.costUsd()),
                    e.experimentId(), e.trialId(), e.purpose());
        }
    }

    @Override
    public List<LedgerEntry> ledger(Instant from, Instant to) {
        return tx("read the ledger", c -> {
            List<LedgerEntry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, occurred_at, provider, model_id, cost_usd, "
                    + "experiment_id, trial_id, purpose FROM ledger WHERE occurred_at >= ? AND occurred_at < ? "
                    + "ORDER BY occurred_at, id")) {
                setInstant(ps, 1, from);
                setInstant(ps, 2, to);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new LedgerEntry(rs.getLong("id"), getInstant(rs, "occurred_at"),
                                rs.getString("provider"), rs.getString("model_id"), rs.getBigDecimal("cost_usd"),
                                getLong(rs, "experiment_id"), getLong(rs, "trial_id"),
                                LedgerPurpose.fromCode(rs.getString("purpose"))));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public BigDecimal spentOnExperiment(long experimentId) {
        return tx("sum the spending of experiment " + experimentId, c -> sumSpent(c, experimentId, null));
    }

    @Override
    public BigDecimal spentOnExperiment(long experimentId, LedgerPurpose purpose) {
        Objects.requireNonNull(purpose, "purpose");
        return tx("sum the spending of experiment " + experimentId, c -> sumSpent(c, experimentId, purpose));
    }

    private static BigDecimal sumSpent(Connection c, long experimentId, LedgerPurpose purpose) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT SUM(cost_usd) FROM ledger WHERE experiment_id = ?"
                + (purpose == null ? "" : " AND purpose = ?"))) {
            ps.setLong(1, experimentId);
            if (purpose != null) {
                ps.setString(2, purpose.code());
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                BigDecimal s = rs.getBigDecimal(1);
                return s == null ? BigDecimal.ZERO : s;
            }
        }
    }

    @Override
    public BigDecimal spentOnDay(LocalDate day, ZoneId zone) {
        SortedMap<LocalDate, BigDecimal> m = spentPerDay(day, day, zone);
        return m.getOrDefault(day, BigDecimal.ZERO);
    }

    @Override
    public SortedMap<LocalDate, BigDecimal> spentPerDay(LocalDate from, LocalDate to, ZoneId zone) {
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        return tx("sum the spending per day", c -> {
            SortedMap<LocalDate, BigDecimal> out = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT occurred_at, cost_usd FROM ledger "
                    + "WHERE occurred_at >= ? AND occurred_at < ? AND cost_usd IS NOT NULL")) {
                setInstant(ps, 1, start);
                setInstant(ps, 2, end);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        LocalDate d = LocalDate.ofInstant(getInstant(rs, "occurred_at"), zone);
                        out.merge(d, rs.getBigDecimal("cost_usd"), BigDecimal::add);
                    }
                }
            }
            return out;
        });
    }

    // ---- media ----

    @Override
    public String putMedia(byte[] data, String mimeType) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(mimeType, "mimeType");
        String hash = MediaBlob.sha256(data);
        Instant now = Instant.now();
        return tx("store media", c -> {
            if (!mediaExists(c, hash)) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO media_blob (sha256, mime_type, "
                        + "size_bytes, content, created_at) VALUES (?, ?, ?, ?, ?)")) {
                    ps.setString(1, hash);
                    ps.setString(2, mimeType);
                    ps.setLong(3, data.length);
                    ps.setBytes(4, data);
                    setInstant(ps, 5, now);
                    ps.executeUpdate();
                }
            }
            return hash;
        });
    }

    @Override
    public Optional<MediaBlob> getMedia(String sha256) {
        return tx("read media", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT sha256, mime_type, content FROM media_blob WHERE sha256 = ?")) {
                ps.setString(1, sha256);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new MediaBlob(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                            : Optional.empty();
                }
            }
        });
    }

    static boolean mediaExists(Connection c, String hash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM media_blob WHERE sha256 = ?")) {
            ps.setString(1, hash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    // ---- checks ----

    private static void requireExperiment(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM experiment WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new NoSuchElementException("no experiment " + id);
                }
            }
        }
    }

    private static void requireTrial(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM trial WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new NoSuchElementException("no trial " + id);
                }
            }
        }
    }
}
