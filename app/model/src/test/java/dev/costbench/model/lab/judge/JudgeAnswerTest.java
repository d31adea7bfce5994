// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The judge's answer is read strictly: a score in the scale, or a failure that says why — never a guess. */
class JudgeAnswerTest {

    @Test
    void plainJson() {
        JudgeAnswer a = JudgeAnswer.parse("{\"score\": 4, \"rationale\": \"Correct, a bit long.\"}", 5);
        assertTrue(a.ok());
        assertEquals(4.0, a.score());
        assertEquals("Correct, a bit long.", a.rationale());
    }

    @Test
    void jsonInACodeFenceOrWithTextAround() {
        JudgeAnswer fenced = JudgeAnswer.parse(
                "Here is my verdict:\n```json\n{\"score\": 3, \"rationale\": \"Misses " + "the refund.\"}\n```", 5);
        assertEquals(3.0, fenced.score());
        assertEquals("Misses the refund.", fenced.rationale());
        JudgeAnswer around =
                JudgeAnswer.parse("Sure. {\"score\": \"5\", \"reason\": \"complete\"} Hope this helps.", 5);
        assertEquals(5.0, around.score(), "a numeric string and reason for rationale");
        assertEquals("complete", around.rationale());
    }

    @Test
    void scoreLineFallback() {
        JudgeAnswer a = JudgeAnswer.parse("Score: 4\nThe answer is correct but verbose.", 5);
        assertEquals(4.0, a.score());
        assertEquals("The answer is correct but verbose.", a.rationale());
        assertEquals(2.0, JudgeAnswer.parse("**Score:** 2/5 — partly wrong", 5).score());
        assertEquals(7.0, JudgeAnswer.parse("score = 7", 10).score());
    }

    @Test
    void outOfScaleIsAFailureNotAClampedScore() {
        JudgeAnswer high = JudgeAnswer.parse("{\"score\": 7, \"rationale\": \"great\"}", 5);
        assertFalse(high.ok());
        assertNull(high.score());
        assertEquals("the judge's score 7 is outside the scale 1–5", high.error());
        assertFalse(JudgeAnswer.parse("{\"score\": 0}", 5).ok());
        assertFalse(JudgeAnswer.parse("Score: 8/10", 5).ok(), "another scale");
        assertTrue(JudgeAnswer.parse("Score: 8/10", 5).error().contains("another scale"));
    }

    @Test
    void unparsableAnswersAreFailures() {
        assertEquals(
                "the judge gave an empty answer", JudgeAnswer.parse("  ", 5).error());
        assertTrue(JudgeAnswer.parse("This answer is pretty good overall.", 5)
                .error()
                .startsWith("no score in the judge's answer"));
        assertTrue(JudgeAnswer.parse("{\"score\": \"high\"}", 5).error().contains("not a number"));
        assertTrue(JudgeAnswer.parse("Score: 3 ... on reflection, Score: 4", 5)
                .error()
                .contains("several scores"));
        assertEquals(
                4.0,
                JudgeAnswer.parse("{\"score\": 4", 5).score(),
                "a broken object falls back to the score " + "line");
    }
}
