// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.stats;

import java.util.Locale;

/**
 * The quality measure a verdict watches. For each, a baseline value, an optimized value and the relative drop
 * (baseline − optimized) / baseline.
 */
public enum QualityMeasure {
    /**
     * ROUGE-L F1 of the optimized outputs against the baseline's, relative to the baseline's self-similarity
     * (1.0 when the baseline ran only once per input).
     */
    ROUGE_L("similarity"),
    /** Token F1 against the baseline's outputs, relative to the baseline's self-similarity (or 1.0). */
    TOKEN_F1("token F1"),
    /** The mean user rating, both scales normalized to 0–1. */
    RATING("rating"),
    /** The mean LLM-as-judge score. */
    JUDGE_SCORE("judge score"),
    /** The share of outputs passing every check. */
    CHECK_PASS_RATE("checks passed");

    private final String label;

    QualityMeasure(String label) {
        this.label = label;
    }

    /** The word used in a verdict sentence, e.g. "similarity". */
    public String label() {
        return label;
    }

    /** Parses "rouge_l", "ROUGE-L", "token_f1", "rating", "judge_score", "check_pass_rate" (any case). */
    public static QualityMeasure parse(String s) {
        String k = s == null
                ? ""
                : s.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (QualityMeasure m : values()) {
            if (m.name().equals(k)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown quality measure '" + s + "'");
    }

    /** The comparison of {@code optimized} with {@code baseline} on this measure. */
    public QualityComparison compare(QualitySummary baseline, QualitySummary optimized) {
        return switch (this) {
            case ROUGE_L -> similarity(optimized.baselineRougeL(), optimized.rougeL());
            case TOKEN_F1 -> similarity(optimized.baselineTokenF1(), optimized.tokenF1());
            case RATING ->
                new QualityComparison(
                        this,
                        baseline.ratings().score(),
                        optimized.ratings().score(),
                        baseline.ratings().n(),
                        optimized.ratings().n());
            case JUDGE_SCORE ->
                new QualityComparison(
                        this,
                        baseline.judgeScores().mean(),
                        optimized.judgeScores().mean(),
                        baseline.judgeScores().n(),
                        optimized.judgeScores().n());
            case CHECK_PASS_RATE ->
                new QualityComparison(
                        this,
                        baseline.checks().passRate(),
                        optimized.checks().passRate(),
                        baseline.checks().hasChecks() ? baseline.checks().outputs() : 0,
                        optimized.checks().hasChecks() ? optimized.checks().outputs() : 0);
        };
    }

    private QualityComparison similarity(Descriptive reference, Descriptive toBaseline) {
        // Without repeated baseline outputs the reference is a perfect match (1.0), as for temperature 0.
        double ref = reference.n() > 0 ? reference.mean() : 1.0;
        return new QualityComparison(this, ref, toBaseline.mean(), reference.n(), toBaseline.n());
    }
}
