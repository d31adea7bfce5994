// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import static dev.costbench.store.Jdbc.getInstant;
import static dev.costbench.store.Jdbc.getLong;
import static dev.costbench.store.Jdbc.setInstant;
import static dev.costbench.store.Jdbc.setLong;
import static dev.costbench.store.Jdbc.setMoney;

import dev.costbench.model.lab.LedgerEntry;
import dev.costbench.model.lab.LedgerPurpose;
import dev.costbench.model.lab.LedgerRepository;
import dev.costbench.model.lab.NewLedgerEntry;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The ledger of real API calls: entries appended (with the experiment's running total), read, and summed exactly.
 */
final class H2LedgerRepository implements LedgerRepository {

    private final Tx tx;

    H2LedgerRepository(Tx tx) {
        this.tx = tx;
    }

    // ---- ledger ----

    @Override
    public LedgerEntry appendLedger(NewLedgerEntry entry) {
        Objects.requireNonNull(entry, "entry");
        return tx.run("append to the ledger", c -> insertLedger(c, entry, tx.author()));
    }

    static LedgerEntry insertLedger(Connection c, NewLedgerEntry e, String author) throws SQLException {
        if (e.experimentId() != null) {
            H2ExperimentRepository.requireExperiment(c, e.experimentId());
        }
        if (e.trialId() != null) {
            H2TrialRepository.requireTrial(c, e.trialId());
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO ledger (occurred_at, provider, model_id, "
                        + "cost_usd, experiment_id, trial_id, purpose, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            setInstant(ps, 1, e.time());
            ps.setString(2, e.provider());
            ps.setString(3, e.model());
            setMoney(ps, 4, e.costUsd());
            setLong(ps, 5, e.experimentId());
            setLong(ps, 6, e.trialId());
            ps.setString(7, e.purpose().code());
            ps.setString(8, author);
            ps.executeUpdate();
            HistorySql.addSpent(c, e.experimentId(), e.costUsd());
            return new LedgerEntry(
                    Jdbc.generatedId(ps),
                    e.time(),
                    e.provider(),
                    e.model(),
                    Jdbc.money(e.costUsd()),
                    e.experimentId(),
                    e.trialId(),
                    e.purpose());
        }
    }

    @Override
    public List<LedgerEntry> ledger(Instant from, Instant to) {
        return tx.run("read the ledger", c -> {
            List<LedgerEntry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, occurred_at, provider, model_id, cost_usd, "
                    + "experiment_id, trial_id, purpose FROM ledger WHERE occurred_at >= ? AND occurred_at < ? "
                    + "ORDER BY occurred_at, id")) {
                setInstant(ps, 1, from);
                setInstant(ps, 2, to);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new LedgerEntry(
                                rs.getLong("id"),
                                getInstant(rs, "occurred_at"),
                                rs.getString("provider"),
                                rs.getString("model_id"),
                                rs.getBigDecimal("cost_usd"),
                                getLong(rs, "experiment_id"),
                                getLong(rs, "trial_id"),
                                LedgerPurpose.fromCode(rs.getString("purpose"))));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public BigDecimal spentOnExperiment(long experimentId) {
        return tx.run("sum the spending of experiment " + experimentId, c -> sumSpent(c, experimentId, null));
    }

    @Override
    public BigDecimal spentOnExperiment(long experimentId, LedgerPurpose purpose) {
        Objects.requireNonNull(purpose, "purpose");
        return tx.run("sum the spending of experiment " + experimentId, c -> sumSpent(c, experimentId, purpose));
    }

    @Override
    public Map<Long, BigDecimal> spentPerTrial(long experimentId, LedgerPurpose purpose) {
        Objects.requireNonNull(purpose, "purpose");
        return tx.run("sum the spending per trial of experiment " + experimentId, c -> {
            Map<Long, BigDecimal> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT trial_id, SUM(cost_usd) FROM ledger "
                    + "WHERE experiment_id = ? AND purpose = ? AND trial_id IS NOT NULL GROUP BY trial_id")) {
                ps.setLong(1, experimentId);
                ps.setString(2, purpose.code());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        BigDecimal s = rs.getBigDecimal(2);
                        if (s != null) {
                            out.put(rs.getLong(1), s);
                        }
                    }
                }
            }
            return out;
        });
    }

    static BigDecimal sumSpent(Connection c, long experimentId, LedgerPurpose purpose) throws SQLException {
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
        return tx.run("sum the spending per day", c -> {
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
}
