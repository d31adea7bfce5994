// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 14 part 4: experiment numbers, the trial limit and JSONL limits. */
class SpecNumbersTest {

    /** Only a guard against hangs and runaway memory; not a speed target. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    private static String spec(String extra) {
        return "{\"name\":\"n\",\"models\":[\"m\"],\"variants\":[{\"name\":\"a\",\"user\":\"{{x}}\"}]" + extra + "}";
    }

    private static SpecException refused(String json) {
        return assertTimeoutPreemptively(
                HANG_GUARD, () -> assertThrows(SpecException.class, () -> SpecJson.parse(json, "x.json", null)));
    }

    @Test
    void aHundredMillionRepetitionsAreRefusedWithTheRange() {
        SpecException e = refused(spec(",\"repetitions\":100000000"));
        assertEquals("x.json: repetitions: 100000000 is out of range (1 to 1000 repetitions)", e.getMessage());
    }

    @Test
    void theTrialLimitIsNamedWhenTheProductIsTooLarge() throws Exception {
        StringBuilder inputs = new StringBuilder(",\"inputs\":[");
        for (int i = 0; i < 101; i++) {
            inputs.append(i == 0 ? "" : ",")
                    .append("{\"label\":\"i")
                    .append(i)
                    .append("\",\"variables\":{\"x\":\"")
                    .append(i)
                    .append("\"}}");
        }
        SpecException e = refused(spec(",\"repetitions\":1000" + inputs + "]"));
        assertEquals(
                "x.json: the experiment plans 101,000 trials (1 variants × 1 models × 101 inputs × 1,000 "
                        + "repetitions); CostBench runs at most 100,000 trials per experiment (the trial limit): use fewer "
                        + "repetitions, inputs, models or variants",
                e.getMessage());
        SpecJson.parse(spec(",\"repetitions\":1000"), "x.json", null); // 1,000 trials: fine
    }

    @Test
    void hugeAndNonFiniteNumbersAreRefusedWithTheirField() {
        assertEquals(
                "x.json: budgetUsd: 1E+100000000 is out of range (0 to 1000000000 $)",
                refused(spec(",\"budgetUsd\":\"1e100000000\"")).getMessage());
        assertEquals(
                "x.json: budgetUsd: 1E+100000000 is out of range (0 to 1000000000 $)",
                refused(spec(",\"budgetUsd\":1e100000000")).getMessage());
        assertEquals(
                "x.json: parameters.temperature: 1E+400 is out of range (0 to 2, a temperature)",
                refused(spec(",\"parameters\":{\"temperature\":1e400}")).getMessage());
        assertEquals(
                "x.json: variants[0].parameters.maxOutputTokens: 10000000000 is out of range (0 to 100000000 tokens)",
                refused("{\"name\":\"n\",\"models\":[\"m\"],\"variants\":[{\"name\":\"a\",\"user\":\"x\","
                                + "\"parameters\":{\"maxOutputTokens\":1e10}}]}")
                        .getMessage());
        assertTrue(refused(spec(",\"parameters\":{\"temperature\":NaN}"))
                .getMessage()
                .startsWith("x.json: not valid JSON"));
    }

    @Test
    void aJsonlLineOverTwentyMillionCharactersIsRead() {
        String text = "x".repeat(21_000_000);
        List<ExperimentSpec.InputSpec> in = TestInputs.jsonl("{\"text\":\"" + text + "\"}\n", "big.jsonl");
        assertEquals(21_000_000, in.get(0).variables().get("text").length());
    }

    @Test
    void aValueOverTheLimitIsTooLongNotInvalidJson() {
        SpecException e = assertThrows(
                SpecException.class, () -> TestInputs.jsonl("{\"n\":1" + "0".repeat(1_500) + "}\n", "big.jsonl"));
        assertEquals(
                "big.jsonl line 1: too long: a number has more than 1,000 characters (limit 1,000)", e.getMessage());
    }
}
