// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab;

import java.time.Instant;

/**
 * An LLM-as-judge score of one trial's output. The judge call's cost goes in the ledger with
 * {@link LedgerPurpose#JUDGE}, apart from the trials' cost.
 *
 * @param judgeModel the model that judged
 * @param rubric     the rubric it was given
 * @param score      on the rubric's own scale
 * @param rationale  the judge's explanation, or null
 */
public record JudgeScore(
        long id, long trialId, String judgeModel, String rubric, double score, String rationale, Instant created) {}
