// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.tokens.Encoding;
import dev.costbench.model.tokens.Tokenizers;
import java.util.List;
import org.junit.jupiter.api.Test;

class TuningSessionTest {

    static final String PROMPT = "It is important that you answer in order to help.   \n\n\n\n请保持简洁。\n";

    @Test
    void acceptOneByOneWithUndoAndRedo() {
        TuningSession s = new TuningSession(PROMPT, TuneOptions.of(ComponentBreakdownTest.model("gpt-4.1"), 1000));
        List<Suggestion> first = s.suggestions();
        assertTrue(first.size() >= 3, first.toString());
        Suggestion a = first.get(0);
        int before = Tokenizers.count(Encoding.O200K_BASE, PROMPT);
        s.accept(a);
        assertEquals(a.tokensSaved(Encoding.O200K_BASE), before - Tokenizers.count(Encoding.O200K_BASE, s.text()));
        assertEquals(a.tokensSaved(Encoding.O200K_BASE), s.tokensSaved(Encoding.O200K_BASE));
        assertFalse(s.suggestions().stream().anyMatch(x -> x.id().equals(a.id())), "applied suggestion is gone");
        Suggestion stale = first.get(1);
        assertThrows(IllegalArgumentException.class, () -> s.accept(stale));
        Suggestion b = s.suggestions().get(0);
        s.accept(b);
        String both = s.text();
        assertEquals(List.of(a, b), s.accepted());
        assertEquals(b, s.undo());
        assertEquals(a, s.undo());
        assertEquals(PROMPT, s.text());
        assertFalse(s.canUndo());
        s.redo();
        s.redo();
        assertEquals(both, s.text());
        assertTrue(s.text().contains("请保持简洁。"));
        s.setText("Short.");
        assertFalse(s.canUndo() || s.canRedo());
    }

    @Test
    void textEditsRefuseStaleAndOverlappingEdits() {
        String t = "abcdef";
        TextEdit e = TextEdit.of(t, 1, 3, "X");
        assertEquals("aXdef", TextEdit.applyAll(t, List.of(e)));
        assertEquals(t, TextEdit.applyAll("aXdef", TextEdit.inverse(List.of(e))));
        assertThrows(IllegalArgumentException.class, () -> TextEdit.applyAll("zzzzzz", List.of(e)));
        assertThrows(IllegalArgumentException.class, () -> TextEdit.applyAll(t, List.of(e, TextEdit.of(t, 2, 4, ""))));
        List<TextEdit> two = List.of(TextEdit.of(t, 4, 6, "🙂🙂"), TextEdit.of(t, 0, 1, ""));
        String after = TextEdit.applyAll(t, two);
        assertEquals("bcd🙂🙂", after);
        assertEquals(t, TextEdit.applyAll(after, TextEdit.inverse(two)));
    }
}
