// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.stats;

/**
 * The user's ratings of a group of outputs.
 *
 * @param n          ratings of either scale
 * @param thumbs     thumbs ratings
 * @param thumbsUp   of which thumbs up
 * @param fivePoint  the 1–5 ratings
 * @param normalized every rating on a 0–1 scale, (value − min) / (max − min): thumbs down 0, up 1; 1 → 0, 3 → 0.5,
 *                   5 → 1, so the two scales can be pooled
 */
public record RatingSummary(int n, int thumbs, int thumbsUp, Descriptive fivePoint, Descriptive normalized) {

    public static final RatingSummary NONE = new RatingSummary(0, 0, 0, Descriptive.EMPTY, Descriptive.EMPTY);

    /** The share of thumbs up among the thumbs ratings, NaN without any. */
    public double thumbsUpShare() {
        return thumbs == 0 ? Double.NaN : (double) thumbsUp / thumbs;
    }

    /** The mean normalized rating (0–1), NaN without ratings. */
    public double score() {
        return normalized.mean();
    }
}
