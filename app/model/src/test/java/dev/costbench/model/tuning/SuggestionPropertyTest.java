// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.prompt.TextStats;
import dev.costbench.model.tokens.Encoding;
import dev.costbench.model.tokens.Tokenizers;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Properties over a generated corpus of prompts mixing bloat with CJK, Arabic, emoji, code, quotes and JSON: every
 * suggestion saves exactly what it claims, undoes exactly, and never rewrites text in other scripts or in code.
 */
class SuggestionPropertyTest {

    static final List<String> FRAGMENTS = List.of(
            "Please summarize the document. ",
            "It is important that you answer in French. ",
            "In order to reduce cost, keep it short. ",
            "   ",
            "\n\n\n\n",
            "  \n",
            "\n",
            "日本語の文章はそのままにしてください。",
            "مرحبا بكم في خدمة العملاء. ",
            "请不要改动代码。",
            "\n```js\nconst a  =  1;   \n\n\n\nplease();\n```\n",
            "`x  please  y` ",
            "Reply \"please   wait\". ",
            "Kindly check the input. ",
            "😀 emoji  here ",
            "Make sure to cite sources. ",
            "\n{\n  \"a\": \"b  c 中文\",\n  \"n\": 1.50,\n  \"description\": \"Please   describe\"\n}\n",
            "- Always cite your sources when you answer questions.\n",
            "Due to the fact that it rains, stay. ",
            "PLEASE STOP. ",
            "We were pleased. ",
            "\r\n",
            "\t",
            "Thank you, please.",
            "한국어 문장입니다. ",
            "I would like you to list three items. ",
            "At this point in time we wait. ",
            "Please please do it. ",
            "It’s important that you kindly please reply. ");

    static boolean foreign(int cp) {
        Character.UnicodeScript sc = Character.UnicodeScript.of(cp);
        return sc == Character.UnicodeScript.HAN
                || sc == Character.UnicodeScript.HIRAGANA
                || sc == Character.UnicodeScript.KATAKANA
                || sc == Character.UnicodeScript.ARABIC
                || sc == Character.UnicodeScript.HANGUL
                || Character.isSupplementaryCodePoint(cp);
    }

    static List<String> corpus(int n, long seed) {
        Random r = new Random(seed);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder b = new StringBuilder();
            int k = 3 + r.nextInt(14);
            for (int j = 0; j < k; j++) {
                b.append(FRAGMENTS.get(r.nextInt(FRAGMENTS.size())));
            }
            out.add(b.toString());
        }
        return out;
    }

    @Test
    void savingsAreRealUndoIsExactAndForeignTextIsUntouched() {
        ModelEntry gpt = ComponentBreakdownTest.model("gpt-4.1");
        ModelEntry claude = ComponentBreakdownTest.model("claude-opus-4-8");
        Set<SuggestionKind> wholeRemovals =
                Set.of(SuggestionKind.REPEATED, SuggestionKind.JSON_DESCRIPTIONS, SuggestionKind.FEW_SHOT);
        int checked = 0;
        List<String> corpus = corpus(150, 42);
        for (int i = 0; i < corpus.size(); i++) {
            String text = corpus.get(i);
            ModelEntry m = i % 3 == 0 ? claude : gpt;
            List<TextRange> fences = Regions.fences(text);
            List<Suggestion> list =
                    PromptTuner.suggest(text, TuneOptions.of(m, 1000).withDropJsonDescriptions(true));
            for (Suggestion s : list) {
                String after = s.apply(text);
                for (Encoding e : PromptTuner.ENCODINGS) {
                    assertEquals(Tokenizers.count(e, text) - Tokenizers.count(e, after), s.tokensSaved(e), s.id());
                }
                assertEquals(
                        ModelTokens.of(m, TextStats.of(text)).tokens()
                                - ModelTokens.of(m, TextStats.of(after)).tokens(),
                        s.modelTokensSaved(),
                        s.id());
                assertEquals(text, s.undo(after), s.id());
                for (TextEdit e : s.edits()) {
                    if (!wholeRemovals.contains(s.kind())) {
                        assertTrue(
                                e.original().codePoints().noneMatch(SuggestionPropertyTest::foreign),
                                s.id() + " rewrites '" + e.original() + "' in: " + text);
                    }
                    if (s.kind() != SuggestionKind.JSON_MINIFY && s.kind() != SuggestionKind.JSON_DESCRIPTIONS) {
                        assertFalse(Regions.overlaps(fences, e.start(), e.end()), s.id() + " edits code in " + text);
                    }
                }
                checked++;
            }
            PromptTuner.Applied all = PromptTuner.applyAll(text, list);
            for (TextRange f : fences) {
                if (!f.of(text).contains("{")) {
                    assertTrue(all.text().contains(f.of(text)), "fence kept: " + f.of(text));
                }
            }
            assertTrue(
                    Tokenizers.count(Encoding.O200K_BASE, all.text())
                            <= Tokenizers.count(Encoding.O200K_BASE, text)
                                    + all.accepted().size(),
                    "applying all does not grow the prompt");
        }
        assertTrue(checked > 300, "the corpus exercises many suggestions: " + checked);
    }
}
