// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import static dev.costbench.store.Jdbc.getInstant;
import static dev.costbench.store.Jdbc.setInstant;

import dev.costbench.model.lab.BatchRepository;
import dev.costbench.model.lab.NewBatch;
import dev.costbench.model.lab.NewLedgerEntry;
import dev.costbench.model.lab.NewTrial;
import dev.costbench.model.lab.StoredBatch;
import dev.costbench.model.lab.Trial;
import dev.costbench.model.lab.TrialCell;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.batch.BatchState;
import dev.costbench.model.provider.batch.BatchStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/**
 * The batches of batch runs (schema version 9: {@code lab_batch}, {@code lab_batch_item}): kept when submitted,
 * updated at each poll, and their outcomes recorded as trials exactly once ({@link #collect}).
 */
final class H2BatchRepository implements BatchRepository {

    private static final String SELECT = "SELECT b.*, (SELECT COUNT(*) FROM lab_batch_item i WHERE i.batch_row = b.id)"
            + " AS requests, (SELECT COUNT(*) FROM lab_batch_item i WHERE i.batch_row = b.id AND i.collected)"
            + " AS collected_items FROM lab_batch b ";

    private final Tx tx;
    private final H2TrialRepository trials;

    H2BatchRepository(Tx tx, H2TrialRepository trials) {
        this.tx = tx;
        this.trials = trials;
    }

    @Override
    public StoredBatch saveBatch(NewBatch batch) {
        BatchStatus s = batch.status();
        tx.run("keep batch " + s.batchId(), c -> {
            long row;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO lab_batch (experiment_id, provider, batch_id, state, provider_state, total, succeeded,"
                            + " failed, created_at, expires_at, error_message, submitted_at, checked_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, batch.experimentId());
                ps.setString(2, s.provider().name());
                ps.setString(3, s.batchId());
                bindStatus(ps, 4, s);
                setInstant(ps, 12, batch.submittedAt());
                setInstant(ps, 13, batch.submittedAt());
                ps.executeUpdate();
                row = Jdbc.generatedId(ps);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO lab_batch_item (batch_row, custom_id, ordinal,"
                    + " variant_id, input_id, model_id, repetition) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                int n = 0;
                for (Map.Entry<String, TrialCell> e : batch.items().entrySet()) {
                    TrialCell cell = e.getValue();
                    ps.setLong(1, row);
                    ps.setString(2, e.getKey());
                    ps.setInt(3, n++);
                    ps.setLong(4, cell.variantId());
                    ps.setLong(5, cell.inputId());
                    ps.setString(6, cell.modelId());
                    ps.setInt(7, cell.repetition());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return row;
        });
        return findBatch(s.batchId()).orElseThrow();
    }

    /** Binds state, provider state, total, succeeded, failed, created, expires and error from {@code first} on. */
    private static void bindStatus(PreparedStatement ps, int first, BatchStatus s) throws SQLException {
        ps.setString(first, s.state().name());
        ps.setString(first + 1, s.providerState());
        ps.setInt(first + 2, s.total());
        ps.setInt(first + 3, s.succeeded());
        ps.setInt(first + 4, s.failed());
        setInstant(ps, first + 5, s.createdAt());
        setInstant(ps, first + 6, s.expiresAt());
        ps.setString(first + 7, s.errorMessage() == null ? null : truncate(s.errorMessage()));
    }

    private static String truncate(String s) {
        return s.length() <= 4000 ? s : s.substring(0, 3999) + "…";
    }

    @Override
    public void updateBatch(BatchStatus s) {
        tx.run("update batch " + s.batchId(), c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE lab_batch SET state = ?, provider_state = ?,"
                    + " total = ?, succeeded = ?, failed = ?, created_at = COALESCE(?, created_at),"
                    + " expires_at = COALESCE(?, expires_at), error_message = ?, checked_at = ?"
                    + " WHERE provider = ? AND batch_id = ?")) {
                bindStatus(ps, 1, s);
                setInstant(ps, 9, Instant.now());
                ps.setString(10, s.provider().name());
                ps.setString(11, s.batchId());
                if (ps.executeUpdate() == 0) {
                    throw new NoSuchElementException(
                            "no batch " + s.batchId() + " of " + s.provider().displayName());
                }
            }
            return null;
        });
    }

    @Override
    public List<StoredBatch> batches() {
        return query("read the batches", SELECT + "ORDER BY b.id DESC", null);
    }

    @Override
    public List<StoredBatch> batches(long experimentId) {
        return query(
                "read the batches of experiment " + experimentId,
                SELECT + "WHERE b.experiment_id = ? ORDER BY b.id DESC",
                experimentId);
    }

    @Override
    public Optional<StoredBatch> findBatch(String batchId) {
        return query("read batch " + batchId, SELECT + "WHERE b.batch_id = ? ORDER BY b.id DESC", batchId).stream()
                .findFirst();
    }

    private List<StoredBatch> query(String what, String sql, Object param) {
        return rows(what, sql, param, H2BatchRepository::read, new ArrayList<>());
    }

