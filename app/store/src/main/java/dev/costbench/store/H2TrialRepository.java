// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import static dev.costbench.store.Jdbc.getInstant;
import static dev.costbench.store.Jdbc.getLong;
import static dev.costbench.store.Jdbc.setInstant;
import static dev.costbench.store.Jdbc.setLong;
import static dev.costbench.store.Jdbc.setMoney;

import dev.costbench.model.catalog.ServiceTier;
import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.lab.NewLedgerEntry;
import dev.costbench.model.lab.NewTrial;
import dev.costbench.model.lab.Trial;
import dev.costbench.model.lab.TrialCell;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * The trials of the experiments: recorded with their ledger entry, listed, deleted, the cells still missing, and
 * stored answers for reuse.
 */
final class H2TrialRepository {

    private final Tx tx;

    H2TrialRepository(Tx tx) {
        this.tx = tx;
    }

    // ---- trials ----

    private static final String TRIAL_COLUMNS = "id, experiment_id, variant_id, input_id, model_id, repetition, "
            + "request_hash, uncached_input_tokens, cache_read_tokens, cache_write_5m_tokens, cache_write_1h_tokens, "
            + "output_tokens, reasoning_tokens, cost_usd, cost_complete, prices_json, estimated_cost_usd, "
            + "latency_ms, ttft_ms, finish_reason, output_text, error_text, from_cache, started_at, finished_at, "
            + "requested_tier, served_tier";

    public Trial addTrial(NewTrial trial) {
        return addTrial(trial, null);
    }

    public Trial addTrial(NewTrial t, NewLedgerEntry charge) {
        Objects.requireNonNull(t, "trial");
        long id = tx.run("record a trial", c -> insertTrial(c, t, charge, tx.author()));
        return findTrial(id).orElseThrow();
    }

    /** Records a trial, its history totals and its ledger entry (if any) inside the caller's transaction. */
    static long insertTrial(Connection c, NewTrial t, NewLedgerEntry charge, String author) throws SQLException {
        checkCell(c, t.experimentId(), t.cell());
        long tid;
        try (PreparedStatement ps = c.prepareStatement(INSERT_TRIAL, Statement.RETURN_GENERATED_KEYS)) {
            bindTrial(ps, t, t.experimentId(), t.cell().variantId(), t.cell().inputId());
            ps.executeUpdate();
            tid = Jdbc.generatedId(ps);
        }
        HistorySql.countTrial(c, t.experimentId(), t.succeeded(), t.fromCache(), t.costUsd(), HistorySql.changed(t), 1);
        if (charge != null) {
            H2LedgerRepository.insertLedger(c, charge.withTrial(t.experimentId(), tid), author);
        }
        return tid;
    }

    static final String INSERT_TRIAL = "INSERT INTO trial (experiment_id, variant_id, "
            + "input_id, model_id, repetition, request_hash, uncached_input_tokens, cache_read_tokens, "
            + "cache_write_5m_tokens, cache_write_1h_tokens, output_tokens, reasoning_tokens, cost_usd, "
            + "cost_complete, prices_json, estimated_cost_usd, latency_ms, ttft_ms, finish_reason, "
            + "output_text, error_text, from_cache, started_at, finished_at, requested_tier, served_tier) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

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
        ps.setString(25, t.requestedTier() == null ? null : t.requestedTier().id());
        ps.setString(26, t.servedTier());
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
                if (rs.getLong(2) == 0
                        || rs.getLong(3) == 0
                        || rs.getLong(4) == 0
                        || cell.repetition() > rs.getInt(1)) {
                    throw new IllegalArgumentException(cell + " is not a planned trial of experiment " + experimentId);
                }
            }
        }
    }

    public List<Trial> trials(long experimentId) {
        return tx.run("read the trials of experiment " + experimentId, c -> {
            List<Trial> out = new ArrayList<>();
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT " + TRIAL_COLUMNS + " FROM trial WHERE experiment_id = ? ORDER BY id")) {
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

    public Optional<Trial> findTrial(long trialId) {
        return tx.run("read trial " + trialId, c -> {
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
        CanonicalUsage usage = uncached == null
                ? null
                : new CanonicalUsage(
                        uncached,
                        rs.getLong("cache_read_tokens"),
                        rs.getLong("cache_write_5m_tokens"),
                        rs.getLong("cache_write_1h_tokens"),
                        rs.getLong("output_tokens"),
                        rs.getLong("reasoning_tokens"));
        TrialCell cell = new TrialCell(
                rs.getLong("variant_id"), rs.getLong("input_id"), rs.getString("model_id"), rs.getInt("repetition"));
        return new Trial(
                rs.getLong("id"),
                rs.getLong("experiment_id"),
                cell,
                rs.getString("request_hash"),
                usage,
                rs.getBigDecimal("cost_usd"),
                rs.getBoolean("cost_complete"),
                rs.getString("prices_json"),
                rs.getBigDecimal("estimated_cost_usd"),
                getLong(rs, "latency_ms"),
                getLong(rs, "ttft_ms"),
                rs.getString("finish_reason"),
                rs.getString("output_text"),
                rs.getString("error_text"),
                rs.getBoolean("from_cache"),
                getInstant(rs, "started_at"),
                getInstant(rs, "finished_at"),
                tier(rs.getString("requested_tier")),
                rs.getString("served_tier"));
    }

    /** A stored tier name; null (and a name this version does not know) read as unset: Standard. */
    static ServiceTier tier(String id) {
        if (id == null) {
            return null;
        }
        try {
            return ServiceTier.parse(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public boolean deleteTrial(long trialId) {
        return tx.run("delete trial " + trialId, c -> {
            HistorySql.uncountTrial(c, trialId);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM trial WHERE id = ?")) {
                ps.setLong(1, trialId);
                return ps.executeUpdate() > 0;
            }
        });
    }

    public List<TrialCell> missingTrials(long experimentId) {
        return tx.run("list the missing trials of experiment " + experimentId, c -> {
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
                    + "CROSS JOIN " + tx.dialect().oneTo("?", "r") + " "
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

    public Optional<Trial> storedAnswer(String requestHash) {
        Objects.requireNonNull(requestHash, "requestHash");
        return tx.run("look up a stored answer", c -> {
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

    static void requireTrial(Connection c, long id) throws SQLException {
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
