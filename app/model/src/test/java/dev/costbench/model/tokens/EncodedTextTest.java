// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tokens;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Token offsets: the pieces decode to exactly the text, in whatever script, and split characters merge. */
class EncodedTextTest {

    private static final List<Encoding> BOTH = List.of(Encoding.O200K_BASE, Encoding.CL100K_BASE);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "Hello, world!",
                "  two\n\nlines\r\n\ttabbed  ",
                "日本語のテキストを数える。",
                "你好，世界！这是一个测试。",
                "한국어 문장입니다",
                "مرحبا بالعالم، هذا اختبار",
                "Привет, мир",
                "emoji 👩‍👩‍👧‍👦 🇩🇪 👍🏽 ✨",
                "mixed: café naïve 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ∑∫",
                "def f(x):\n    return {\"a\": [1, 2]}\n",
                "lone \ud800 surrogate \udc00 end",
                "<|endoftext|>"
            })
    void piecesDecodeToTheTextExactly(String text) {
        for (Encoding e : BOTH) {
            assertRoundTrip(EncodedText.encode(e, text));
        }
    }

    @Test
    void referenceTextsRoundTrip() throws Exception {
        ObjectMapper om = new ObjectMapper();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("/tokenizer-reference.jsonl"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String text = om.readTree(line).get("text").asText();
                for (Encoding e : BOTH) {
                    assertRoundTrip(EncodedText.encode(e, text));
                }
            }
        }
    }

    @Test
    void randomTextsRoundTrip() {
        Random r = new Random(7);
        for (int i = 0; i < 200; i++) {
            String text = RandomText.generate(r, 1 + r.nextInt(60), cp -> true);
            for (Encoding e : BOTH) {
                assertRoundTrip(EncodedText.encode(e, text));
            }
        }
    }

    @Test
    void tokensSplittingACharacterMergeIntoOnePieceWithAllTheirIds() {
        // A rare CJK character is more than one token under cl100k_base: its bytes are split between tokens.
        String text = "龘";
        EncodedText t = EncodedText.encode(Encoding.CL100K_BASE, text);
        assertTrue(t.size() > 1, "expected a split character, got " + t.size() + " token(s)");
        assertEquals(1, t.pieceCount());
        TokenPiece p = t.piece(0);
        assertTrue(p.splitsCharacter());
        assertEquals(t.size(), p.tokenCount());
        assertEquals(text, p.of(text));
        for (int i = 0; i < t.size(); i++) {
            assertEquals(0, t.charStart(i));
            assertEquals(1, t.charEnd(i));
        }
        assertEquals(0, t.byteStart(0));
        assertEquals(3, t.byteEnd(t.size() - 1));
    }

    @Test
    void displayMakesWhitespaceVisibleAndDescribesSplitCharacters() {
        assertEquals("·a↵→b␍", TokenDisplay.visible(" a\n\tb\r"));
        EncodedText t = EncodedText.encode(Encoding.CL100K_BASE, "龘");
        String d = TokenDisplay.describe(t, t.piece(0));
        assertTrue(d.startsWith(t.size() + " tokens " + t.id(0) + "+" + t.id(1)), d);
        assertTrue(d.contains("chars 0–1 (1) · bytes 0–3 (3)"), d);
        assertTrue(d.contains("E9"), d); // 龘 is E9 BE 98 in UTF-8
        EncodedText h = EncodedText.encode(Encoding.O200K_BASE, "Hello world");
        assertEquals(
                "token " + h.id(1) + "\n“·world”\nchars 5–11 (6) · bytes 5–11 (6)",
                TokenDisplay.describe(h, h.piece(1)));
    }

    @ForEachBpeEncoding
    void idsAndCountsAgreeWithTheTokenizer(Encoding e) {
        String text = "The quick brown fox — 狐狸 — jumps 🦊 over the lazy dog.";
        EncodedText t = EncodedText.encode(e, text);
        assertArrayEquals(Tokenizers.encode(e, text), t.ids());
        assertEquals(Tokenizers.count(e, text), t.size());
        assertEquals(text.getBytes(StandardCharsets.UTF_8).length, t.byteEnd(t.size() - 1));
    }

    @Test
    void asciiTokensHaveEqualByteAndCharSpans() {
        String text = "Hello world, hello tokens";
        EncodedText t = EncodedText.encode(Encoding.O200K_BASE, text);
        assertEquals(t.size(), t.pieceCount());
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            assertEquals(t.byteStart(i), t.charStart(i));
            assertEquals(t.byteEnd(i), t.charEnd(i));
            pieces.add(text.substring(t.charStart(i), t.charEnd(i)));
        }
        assertEquals(List.of("Hello", " world", ",", " hello", " tokens"), pieces);
    }

    @Test
    void largeTextsEncodeInParallelWithTheSameOffsets() {
        String para = "Some prose, 一些中文, and code: x = f(y); 🙂\n";
        String text = para.repeat(Tokenizers.PARALLEL_THRESHOLD / para.length() + 10);
        EncodedText t = EncodedText.encode(Encoding.O200K_BASE, text);
        assertEquals(Tokenizers.count(Encoding.O200K_BASE, text), t.size());
        assertEquals(text.length(), t.piece(t.pieceCount() - 1).charEnd());
    }

    /** Concatenated piece texts are the text; each piece's token bytes decode to the piece's text. */
    static void assertRoundTrip(EncodedText t) {
        String text = t.text();
        String normalized = wellFormed(text);
        StringBuilder joined = new StringBuilder();
        int expectStart = 0;
        int tokens = 0;
        for (TokenPiece p : t.pieces()) {
            assertEquals(expectStart, p.charStart(), "pieces must be contiguous");
            assertTrue(p.charEnd() > p.charStart());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (int i = p.firstToken(); i < p.endToken(); i++) {
                bytes.writeBytes(t.bytes(i));
            }
            String piece = p.of(text);
            assertEquals(wellFormed(piece), bytes.toString(StandardCharsets.UTF_8), "piece " + p);
            assertEquals(wellFormed(piece).getBytes(StandardCharsets.UTF_8).length, p.byteEnd() - p.byteStart());
            joined.append(piece);
            expectStart = p.charEnd();
            tokens += p.tokenCount();
        }
        assertEquals(text, joined.toString());
        assertEquals(t.size(), tokens);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (int i = 0; i < t.size(); i++) {
            all.writeBytes(t.bytes(i));
        }
        assertEquals(normalized, all.toString(StandardCharsets.UTF_8));
    }

    private static String wellFormed(String s) {
        return TokenizerDifferentialTest.wellFormed(s);
    }
}
