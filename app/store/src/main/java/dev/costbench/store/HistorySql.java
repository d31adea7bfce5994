// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.ExperimentOverview;
import dev.costbench.model.lab.ExperimentSnapshot;
import dev.costbench.model.lab.NewTrial;
import dev.costbench.model.lab.NewVariant;
import dev.costbench.model.provider.ServiceTierWords;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The History view's queries: the experiment list with a summary line aggregated in SQL, and the one-transaction
 * import of a whole experiment. Each method runs inside a transaction ({@link Tx}).
 */
final class HistorySql {

    /** Rows per JDBC batch when importing trials. */
    private static final int BATCH = 500;

    private HistorySql() {}

    /** Counts and money per experiment, read from {@code experiment_totals} (one row per experiment). */
    static List<ExperimentOverview> overviews(Connection c) throws SQLException {
        Map<Long, ExperimentOverview> totals = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                        "SELECT e.id, t.trials, t.failed, t.trial_cost_usd, t.spent_usd, t.tier_changed, e.created_by "
                                + "FROM experiment e LEFT JOIN experiment_totals t ON t.experiment_id = e.id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long trials = rs.getLong(2);
                long failed = rs.getLong(3);
                totals.put(
                        rs.getLong(1),
                        new ExperimentOverview(
                                null,
                                trials,
                                trials - failed,
                                failed,
                                rs.getBigDecimal(4),
                                rs.getBigDecimal(5),
                                rs.getLong(6),
                                rs.getString(7)));
            }
        }
        List<ExperimentOverview> out = new ArrayList<>();
        for (Experiment e : H2ExperimentRepository.listExperiments(c)) {
            ExperimentOverview t = totals.get(e.id());
            out.add(
                    t == null
                            ? new ExperimentOverview(e, 0, 0, 0, null, null)
                            : new ExperimentOverview(
                                    e,
                                    t.trials(),
                                    t.succeeded(),
                                    t.failed(),
                                    t.trialCostUsd(),
                                    t.spentUsd(),
                                    t.tierChanged(),
                                    t.createdBy()));
        }
        return out;
    }

    /** The zero totals of a new experiment. */
    static void createTotals(Connection c, long experimentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO experiment_totals (experiment_id) VALUES (?)")) {
            ps.setLong(1, experimentId);
            ps.executeUpdate();
        }
    }

    /** True when the trial counts as served at another tier than asked (a real, successful call). */
    static boolean changed(NewTrial t) {
        return t.succeeded() && !t.fromCache() && ServiceTierWords.changed(t.requestedTier(), t.servedTier());
    }

    /** Adds ({@code sign} 1) or removes (−1) one trial from its experiment's totals. */
    static void countTrial(
            Connection c,
            long experimentId,
            boolean succeeded,
            boolean fromCache,
            BigDecimal costUsd,
            boolean tierChanged,
            int sign)
            throws SQLException {
        BigDecimal cost = fromCache || costUsd == null ? BigDecimal.ZERO : costUsd;
        try (PreparedStatement ps = c.prepareStatement("UPDATE experiment_totals SET trials = trials + ?, "
                + "failed = failed + ?, trial_cost_usd = trial_cost_usd + ?, tier_changed = tier_changed + ? "
                + "WHERE experiment_id = ?")) {
            ps.setLong(1, sign);
            ps.setLong(2, succeeded ? 0 : sign);
            ps.setBigDecimal(3, sign < 0 ? cost.negate() : cost);
            ps.setLong(4, tierChanged ? sign : 0);
            ps.setLong(5, experimentId);
            ps.executeUpdate();
        }
    }

    /** Removes a trial that is about to be deleted from its experiment's totals; nothing when there is none. */
    static void uncountTrial(Connection c, long trialId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT experiment_id, error_text IS NULL, from_cache, cost_usd, requested_tier, served_tier "
                        + "FROM trial WHERE id = ?")) {
            ps.setLong(1, trialId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    boolean ok = rs.getBoolean(2);
                    boolean cached = rs.getBoolean(3);
                    boolean changed = ok
                            && !cached
                            && ServiceTierWords.changed(H2TrialRepository.tier(rs.getString(5)), rs.getString(6));
                    countTrial(c, rs.getLong(1), ok, cached, rs.getBigDecimal(4), changed, -1);
                }
            }
        }
    }

    /** Adds a ledger entry's cost to its experiment's spending. */
    static void addSpent(Connection c, Long experimentId, BigDecimal costUsd) throws SQLException {
        if (experimentId == null || costUsd == null) {
            return;
        }
        try (PreparedStatement ps =
                c.prepareStatement("UPDATE experiment_totals SET spent_usd = spent_usd + ? WHERE experiment_id = ?")) {
            ps.setBigDecimal(1, costUsd);
            ps.setLong(2, experimentId);
            ps.executeUpdate();
        }
    }

    /** Recomputes an experiment's totals from its trials and ledger (after a bulk insert). */
    static void recomputeTotals(Connection c, long experimentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE experiment_totals SET "
                + "trials = (SELECT COUNT(*) FROM trial t WHERE t.experiment_id = ?), "
                + "failed = (SELECT COUNT(*) FROM trial t WHERE t.experiment_id = ? AND t.error_text IS NOT NULL), "
                + "trial_cost_usd = COALESCE((SELECT SUM(t.cost_usd) FROM trial t WHERE t.experiment_id = ? "
                + "AND NOT t.from_cache), 0), "
                + "spent_usd = COALESCE((SELECT SUM(l.cost_usd) FROM ledger l WHERE l.experiment_id = ?), 0) "
                + "WHERE experiment_id = ?")) {
            for (int i = 1; i <= 5; i++) {
                ps.setLong(i, experimentId);
            }
            ps.executeUpdate();
        }
    }

    /**
     * Inserts the whole snapshot, recorded as created by {@code author}; any failure throws and the caller's
     * transaction rolls everything back.
     */
    static long importSnapshot(Connection c, ExperimentSnapshot s, String author) throws SQLException {
        for (NewVariant v : s.variants()) {
            for (String h : v.mediaHashes()) {
                if (!H2MediaRepository.mediaExists(c, h)) {
                    throw new IllegalArgumentException("variant “" + v.name() + "” uses media " + h
                            + ", which this store does not hold; leave it out or add the file first");
                }
            }
        }
        long eid = H2ExperimentRepository.insertExperiment(c, s.experiment(), s.created(), s.status(), author);
        List<Long> variantIds = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO variant (experiment_id, ordinal, name, "
                                + "baseline, prompt_json) VALUES (?, ?, ?, ?, ?)",
                        Statement.RETURN_GENERATED_KEYS);
                PreparedStatement pm = c.prepareStatement(
                        "INSERT INTO variant_media (variant_id, ordinal, sha256) VALUES (?, ?, ?)")) {
            for (int i = 0; i < s.variants().size(); i++) {
                NewVariant v = s.variants().get(i);
                ps.setLong(1, eid);
                ps.setInt(2, i);
                ps.setString(3, v.name());
                ps.setBoolean(4, v.baseline());
                ps.setString(5, v.promptJson());
                ps.executeUpdate();
                long vid = Jdbc.generatedId(ps);
                variantIds.add(vid);
                for (int m = 0; m < v.mediaHashes().size(); m++) {
                    pm.setLong(1, vid);
                    pm.setInt(2, m);
                    pm.setString(3, v.mediaHashes().get(m));
                    pm.executeUpdate();
                }
            }
        }
        List<Long> inputIds = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO test_input (experiment_id, ordinal, label) " + "VALUES (?, ?, ?)",
                        Statement.RETURN_GENERATED_KEYS);
                PreparedStatement pv = c.prepareStatement(
                        "INSERT INTO test_input_var (input_id, ordinal, var_name, var_value) VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < s.inputs().size(); i++) {
                ExperimentSnapshot.Input in = s.inputs().get(i);
                ps.setLong(1, eid);
                ps.setInt(2, i);
                ps.setString(3, in.label());
                ps.executeUpdate();
                long iid = Jdbc.generatedId(ps);
                inputIds.add(iid);
                int k = 0;
                for (Map.Entry<String, String> e : in.variables().entrySet()) {
                    pv.setLong(1, iid);
                    pv.setInt(2, k++);
                    pv.setString(3, e.getKey());
                    pv.setString(4, e.getValue() == null ? "" : e.getValue());
                    pv.addBatch();
                }
                pv.executeBatch();
            }
        }
        try (PreparedStatement ps = c.prepareStatement(H2TrialRepository.INSERT_TRIAL)) {
            int n = 0;
            for (NewTrial t : s.trials()) {
                H2TrialRepository.bindTrial(
                        ps, t, eid, variantIds.get((int) t.cell().variantId()), inputIds.get((int)
                                t.cell().inputId()));
                ps.addBatch();
                if (++n % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        recomputeTotals(c, eid);
        long changed = s.trials().stream().filter(HistorySql::changed).count();
        try (PreparedStatement ps =
                c.prepareStatement("UPDATE experiment_totals SET tier_changed = ? WHERE experiment_id = ?")) {
            ps.setLong(1, changed);
            ps.setLong(2, eid);
            ps.executeUpdate();
        }
        return eid;
    }
}
