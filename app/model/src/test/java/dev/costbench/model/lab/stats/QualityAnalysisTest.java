// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.lab.JudgeScore;
import dev.costbench.model.lab.Rating;
import dev.costbench.model.lab.RatingScale;
import dev.costbench.model.lab.Trial;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QualityAnalysisTest {

    private static final StatsOptions OPT = StatsOptions.defaults();

    /** The analysis with no similarities known beforehand. */
    private static QualityAnalysis analysis(
            List<Trial> trials,
            long baselineVariantId,
            List<Rating> ratings,
            List<JudgeScore> judgeScores,
            List<Check> checks,
            StatsOptions options) {
        return new QualityAnalysis(
                trials, baselineVariantId, ratings, judgeScores, checks, options, SimilarityCache.empty());
    }

    @Test
    void similarityRatingsJudgeAndChecks() {
        Fixture f = new Fixture();
        List<Trial> t = new ArrayList<>();
        Trial b1 = f.ok(1, 1, "m", 1, "0.01", "a b c d");
        Trial b2 = f.ok(1, 1, "m", 2, "0.01", "a b c e");
        Trial o1 = f.ok(2, 1, "m", 1, "0.01", "a b c d");
        Trial o2 = f.ok(2, 1, "m", 2, "0.01", "a b x e");
        Trial o3 = f.ok(2, 1, "m", 3, "0.01", "a b c d"); // no baseline repetition 3
        Trial o4 = f.ok(2, 2, "m", 1, "0.01", "z"); // no baseline output for input 2 at all
        t.addAll(List.of(b1, b2, o1, o2, o3, o4));
        t.add(f.failed(2, 3, "m", 1));
        t.add(f.ok(2, 1, "other", 1, "0.01", "a b c d"));
        List<Rating> ratings = List.of(
                rating(b1, RatingScale.THUMBS, 1),
                rating(b2, RatingScale.FIVE_POINT, 4),
                rating(o1, RatingScale.THUMBS, 0),
                rating(o2, RatingScale.FIVE_POINT, 5),
                rating(o3, RatingScale.FIVE_POINT, 2));
        List<JudgeScore> judge = List.of(judge(b1, "j", 8), judge(b2, "j", 9), judge(o1, "j", 7), judge(o2, "k", 5));
        QualityAnalysis qa = analysis(t, 1, ratings, judge, List.of(Check.contains("a"), Check.maxChars(7)), OPT);

        QualitySummary base = qa.summary(1, "m");
        // baseline self-similarity: repetitions 1 and 2 share "a b c" of 4 words → 0.75
        assertEquals(1, base.baselineRougeL().n());
        assertEquals(0.75, base.baselineRougeL().mean(), 1e-15);
        assertEquals(0.75, base.rougeL().mean(), 1e-15, "the baseline row shows its self-similarity");

        QualitySummary opt = qa.summary(2, "m");
        assertEquals(4, opt.outputs());
        // o1 = b1 → 1; o2 vs b2 → 0.75; o3 vs mean(b1, b2) → 0.875; o4 has no baseline to compare with
        assertEquals(3, opt.rougeL().n());
        assertEquals((1 + 0.75 + 0.875) / 3, opt.rougeL().mean(), 1e-15);
        assertEquals(0.75, opt.baselineRougeL().mean(), 1e-15);
        assertEquals((1 + 0.75 + 0.875) / 3, opt.tokenF1().mean(), 1e-15);

        // ratings: thumbs 0, 5-point 5 and 2 → normalized 0, 1, 0.25
        assertEquals(3, opt.ratings().n());
        assertEquals(1, opt.ratings().thumbs());
        assertEquals(0, opt.ratings().thumbsUpShare());
        assertEquals(3.5, opt.ratings().fivePoint().mean(), 1e-15);
        assertEquals(1.25 / 3, opt.ratings().score(), 1e-15);
        assertEquals((1 + 0.75) / 2, base.ratings().score(), 1e-15);

        assertEquals(6, opt.judgeScores().mean(), 1e-15);
        assertEquals(2, opt.judgeScoresByJudge().size());
        assertEquals(
                7,
                opt.judgeScoresByJudge()
                        .get(new QualitySummary.JudgeKey("j", "rubric"))
                        .mean());

        // checks: "z" fails contains "a"; everything is at most 7 chars
        assertEquals(3, opt.checks().passedAll());
        assertEquals(0.75, opt.checks().passRate(), 1e-15);
        assertEquals(3, opt.checks().perCheck().get(0).passed());
        assertEquals(4, opt.checks().perCheck().get(1).passed());
        assertEquals(2, qa.checkResults(o4).size());
        assertFalse(qa.checkResults(o4).get(0).passed());

        // measures: similarity relative to the baseline's own consistency
        QualityComparison rouge = QualityMeasure.ROUGE_L.compare(base, opt);
        assertEquals(0.75, rouge.baselineValue(), 1e-15);
        assertEquals((1 + 0.75 + 0.875) / 3 / 0.75 * 100 - 100, rouge.changePercent(), 1e-12);
        QualityComparison rating = QualityMeasure.RATING.compare(base, opt);
        assertEquals((0.875 - 1.25 / 3) / 0.875 * 100, rating.dropPercent(), 1e-12);
        assertTrue(rating.dropped(5));
        QualityComparison judged = QualityMeasure.JUDGE_SCORE.compare(base, opt);
        assertEquals((8.5 - 6) / 8.5 * 100, judged.dropPercent(), 1e-12);
        QualityComparison checks = QualityMeasure.CHECK_PASS_RATE.compare(base, opt);
        assertEquals(25, checks.dropPercent(), 1e-12);

        // pooled over models: the output on "other" has no baseline there, so it adds an output but no similarity
        QualitySummary all = qa.summary(2, null);
        assertEquals(5, all.outputs());
        assertEquals(3, all.rougeL().n());
    }

    @Test
    void withoutRepeatsOrData() {
        Fixture f = new Fixture();
        List<Trial> t =
                List.of(f.ok(1, 1, "m", 1, "0.01", "The same answer."), f.ok(2, 1, "m", 1, "0.01", "The same answer."));
        QualityAnalysis qa = analysis(t, 1, List.of(), List.of(), List.of(), OPT);
        QualitySummary base = qa.summary(1, "m");
        QualitySummary opt = qa.summary(2, "m");
        assertEquals(1.0, opt.rougeL().mean());
        assertEquals(0, opt.baselineRougeL().n());
        QualityComparison c = QualityMeasure.ROUGE_L.compare(base, opt);
        assertEquals(1.0, c.baselineValue(), "without repeats the reference is a perfect match");
        assertEquals(0, c.dropPercent(), 1e-15);
        assertTrue(c.available());
        assertFalse(QualityMeasure.RATING.compare(base, opt).available());
        assertFalse(QualityMeasure.JUDGE_SCORE.compare(base, opt).available());
        assertFalse(QualityMeasure.CHECK_PASS_RATE.compare(base, opt).available());
        assertTrue(Double.isNaN(opt.checks().passRate()));

        // nothing at all, and all failures
        QualityAnalysis empty = analysis(
                List.of(f.failed(1, 1, "m", 1), f.failed(2, 1, "m", 1)),
                1,
                List.of(),
                List.of(),
                List.of(Check.validJson()),
                OPT);
        QualitySummary none = empty.summary(2, "m");
        assertEquals(0, none.outputs());
        assertEquals(0, none.rougeL().n());
        assertFalse(QualityMeasure.ROUGE_L.compare(empty.summary(1, "m"), none).available());
        // empty outputs are identical to each other
        QualityAnalysis blank = analysis(
                List.of(f.ok(1, 1, "m", 1, "0", ""), f.ok(2, 1, "m", 1, "0", "")),
                1,
                List.of(),
                List.of(),
                List.of(),
                OPT);
        assertEquals(1.0, blank.summary(2, "m").rougeL().mean());
    }

    @Test
    void measureNames() {
        assertEquals(QualityMeasure.ROUGE_L, QualityMeasure.parse("ROUGE-L"));
        assertEquals(QualityMeasure.CHECK_PASS_RATE, QualityMeasure.parse("check_pass_rate"));
        assertEquals("similarity", QualityMeasure.ROUGE_L.label());
    }

    private static Rating rating(Trial t, RatingScale scale, int value) {
        return new Rating(t.id() * 10, t.id(), scale, value, null, Fixture.T0);
    }

    private static JudgeScore judge(Trial t, String model, double score) {
        return new JudgeScore(t.id() * 10, t.id(), model, "rubric", score, null, Fixture.T0);
    }

    /**
     * The pooled summary reuses the similarities the per-model summaries computed: the same numbers as an analysis
     * that computes the pooled one alone.
     */
    @Test
    void cachedSimilaritiesGiveTheSameSummaries() {
        Fixture f = new Fixture();
        Random rnd = new Random(5);
        String[] words = "refund the order twice charged please confirm by email today".split(" ");
        List<Trial> t = new ArrayList<>();
        for (String model : List.of("m1", "m2")) {
            for (int input = 1; input <= 4; input++) {
                for (int rep = 1; rep <= 3; rep++) {
                    for (long v : new long[] {1, 2}) {
                        StringBuilder b = new StringBuilder();
                        for (int w = 0; w < 12; w++) {
                            b.append(words[rnd.nextInt(words.length)]).append(' ');
                        }
                        t.add(f.ok(
                                v,
                                input,
                                model,
                                rep,
                                Fixture.USAGE,
                                "0.001",
                                "0.001",
                                100L,
                                10L,
                                b.toString().trim(),
                                false));
                    }
                }
            }
        }
        StatsOptions o = StatsOptions.defaults();
        QualityAnalysis shared = analysis(t, 1, List.of(), List.of(), List.of(), o);
        for (long v : new long[] {1, 2}) {
            shared.summary(v, "m1");
            shared.summary(v, "m2");
        }
        for (long v : new long[] {1, 2}) {
            QualitySummary alone =
                    analysis(t, 1, List.of(), List.of(), List.of(), o).summary(v, null);
            assertEquals(alone, shared.summary(v, null));
        }
    }
}
