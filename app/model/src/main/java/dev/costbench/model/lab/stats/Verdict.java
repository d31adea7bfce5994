// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.stats;

/**
 * Whether to adopt an optimized variant, the sentence that says so, and the numbers it rests on.
 *
 * @param outcome    adopt, keep the baseline, or not enough data
 * @param sentence   e.g. "Adopt: saving 34 % (95 % CI 28–40 %) with similarity 0.97 (−3 %)"
 * @param cost       the cost comparison it rests on
 * @param quality    the quality comparison on the chosen measure, or null when the cost alone decided
 * @param thresholds the user's thresholds
 * @param needed     for "not enough data" on significance: the trials per variant that would detect the observed
 *                   saving at 80 % power; otherwise null
 */
public record Verdict(
        Outcome outcome,
        String sentence,
        CostComparison cost,
        QualityComparison quality,
        VerdictThresholds thresholds,
        SampleSize needed) {

    /** The three verdicts. */
    public enum Outcome {
        ADOPT("Adopt"),
        KEEP_BASELINE("Keep baseline"),
        NOT_ENOUGH_DATA("Not enough data");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        /** "Adopt", "Keep baseline", "Not enough data". */
        public String label() {
            return label;
        }
    }
}
