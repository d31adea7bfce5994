// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab;

import java.util.Collection;
import java.util.List;

/**
 * Ratings, judge scores and failures, and stored output similarities of the trials.
 * Every method is its own transaction and is durable when it returns (see {@link LabStore}).
 */
public interface JudgingRepository {

    // ---- ratings and judge scores ----

    /** Rates a trial's output, replacing the user's earlier rating of it. */
    Rating rate(long trialId, RatingScale scale, int value, String comment);

    /** The ratings of the experiment's trials. */
    List<Rating> ratings(long experimentId);

    JudgeScore addJudgeScore(long trialId, String judgeModel, String rubric, double score, String rationale);

    /**
     * Records a judge's score together with the judge call's ledger entry (purpose {@link LedgerPurpose#JUDGE}) in one
     * transaction; the entry gets the trial's id and experiment.
     */
    JudgeScore addJudgeScore(
            long trialId, String judgeModel, String rubric, double score, String rationale, NewLedgerEntry charge);

    /** Records a judge call that gave no score, with its ledger entry (may be null), in one transaction. */
    JudgeFailure addJudgeFailure(long trialId, String judgeModel, String rubric, String error, NewLedgerEntry charge);

    /** The recorded judge failures of the experiment's trials, oldest first. */
    List<JudgeFailure> judgeFailures(long experimentId);

    /** The judge scores of the experiment's trials. */
    List<JudgeScore> judgeScores(long experimentId);

    /**
     * The stored output similarities of the experiment's trials (any order); none unless the store keeps them.
     * Deleting a trial deletes the scores it takes part in.
     */
    default List<SimilarityScore> similarityScores(long experimentId) {
        return List.of();
    }

    /**
     * Stores output similarities of the experiment's trials, replacing any stored for the same pair of trials; a
     * store that does not keep them ignores them (they are computed again each time).
     */
    default void saveSimilarityScores(long experimentId, Collection<SimilarityScore> scores) {}

    /** Forgets the experiment's stored similarities (they are computed again when next needed). */
    default void forgetSimilarityScores(long experimentId) {}
}
