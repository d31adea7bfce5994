// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.stats;

import java.util.Map;

/**
 * Quality of a variant's outputs on a model (or on all models when {@code modelId} is null).
 *
 * <p>Similarity is measured against the baseline's output for the same cell (input, model, repetition); when the
 * baseline has no output for that repetition, against the mean over the baseline's outputs for the same input and
 * model. The baseline's own consistency — the similarity between its consecutive repetitions on the same input and
 * model — is the reference: a sampled model never reproduces itself exactly, and an optimized prompt should not be
 * blamed for that. For the baseline row, the similarity figures are that self-similarity.
 *
 * @param variantId           the variant
 * @param modelId             the model, or null for all models
 * @param outputs             successful outputs considered: the latest of each cell (a retried or re-run cell
 *                            counts once, and only its latest trial's ratings, judge scores and checks count)
 * @param rougeL              ROUGE-L F1 of each output against the baseline
 * @param tokenF1             token F1 of each output against the baseline
 * @param baselineRougeL      ROUGE-L F1 between consecutive baseline repetitions (empty with one repetition)
 * @param baselineTokenF1     token F1 between consecutive baseline repetitions
 * @param ratings             the user's ratings
 * @param judgeScores         every judge score of these outputs
 * @param judgeScoresByJudge  the judge scores per judge model and rubric
 * @param checks              the pass/fail checks
 */
public record QualitySummary(
        long variantId,
        String modelId,
        int outputs,
        Descriptive rougeL,
        Descriptive tokenF1,
        Descriptive baselineRougeL,
        Descriptive baselineTokenF1,
        RatingSummary ratings,
        Descriptive judgeScores,
        Map<JudgeKey, Descriptive> judgeScoresByJudge,
        CheckSummary checks) {

    public QualitySummary {
        judgeScoresByJudge = Map.copyOf(judgeScoresByJudge);
    }

    /** A judge: the model that judged and the rubric it was given. */
    public record JudgeKey(String judgeModel, String rubric) {}
}
