// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckTest {

    @Test
    void containsAndNotContains() {
        assertTrue(Check.contains("refund").evaluate("We will refund you.").passed());
        assertFalse(Check.contains("Refund").evaluate("We will refund you.").passed());
        assertTrue(Check.contains("Refund")
                .ignoringCase()
                .evaluate("We will REFUND you.")
                .passed());
        assertTrue(Check.notContains("sorry").evaluate("We will refund you.").passed());
        assertFalse(Check.notContains("sorry").ignoringCase().evaluate("Sorry!").passed());
        assertTrue(Check.contains("退款").evaluate("我们将为您退款。").passed());
        assertThrows(IllegalArgumentException.class, () -> Check.contains(""));
    }

    @Test
    void regex() {
        assertTrue(
                Check.regex("ticket #\\d+").evaluate("see ticket #123 please").passed());
        assertFalse(Check.regex("^ticket").evaluate("see ticket #123").passed());
        assertTrue(Check.regex("^TICKET").ignoringCase().evaluate("ticket #1").passed());
        assertThrows(IllegalArgumentException.class, () -> Check.regex("(unclosed"));
    }

    @Test
    void validJson() {
        Check j = Check.validJson();
        assertTrue(j.evaluate("{\"a\": [1, 2, {\"b\": null}]}").passed());
        assertTrue(j.evaluate("  [1, 2]\n").passed());
        assertTrue(j.evaluate("42").passed());
        assertFalse(j.evaluate("{\"a\": 1} trailing").passed());
        assertFalse(j.evaluate("```json\n{\"a\": 1}\n```").passed());
        assertFalse(j.evaluate("{'a': 1}").passed());
        assertFalse(j.evaluate("").passed());
        assertEquals("empty", j.evaluate("  ").detail());
    }

    @Test
    void maxLength() {
        assertTrue(Check.maxChars(5).evaluate("héllo").passed());
        assertFalse(Check.maxChars(4).evaluate("héllo").passed());
        // characters are code points: an emoji outside the BMP counts once
        assertTrue(Check.maxChars(1).evaluate("😀").passed());
        assertEquals("2 chars", Check.maxChars(1).evaluate("我们").detail());
        // tokens as billed when known, else counted with o200k_base
        assertTrue(Check.maxTokens(10).evaluate("anything long", 10L).passed());
        assertFalse(Check.maxTokens(10).evaluate("x", 11L).passed());
        assertTrue(Check.maxTokens(3).evaluate("Hello world").passed());
        assertFalse(Check.maxTokens(1).evaluate("Hello world").passed());
        assertTrue(Check.maxChars(0).evaluate("").passed());
    }

    @Test
    void aFailedTrialFailsEveryCheck() {
        for (Check c : List.of(Check.contains("a"), Check.notContains("a"), Check.validJson(), Check.maxChars(9))) {
            assertFalse(c.evaluate(null).passed(), c.label());
        }
    }

    @Test
    void jsonRoundTrip() throws Exception {
        List<Check> checks = List.of(
                Check.contains("refund").ignoringCase(),
                Check.notContains("sorry"),
                Check.regex("#\\d+"),
                Check.validJson(),
                Check.maxChars(600),
                Check.maxTokens(200));
        var array = new ObjectMapper().createArrayNode();
        checks.forEach(c -> array.add(c.toJson()));
        assertEquals(checks, Check.listFromJson(new ObjectMapper().readTree(array.toString())));
        assertEquals("contains \"refund\" (any case)", checks.get(0).label());
        assertEquals("≤ 600 chars", checks.get(4).label());
        assertThrows(
                IllegalArgumentException.class,
                () -> Check.fromJson(new ObjectMapper().readTree("{\"type\":\"spellcheck\"}")));
        assertEquals(List.of(), Check.listFromJson(null));
    }
}
