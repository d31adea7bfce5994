// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class IncrementalPromptCounterTest {

    @Test
    void statsFollowEditsReordersAndRemovals() {
        IncrementalPromptCounter c = new IncrementalPromptCounter();
        List<TextStats> s = c.update(List.of("system", "a", "user"), List.of("Be brief.", "Example one", "Hi 👋"));
        assertEquals(List.of(TextStats.of("Be brief."), TextStats.of("Example one"), TextStats.of("Hi 👋")), s);
        s = c.update(List.of("a", "system", "user"), List.of("Example one!", "Be brief.", "Hi 👋 there"));
        assertEquals(List.of(TextStats.of("Example one!"), TextStats.of("Be brief."), TextStats.of("Hi 👋 there")), s);
        s = c.update(List.of("user"), List.of(""));
        assertEquals(List.of(TextStats.EMPTY), s);
    }

    @Test
    void codePointsCountEmojiOnce() {
        assertEquals(2, TextStats.of("👋🏽").codePoints());
    }
}
