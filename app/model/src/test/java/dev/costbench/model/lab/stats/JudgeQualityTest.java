// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.lab.JudgeScore;
import dev.costbench.model.lab.Trial;
import dev.costbench.model.lab.judge.JudgeSpec;
import dev.costbench.model.lab.run.SpecException;
import dev.costbench.model.lab.run.SpecJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Judge scores as a quality measure, and the quality settings in the experiment's JSON. */
class JudgeQualityTest {

    private static final String JUDGE = "{\"judge\":{\"model\":\"gpt-4o-mini\",\"rubric\":\"r\",\"scale\":5},"
            + "\"verdict\":{\"minSavingPercent\":30,\"maxQualityDropPercent\":10,\"qualityMeasure\":\"judge_score\"},"
            + "\"run\":{\"format\":1}}";

    @Test
    void judgeScoresGiveAMeanWithAnIntervalAPairedComparisonAndTheVerdict() {
        Fixture f = new Fixture();
        List<Trial> trials = new ArrayList<>();
        List<JudgeScore> scores = new ArrayList<>();
        double[] base = {5, 4, 5, 4, 5, 4};
        double[] opt = {4, 4, 5, 3, 4, 4};
        for (int i = 0; i < base.length; i++) {
            Trial b = f.ok(1, 10 + i, "m", 1, "0.0010", "long answer " + i);
            Trial o = f.ok(2, 10 + i, "m", 1, "0.0005", "short answer " + i);
            trials.add(b);
            trials.add(o);
            scores.add(new JudgeScore(100 + 2 * i, b.id(), "gpt-4o-mini", "r", base[i], "ok", Instant.now()));
            scores.add(new JudgeScore(101 + 2 * i, o.id(), "gpt-4o-mini", "r", opt[i], "ok", Instant.now()));
            // another judge's scores do not count while the settings name this one
            scores.add(new JudgeScore(900 + i, o.id(), "other-model", "r", 1, "harsh", Instant.now()));
        }
        ExperimentData data = new ExperimentData(
                List.of(Fixture.variant(1, 0, "long", true), Fixture.variant(2, 1, "short", false)),
                List.of("m"),
                trials,
                List.of(),
                scores);
        ExperimentResults r = LabResults.analyze(data, JUDGE, StatsOptions.defaults());
        QualitySummary q = r.qualityOf(2, "m").orElseThrow();
        assertEquals(6, q.judgeScores().n());
        assertEquals(4.0, q.judgeScores().mean(), 1e-12);
        assertTrue(q.judgeScores().meanCi() != null && q.judgeScores().meanCi().low() < 4.0);
        ExperimentResults.Comparison c = r.comparison(2, "m").orElseThrow();
        assertEquals(MeanComparison.Method.PAIRED_T, c.judge().method());
        assertEquals(0.5, c.judge().difference(), 1e-12); // baseline 4.5 vs 4.0
        assertEquals(QualityMeasure.JUDGE_SCORE, c.quality().measure());
        assertEquals(11.1, c.quality().dropPercent(), 0.05);
        assertTrue(
                c.verdict().sentence().startsWith("Keep baseline")
                        || c.verdict().sentence().startsWith("Not"),
                c.verdict().sentence());
        // with all judges' scores pooled the mean drops
        ExperimentResults pooled = LabResults.analyze(data, "{}", StatsOptions.defaults());
        assertTrue(pooled.qualityOf(2, "m").orElseThrow().judgeScores().mean() < 3);
        assertNull(LabResults.analyze(
                        new ExperimentData(data.variants(), data.models(), trials, List.of(), List.of()),
                        JUDGE,
                        StatsOptions.defaults())
                .comparison(2, "m")
                .orElseThrow()
                .judge());
    }

    @Test
    void settingsKeepEverythingElseWhenChecksThresholdsOrTheJudgeAreEdited() {
        QualitySettings q = QualitySettings.read(JUDGE);
        assertEquals("gpt-4o-mini", q.judge().model());
        assertEquals(QualityMeasure.JUDGE_SCORE, q.thresholds().qualityMeasure());
        String edited = q.withChecks(List.of(Check.contains("order"), Check.maxChars(600)))
                .withThresholds(new VerdictThresholds(20, 5, QualityMeasure.CHECK_PASS_RATE, true))
                .withJudge(null)
                .writeInto(JUDGE);
        assertTrue(edited.contains("\"run\":{\"format\":1}"), edited);
        QualitySettings back = QualitySettings.read(edited);
        assertEquals(2, back.checks().size());
        assertEquals(20, back.thresholds().minSavingPercent());
        assertNull(back.judge());
    }

    @Test
    void theExperimentFileCarriesChecksVerdictAndJudge() throws Exception {
        String file = "{\"name\":\"x\",\"models\":[\"gpt-4o-mini\"],\"variants\":[{\"name\":\"a\",\"user\":\"hi\"}],"
                + "\"checks\":[{\"type\":\"regex\",\"value\":\"^\\\\{\"}],\"verdict\":{\"minSavingPercent\":25},"
                + "\"judge\":{\"model\":\"claude-haiku-4-5\",\"rubric\":\"be strict\",\"scale\":10,\"reference\":true}}";
        var spec = SpecJson.parse(file, "x.json", null);
        assertEquals(JudgeSpec.class, spec.quality().judge().getClass());
        assertEquals(10, spec.quality().judge().scale());
        assertTrue(spec.quality().judge().reference());
        assertEquals(25, spec.quality().thresholds().minSavingPercent());
        assertEquals(
                spec.quality(),
                SpecJson.parse(SpecJson.write(spec), "again", null).quality(),
                "round trip");
        SpecException bad = assertThrows(
                SpecException.class, () -> SpecJson.parse(file.replace("\"scale\":10", "\"scale\":1"), "x.json", null));
        assertTrue(bad.getMessage().contains("judge.scale"), bad.getMessage());
        SpecException regex =
                assertThrows(SpecException.class, () -> SpecJson.parse(file.replace("^\\\\{", "(x"), "x.json", null));
        assertTrue(regex.getMessage().contains("invalid regex"), regex.getMessage());
    }
}
