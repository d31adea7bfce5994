// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import static dev.costbench.store.Jdbc.getDouble;
import static dev.costbench.store.Jdbc.getInstant;
import static dev.costbench.store.Jdbc.getInt;
import static dev.costbench.store.Jdbc.setDouble;
import static dev.costbench.store.Jdbc.setInstant;
import static dev.costbench.store.Jdbc.setInt;
import static dev.costbench.store.Jdbc.setMoney;

import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.ExperimentOverview;
import dev.costbench.model.lab.ExperimentProgress;
import dev.costbench.model.lab.ExperimentSettings;
import dev.costbench.model.lab.ExperimentSnapshot;
import dev.costbench.model.lab.ExperimentStatus;
import dev.costbench.model.lab.NewExperiment;
import dev.costbench.model.lab.NewVariant;
import dev.costbench.model.lab.TestInput;
import dev.costbench.model.lab.Variant;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * Experiments, their variants and test inputs, and their progress: the
 * {@link dev.costbench.model.lab.ExperimentRepository} methods but the trials, which {@link H2TrialRepository} keeps.
 */
final class H2ExperimentRepository {

    private final Tx tx;

    H2ExperimentRepository(Tx tx) {
        this.tx = tx;
    }

    /** The experiments found RUNNING when the store opened, now marked INTERRUPTED: their session died mid-run. */
    List<Long> markInterrupted() {
        return tx.run("mark the experiments of a session that ended mid-run as interrupted", c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps =
                            c.prepareStatement("SELECT id FROM experiment WHERE status = 'RUNNING' " + "ORDER BY id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE experiment SET status = 'INTERRUPTED' WHERE status = 'RUNNING'")) {
                ps.executeUpdate();
            }
            return ids;
        });
    }

    public Experiment createExperiment(NewExperiment spec) {
        Objects.requireNonNull(spec, "spec");
        Instant now = tx.now();
        long id = tx.run("create experiment " + spec.name(), c -> {
            return insertExperiment(c, spec, now, ExperimentStatus.DRAFT, tx.author());
        });
        return loadExperiment(id);
    }

    /** Inserts the experiment row, created by {@code author}, and its models; returns the new id. */
    static long insertExperiment(
            Connection c, NewExperiment spec, Instant created, ExperimentStatus status, String author)
            throws SQLException {
        long eid;
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO experiment (name, created_at, status, "
                        + "budget_cap_usd, repetitions, temperature, max_output_tokens, reasoning_budget, "
                        + "reasoning_effort, reuse_answers, extra_json, created_by) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
            ps.setString(12, author);
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

    public List<Experiment> listExperiments() {
        return tx.run("list experiments", H2ExperimentRepository::listExperiments);
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
        try (PreparedStatement ps = c.prepareStatement(
                        "SELECT " + EXPERIMENT_COLUMNS + " FROM experiment ORDER BY created_at DESC, id DESC");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(experiment(rs, models.getOrDefault(rs.getLong("id"), List.of())));
            }
        }
        return out;
    }

    public List<ExperimentOverview> overviews() {
        return tx.run("list experiments with their summaries", HistorySql::overviews);
    }

    public Experiment importExperiment(ExperimentSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        long id = tx.run(
                "import experiment " + snapshot.experiment().name(),
                c -> HistorySql.importSnapshot(c, snapshot, tx.author()));
        return loadExperiment(id);
    }

    public Optional<Experiment> findExperiment(long experimentId) {
        return tx.run("read experiment " + experimentId, c -> readExperiment(c, experimentId));
    }

    public Experiment loadExperiment(long experimentId) {
        return findExperiment(experimentId)
                .orElseThrow(() -> new NoSuchElementException("no experiment " + experimentId));
    }

    private static Optional<Experiment> readExperiment(Connection c, long id) throws SQLException {
        List<String> models = new ArrayList<>();
        try (PreparedStatement ps =
                c.prepareStatement("SELECT model_id FROM experiment_model WHERE experiment_id = ? ORDER BY ordinal")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    models.add(rs.getString(1));
                }
            }
        }
        try (PreparedStatement ps =
                c.prepareStatement("SELECT " + EXPERIMENT_COLUMNS + " FROM experiment WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(experiment(rs, models)) : Optional.empty();
            }
        }
    }

    private static Experiment experiment(ResultSet rs, List<String> models) throws SQLException {
        ExperimentSettings settings = new ExperimentSettings(
                getDouble(rs, "temperature"),
                rs.getInt("max_output_tokens"),
                getInt(rs, "reasoning_budget"),
                rs.getString("reasoning_effort"),
                rs.getBoolean("reuse_answers"),
                rs.getString("extra_json"));
        return new Experiment(
                rs.getLong("id"),
                rs.getString("name"),
                getInstant(rs, "created_at"),
                ExperimentStatus.valueOf(rs.getString("status")),
                rs.getBigDecimal("budget_cap_usd"),
                rs.getInt("repetitions"),
                settings,
                models);
    }

    public void setStatus(long experimentId, ExperimentStatus status) {
        Objects.requireNonNull(status, "status");
        tx.run("set the status of experiment " + experimentId, c -> {
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

    public void updateSettings(long experimentId, ExperimentSettings settings) {
        Objects.requireNonNull(settings, "settings");
        tx.run("update the settings of experiment " + experimentId, c -> {
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

    public boolean deleteExperiment(long experimentId) {
        return tx.run("delete experiment " + experimentId, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM experiment WHERE id = ?")) {
                ps.setLong(1, experimentId);
                return ps.executeUpdate() > 0;
            }
        });
    }

    public ExperimentProgress progress(long experimentId) {
        return tx.run("read the progress of experiment " + experimentId, c -> {
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
            return new ExperimentProgress(
                    planned, succeeded, failed, H2LedgerRepository.sumSpent(c, experimentId, null));
        });
    }

    // ---- variants and inputs ----

    public Variant addVariant(long experimentId, NewVariant v) {
        Objects.requireNonNull(v, "variant");
        long id = tx.run("add variant " + v.name(), c -> {
            requireExperiment(c, experimentId);
            for (String h : v.mediaHashes()) {
                if (!H2MediaRepository.mediaExists(c, h)) {
                    throw new IllegalArgumentException("media " + h + " is not stored; put it first");
                }
            }
            long vid;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO variant (experiment_id, ordinal, name, "
                            + "baseline, prompt_json) VALUES (?, (SELECT COALESCE(MAX(ordinal) + 1, 0) FROM variant "
                            + "WHERE experiment_id = ?), ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, experimentId);
                ps.setLong(2, experimentId);
                ps.setString(3, v.name());
                ps.setBoolean(4, v.baseline());
                ps.setString(5, v.promptJson());
                ps.executeUpdate();
                vid = Jdbc.generatedId(ps);
            }
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO variant_media (variant_id, ordinal, sha256) VALUES (?, ?, ?)")) {
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
        return variants(experimentId).stream()
                .filter(x -> x.id() == id)
                .findFirst()
                .orElseThrow();
    }

    public List<Variant> variants(long experimentId) {
        return tx.run("read the variants of experiment " + experimentId, c -> {
            Map<Long, List<String>> media = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT m.variant_id, m.sha256 FROM variant_media m "
                    + "JOIN variant v ON v.id = m.variant_id WHERE v.experiment_id = ? ORDER BY m.variant_id, "
                    + "m.ordinal")) {
                ps.setLong(1, experimentId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        media.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                                .add(rs.getString(2));
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
                        out.add(new Variant(
                                id,
                                experimentId,
                                rs.getInt("ordinal"),
                                rs.getString("name"),
                                rs.getBoolean("baseline"),
                                rs.getString("prompt_json"),
                                media.getOrDefault(id, List.of())));
                    }
                }
            }
            return out;
        });
    }

    public TestInput addInput(long experimentId, String label, Map<String, String> variables) {
        Map<String, String> vars = new LinkedHashMap<>(variables);
        // the new input is built here, not read back with all the others: that made creating an experiment of 5,000
        // inputs quadratic (25 s; BatchScaleBench)
        return tx.run("add a test input", c -> {
            requireExperiment(c, experimentId);
            long iid;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO test_input (experiment_id, ordinal, label) "
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
            int position;
            try (PreparedStatement ps = c.prepareStatement("SELECT ordinal FROM test_input WHERE id = ?")) {
                ps.setLong(1, iid);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    position = rs.getInt(1);
                }
            }
            return new TestInput(iid, experimentId, position, label == null ? "" : label, vars);
        });
    }

    public List<TestInput> inputs(long experimentId) {
        return tx.run("read the test inputs of experiment " + experimentId, c -> {
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
                        out.add(new TestInput(
                                id,
                                experimentId,
                                rs.getInt("ordinal"),
                                rs.getString("label"),
                                vars.getOrDefault(id, Map.of())));
                    }
                }
            }
            return out;
        });
    }

    static void requireExperiment(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM experiment WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new NoSuchElementException("no experiment " + id);
                }
            }
        }
    }
}
