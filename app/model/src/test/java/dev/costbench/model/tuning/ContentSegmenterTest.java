// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ContentSegmenterTest {

    private static List<String> kinds(String text) {
        List<String> out = new ArrayList<>();
        for (ContentSpan s : ContentSegmenter.segment(text)) {
            out.add(s.kind() + ":" + s.of(text));
        }
        return out;
    }

    @Test
    void plainEnglishIsOneProseSpan() {
        String t = "You are a helpful assistant. Answer briefly, in 3 sentences or fewer!";
        assertEquals(List.of("PROSE:" + t), kinds(t));
    }

    @Test
    void emptyTextHasNoSpans() {
        assertTrue(ContentSegmenter.segment("").isEmpty());
    }

    @Test
    void fencedCodeIsCodeAndJsonFencesAreJson() {
        String t = "Fix this:\n```python\ndef f(x):\n    return x\n```\nand this schema:\n```json\n{\"a\": 1}\n```\n";
        assertEquals(
                List.of(
                        "PROSE:Fix this:\n",
                        "CODE:```python\ndef f(x):\n    return x\n```\n",
                        "PROSE:and this schema:\n",
                        "JSON:```json\n{\"a\": 1}\n```\n"),
                kinds(t));
    }

    @Test
    void untaggedFenceHoldingJsonIsJson() {
        String t = "Example:\n```\n{\"name\": \"x\", \"tags\": [1, 2]}\n```\nDone.";
        assertEquals(
                List.of("PROSE:Example:\n", "JSON:```\n{\"name\": \"x\", \"tags\": [1, 2]}\n```\n", "PROSE:Done."),
                kinds(t));
    }

    @Test
    void bareJsonBlockIsJson() {
        String t = "Reply with:\n{\n  \"answer\": \"yes\",\n  \"score\": 0.9\n}\nNothing else.";
        assertEquals(
                List.of(
                        "PROSE:Reply with:\n",
                        "JSON:{\n  \"answer\": \"yes\",\n  \"score\": 0.9\n}",
                        "PROSE:\nNothing else."),
                kinds(t));
    }

    @Test
    void unfencedCodeLinesAreCodeButOneLooseLineIsNot() {
        String t = "Here is the function:\nimport os\nx = os.getcwd()\nprint(x)\nThat is all.";
        assertEquals(
                List.of(
                        "PROSE:Here is the function:\n",
                        "CODE:import os\nx = os.getcwd()\nprint(x)\n",
                        "PROSE:That is all."),
                kinds(t));
        assertEquals(List.of("PROSE:Remember: return the answer only."), kinds("Remember: return the answer only."));
    }

    @Test
    void inlineCodeIsCode() {
        assertEquals(
                List.of("PROSE:Call ", "CODE:`get_user(id)`", "PROSE: first."), kinds("Call `get_user(id)` first."));
    }

    @Test
    void cjkRunsAreCjkWithTheirPunctuation() {
        assertEquals(
                List.of("PROSE:Translate:", "CJK: 你好，世界。こんにちは、한국어", "PROSE: (please)"),
                kinds("Translate: 你好，世界。こんにちは、한국어 (please)"));
    }

    @Test
    void otherScriptsAreOtherScripts() {
        assertEquals(
                List.of("PROSE:Say", "OTHER_SCRIPT: مرحبا بالعالم", "PROSE: and", "OTHER_SCRIPT: Привет!"),
                kinds("Say مرحبا بالعالم and Привет!"));
        assertEquals(List.of("PROSE:Hello,", "CJK: 世界"), kinds("Hello, 世界"));
    }

    @Test
    void neutralTextAtTheStartJoinsTheFollowingScript() {
        assertEquals(List.of("CJK:2024年の売上"), kinds("2024年の売上"));
        assertEquals(List.of("PROSE:42 🙂 !!"), kinds("42 🙂 !!"));
    }

    @Test
    void spansCoverAnyTextExactly() {
        Random r = new Random(3);
        String[] parts = {
            "word ",
            "日本 ",
            "مرحبا ",
            "```\n",
            "{\"a\": [1]}\n",
            "x = 1;\n",
            "`c` ",
            "\n",
            "🙂",
            "\ud800",
            "  ",
            "def f():\n",
            "Привет "
        };
        for (int k = 0; k < 500; k++) {
            StringBuilder b = new StringBuilder();
            for (int i = r.nextInt(30); i > 0; i--) {
                b.append(parts[r.nextInt(parts.length)]);
            }
            String t = b.toString();
            List<ContentSpan> spans = ContentSegmenter.segment(t);
            int at = 0;
            ContentKind prev = null;
            for (ContentSpan s : spans) {
                assertEquals(at, s.start(), t);
                assertNotEquals(prev, s.kind(), t);
                assertTrue(
                        !Character.isLowSurrogate(t.charAt(s.start()))
                                || s.start() == 0
                                || !Character.isHighSurrogate(t.charAt(s.start() - 1)),
                        "span cuts a surrogate pair: " + t);
                prev = s.kind();
                at = s.end();
            }
            assertEquals(t.length(), at, t);
        }
    }
}
