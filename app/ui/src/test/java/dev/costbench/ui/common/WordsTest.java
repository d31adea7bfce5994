// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WordsTest {

    @Test
    void countsAgreeWithTheirNumber() {
        assertEquals("1 tile", Words.count(1, "tile"));
        assertEquals("0 tiles", Words.count(0, "tile"));
        assertEquals("1,200 models", Words.count(1200, "model"));
        assertEquals("2 repetitions", Words.count(2, "repetition"));
        assertEquals("1 child", Words.count(1, "child", "children"));
    }

    @Test
    void tokenChangesHaveOneSignAndTheRightNoun() {
        assertEquals("−1 token", Words.tokenChange(1, false, ""));
        assertEquals("≈ −1,200 output tokens", Words.tokenChange(1200, true, "output"));
        assertEquals("+3 tokens", Words.tokenChange(-3, false, ""), "a negative saving costs tokens, no −-3");
        assertEquals("0 tokens", Words.tokenChange(0, false, null));
        assertEquals("+12 tokens", Words.signedTokens(12));
        assertEquals("−1 token", Words.signedTokens(-1));
    }

    @Test
    void countsPerKindReadAsWords() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("TEXT", 1200L);
        m.put("image", 765L);
        assertEquals("text 1,200 · image 765", Words.perKind(m));
    }
}
