// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab;

import java.time.Instant;

/**
 * A judge call that gave no score: the API failed, or the answer stated no score or one outside the scale. Kept so
 * that the user sees why an output has no score; a later judging retries the trial (it still lacks a score).
 *
 * @param error why no score was read
 */
public record JudgeFailure(long id, long trialId, String judgeModel, String rubric, String error, Instant created) {}
