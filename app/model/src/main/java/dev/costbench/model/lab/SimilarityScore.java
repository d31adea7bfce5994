// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab;

/**
 * The similarity of one trial's output to another's (its reference: the baseline's output of the same cell, or the
 * previous repetition for the baseline's self-similarity), as the results view computes it: stored so that an
 * experiment reopens without comparing every output again.
 *
 * @param trialId     the trial whose output is scored
 * @param referenceId the trial whose output it is compared with
 * @param fingerprint the two outputs and the similarity method it was computed from: a stored score whose
 *                    fingerprint differs from the current outputs' is stale and is computed again
 * @param rougeL      ROUGE-L F1
 * @param tokenF1     token F1
 */
public record SimilarityScore(long trialId, long referenceId, long fingerprint, double rougeL, double tokenF1) {}
