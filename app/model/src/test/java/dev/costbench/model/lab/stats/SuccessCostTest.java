// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.costbench.model.lab.JudgeScore;
import dev.costbench.model.lab.Trial;
import dev.costbench.model.lab.judge.JudgeSpec;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Cost per successful task: everything spent (failed trials, retries and judge calls included) divided by the trials
 * that succeeded; "no successful trial" rather than infinity or zero.
 */
class SuccessCostTest {

    private final Fixture f = new Fixture();

    @Test
    void failedTrialsRetriesAndJudgeCallsAreCountedAndOnlySuccessesDivide() {
        Trial ok1 = f.ok(1, 1, "gpt-4o-mini", 1, "0.010", "The order ships Monday.");
        Trial ok2 = f.ok(1, 2, "gpt-4o-mini", 1, "0.010", "No idea.");
        Trial failedThenRetried = f.failedBilled(1, 3, "gpt-4o-mini", 1, "0.004");
        Trial retry = f.ok(1, 3, "gpt-4o-mini", 1, "0.010", "It ships Tuesday.");
        Trial failed = f.failed(1, 4, "gpt-4o-mini", 1);
        JudgeSpec judge = JudgeSpec.of("gpt-4o-mini", JudgeSpec.DEFAULT_RUBRIC);
        List<JudgeScore> scores = List.of(score(ok1, judge, 5), score(ok2, judge, 2), score(retry, judge, 4));
        Map<Long, BigDecimal> judgeSpent = Map.of(
                ok1.id(), new BigDecimal("0.001"),
                ok2.id(), new BigDecimal("0.001"),
                retry.id(), new BigDecimal("0.001"));

        SuccessCost c = SuccessCost.compute(
                        List.of(ok1, ok2, failedThenRetried, retry, failed), List.of(), judge, scores, judgeSpent)
                .get(new SuccessCost.Key(1, "gpt-4o-mini"));

        assertEquals(5, c.trials());
        assertEquals(2, c.successes(), "ok1 (5/5) and the retry (4/5); ok2 scored 2/5, the failures failed");
        assertEquals(0, new BigDecimal("0.037").compareTo(c.spentUsd()), "3 × 0.010 + 0.004 + 3 × 0.001 judge");
        assertEquals(0, new BigDecimal("0.003").compareTo(c.judgeUsd()));
        assertEquals(0, new BigDecimal("0.0185").compareTo(c.perSuccessUsd()));
        assertEquals("$0.0185", c.headline());
        assertEquals(
                "$0.0185 per successful task (2 of 5 trials succeeded; $0.037 spent (judge $0.003), failures, retries "
                        + "and judge included)",
                c.describe());
    }

    @Test
    void aCheckThatFailsMakesTheTrialUnsuccessful() {
        Trial json = f.ok(1, 1, "m", 1, "0.02", "{\"a\": 1}");
        Trial prose = f.ok(1, 2, "m", 1, "0.02", "a is one");
        SuccessCost c = SuccessCost.compute(List.of(json, prose), List.of(Check.validJson()), null, List.of(), Map.of())
                .get(new SuccessCost.Key(1, null));
        assertEquals(1, c.successes());
        assertEquals(0, new BigDecimal("0.04").compareTo(c.perSuccessUsd()));
    }

    @Test
    void noSuccessfulTrialIsSaidAsSuchNotAsInfinityOrZero() {
        SuccessCost c = SuccessCost.compute(
                        List.of(f.failedBilled(2, 1, "m", 1, "0.003"), f.failed(2, 1, "m", 1)),
                        List.of(),
                        null,
                        List.of(),
                        Map.of())
                .get(new SuccessCost.Key(2, "m"));
        assertNull(c.perSuccessUsd());
        assertEquals("no successful trial", c.headline());
        assertEquals(
                "no successful trial (0 of 2 trials succeeded; $0.003 spent, failures, retries and judge included)",
                c.describe());
    }

    private static JudgeScore score(Trial t, JudgeSpec j, double s) {
        return new JudgeScore(t.id() * 10, t.id(), j.model(), j.rubric(), s, null, Fixture.T0);
    }
}