    /** One row of a query as a value. */
    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Adds what {@code reader} makes of each row of {@code sql} (with one parameter, or none) to {@code out}. */
    private <T, C extends Collection<T>> C rows(String what, String sql, Object param, RowReader<T> reader, C out) {
        return tx.run(what, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (param != null) {
                    ps.setObject(1, param);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(reader.read(rs));
                    }
                }
            }
            return out;
        });
    }

    private static StoredBatch read(ResultSet rs) throws SQLException {
        BatchStatus s = new BatchStatus(
                ProviderId.valueOf(rs.getString("provider")),
                rs.getString("batch_id"),
                BatchState.valueOf(rs.getString("state")),
                rs.getString("provider_state"),
                rs.getInt("total"),
                rs.getInt("succeeded"),
                rs.getInt("failed"),
                getInstant(rs, "created_at"),
                getInstant(rs, "expires_at"),
                rs.getString("error_message"));
        return new StoredBatch(
                rs.getLong("experiment_id"),
                s,
                getInstant(rs, "submitted_at"),
                getInstant(rs, "checked_at"),
                rs.getInt("requests"),
                rs.getInt("collected_items"),
                rs.getBoolean("ingested"));
    }

    @Override
    public Map<String, TrialCell> batchItems(String batchId) {
        List<Map.Entry<String, TrialCell>> items = rows(
                "read the requests of batch " + batchId,
                "SELECT i.* FROM lab_batch_item i JOIN lab_batch b ON b.id = i.batch_row WHERE b.batch_id = ?"
                        + " ORDER BY i.batch_row, i.ordinal",
                batchId,
                rs -> Map.entry(rs.getString("custom_id"), cell(rs)),
                new ArrayList<>());
        Map<String, TrialCell> out = new LinkedHashMap<>();
        items.forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static TrialCell cell(ResultSet rs) throws SQLException {
        return new TrialCell(
                rs.getLong("variant_id"), rs.getLong("input_id"), rs.getString("model_id"), rs.getInt("repetition"));
    }

    @Override
    public Set<String> collectedItems(String batchId) {
        return rows(
                "read the collected requests of batch " + batchId,
                "SELECT i.custom_id FROM lab_batch_item i JOIN lab_batch b ON b.id = i.batch_row"
                        + " WHERE b.batch_id = ? AND i.collected",
                batchId,
                rs -> rs.getString(1),
                new HashSet<>());
    }

    @Override
    public Optional<Trial> collect(String batchId, String customId, NewTrial trial, NewLedgerEntry charge) {
        long id = tx.run(
                "record the outcome of " + customId + " in batch " + batchId,
                c -> record(c, batchId, customId, trial, charge));
        return id < 0 ? Optional.empty() : trials.findTrial(id);
    }

    @Override
    public int collectAll(String batchId, List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return 0;
        }
        return tx.run("record " + outcomes.size() + " outcomes of batch " + batchId, c -> {
            int recorded = 0;
            for (Outcome o : outcomes) {
                if (record(c, batchId, o.customId(), o.trial(), o.charge()) >= 0) {
                    recorded++;
                }
            }
            return recorded;
        });
    }

    /** Records one outcome as a trial and marks its request collected; -1 (nothing written) when it was before. */
    private long record(Connection c, String batchId, String customId, NewTrial trial, NewLedgerEntry charge)
            throws SQLException {
        long row = itemRow(c, batchId, customId);
        if (row < 0) {
            return -1;
        }
        long tid = H2TrialRepository.insertTrial(c, trial, charge, tx.author());
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE lab_batch_item SET collected = TRUE, trial_id = ? WHERE batch_row = ? AND custom_id = ?")) {
            ps.setLong(1, tid);
            ps.setLong(2, row);
            ps.setString(3, customId);
            ps.executeUpdate();
        }
        return tid;
    }

    /** The batch row of a request not collected yet (locked for this transaction), or -1 when it was collected. */
    private static long itemRow(Connection c, String batchId, String customId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT i.batch_row, i.collected FROM lab_batch_item i"
                + " JOIN lab_batch b ON b.id = i.batch_row WHERE b.batch_id = ? AND i.custom_id = ? FOR UPDATE")) {
            ps.setString(1, batchId);
            ps.setString(2, customId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new NoSuchElementException("batch " + batchId + " has no request " + customId);
                }
                return rs.getBoolean(2) ? -1 : rs.getLong(1);
            }
        }
    }

    @Override
    public void markIngested(String batchId) {
        tx.run("mark batch " + batchId + " collected", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE lab_batch SET ingested = TRUE WHERE batch_id = ?")) {
                ps.setString(1, batchId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Set<TrialCell> cellsInOpenBatches(long experimentId) {
        return rows(
                "read the open batches of experiment " + experimentId,
                "SELECT i.* FROM lab_batch_item i JOIN lab_batch b ON b.id = i.batch_row"
                        + " WHERE b.experiment_id = ? AND NOT b.ingested",
                experimentId,
                H2BatchRepository::cell,
                new LinkedHashSet<>());
    }
}
