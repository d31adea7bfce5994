// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import static dev.costbench.store.Jdbc.getInstant;
import static dev.costbench.store.Jdbc.setDouble;
import static dev.costbench.store.Jdbc.setInstant;

import dev.costbench.model.lab.JudgeFailure;
import dev.costbench.model.lab.JudgeScore;
import dev.costbench.model.lab.JudgingRepository;
import dev.costbench.model.lab.NewLedgerEntry;
import dev.costbench.model.lab.Rating;
import dev.costbench.model.lab.RatingScale;
import dev.costbench.model.lab.SimilarityScore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Ratings, judge scores and failures (each judge call with its ledger entry), and stored output similarities.
 */
final class H2JudgingRepository implements JudgingRepository {

    private final Tx tx;

    H2JudgingRepository(Tx tx) {
        this.tx = tx;
    }

    // ---- ratings and judge scores ----

    @Override
    public Rating rate(long trialId, RatingScale scale, int value, String comment) {
        Objects.requireNonNull(scale, "scale");
        scale.check(value);
        Instant now = tx.now();
        return tx.run("rate trial " + trialId, c -> {
            H2TrialRepository.requireTrial(c, trialId);
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
        return tx.run("read the ratings of experiment " + experimentId, c -> {
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
        return new Rating(
                rs.getLong("id"),
                rs.getLong("trial_id"),
                RatingScale.valueOf(rs.getString("scale")),
                rs.getInt("rating_value"),
                rs.getString("user_comment"),
                getInstant(rs, "created_at"));
    }

    @Override
    public JudgeScore addJudgeScore(long trialId, String judgeModel, String rubric, double score, String rationale) {
        return addJudgeScore(trialId, judgeModel, rubric, score, rationale, null);
    }

    @Override
    public JudgeScore addJudgeScore(
            long trialId, String judgeModel, String rubric, double score, String rationale, NewLedgerEntry charge) {
        Objects.requireNonNull(judgeModel, "judgeModel");
        Objects.requireNonNull(rubric, "rubric");
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("a judge score must be a finite number");
        }
        Instant now = tx.now();
        return tx.run("store a judge score for trial " + trialId, c -> {
            long id = insertJudgement(c, trialId, judgeModel, rubric, score, rationale, null, now, charge);
            return new JudgeScore(id, trialId, judgeModel, rubric, score, rationale, now);
        });
    }

    @Override
    public JudgeFailure addJudgeFailure(
            long trialId, String judgeModel, String rubric, String error, NewLedgerEntry charge) {
        Objects.requireNonNull(judgeModel, "judgeModel");
        Objects.requireNonNull(rubric, "rubric");
        Objects.requireNonNull(error, "error");
        Instant now = tx.now();
        return tx.run("store a judge failure for trial " + trialId, c -> {
            long id = insertJudgement(c, trialId, judgeModel, rubric, null, null, error, now, charge);
            return new JudgeFailure(id, trialId, judgeModel, rubric, error, now);
        });
    }

    /** One judge call: a score (error null) or a failure (score null), and its ledger entry when given. */
    private long insertJudgement(
            Connection c,
            long trialId,
            String judgeModel,
            String rubric,
            Double score,
            String rationale,
            String error,
            Instant now,
            NewLedgerEntry charge)
            throws SQLException {
        long experiment = experimentOfTrial(c, trialId);
        long id;
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO judge_score (trial_id, judge_model, rubric, "
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
            H2LedgerRepository.insertLedger(c, charge.withTrial(experiment, trialId), tx.author());
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
        return tx.run("read the output similarities of experiment " + experimentId, c -> {
            List<SimilarityScore> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT trial_id, reference_id, fingerprint, rouge_l, "
                    + "token_f1 FROM similarity_score WHERE experiment_id = ?")) {
                ps.setLong(1, experimentId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new SimilarityScore(
                                rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getDouble(4), rs.getDouble(5)));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public void saveSimilarityScores(long experimentId, Collection<SimilarityScore> scores) {
        if (scores.isEmpty()) {
            return;
        }
        tx.run("store the output similarities of experiment " + experimentId, c -> {
            // only pairs of this experiment's trials (a trial deleted meanwhile is skipped, not an error)
            try (PreparedStatement ps = c.prepareStatement(tx.dialect()
                    .upsert(
                            "similarity_score",
                            List.of("trial_id", "reference_id", "experiment_id", "fingerprint", "rouge_l", "token_f1"),
                            List.of("trial_id", "reference_id"),
                            "SELECT a.id, b.id, a.experiment_id, ?, ?, ? FROM trial a JOIN trial b "
                                    + "ON b.id = ? AND b.experiment_id = a.experiment_id "
                                    + "WHERE a.id = ? AND a.experiment_id = ?"))) {
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
        tx.run("forget the output similarities of experiment " + experimentId, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM similarity_score WHERE experiment_id = ?")) {
                ps.setLong(1, experimentId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<JudgeScore> judgeScores(long experimentId) {
        return tx.run("read the judge scores of experiment " + experimentId, c -> {
            List<JudgeScore> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT j.id, j.trial_id, j.judge_model, j.rubric, "
                    + "j.score, j.rationale, j.created_at FROM judge_score j JOIN trial t ON t.id = j.trial_id "
                    + "WHERE t.experiment_id = ? AND j.score IS NOT NULL ORDER BY j.id")) {
                ps.setLong(1, experimentId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new JudgeScore(
                                rs.getLong("id"),
                                rs.getLong("trial_id"),
                                rs.getString("judge_model"),
                                rs.getString("rubric"),
                                rs.getDouble("score"),
                                rs.getString("rationale"),
                                getInstant(rs, "created_at")));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public List<JudgeFailure> judgeFailures(long experimentId) {
        return tx.run("read the judge failures of experiment " + experimentId, c -> {
            List<JudgeFailure> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT j.id, j.trial_id, j.judge_model, j.rubric, "
                    + "j.error_text, j.created_at FROM judge_score j JOIN trial t ON t.id = j.trial_id "
                    + "WHERE t.experiment_id = ? AND j.score IS NULL ORDER BY j.id")) {
                ps.setLong(1, experimentId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new JudgeFailure(
                                rs.getLong("id"),
                                rs.getLong("trial_id"),
                                rs.getString("judge_model"),
                                rs.getString("rubric"),
                                rs.getString("error_text"),
                                getInstant(rs, "created_at")));
                    }
                }
            }
            return out;
        });
    }
}
