// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Property: after any sequence of edits the incremental count equals a full recount. */
class IncrementalTokenCounterTest {

    /** Pieces chosen to hit every rule of the split patterns and the safe-boundary rule. */
    private static final String[] PIECES = {
        "a",
        "b",
        "Z",
        "é",
        "e\u0301",
        "ü",
        "ß",
        "the",
        " The",
        "HTTPServer",
        "'s",
        "'ll",
        "'",
        "’",
        " ",
        "  ",
        "\t",
        "\n",
        "\r\n",
        "\r",
        "\n\n",
        "   \n",
        "0",
        "12",
        "12345",
        "3.14",
        ",",
        ".",
        "!",
        "?",
        "—",
        "-",
        "/",
        "\\",
        "(",
        ")",
        "{",
        "}",
        "\"",
        "人",
        "工智能",
        "。",
        "，",
        "日本語",
        "한국어",
        "مرحبا",
        "،",
        "שלום",
        "🙂",
        "👨‍👩‍👧",
        "🇩🇪",
        "👍🏽",
        "\u200d",
        "\u0301",
        "\u0308",
        "𝔘",
        "𓀀",
        "<|endoftext|>",
        "\u3000",
        "\u00a0",
        "x",
        "y",
        " word",
        "Word",
        "\nLine",
        "\n\tcode()",
        "\u2028",
        "\u0085"
    };

    private static String randomText(Random r, int pieces) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            b.append(PIECES[r.nextInt(PIECES.length)]);
        }
        return b.toString();
    }

    @ForEachBpeEncoding
    void randomEditsMatchFullRecount(Encoding enc) {
        Random r = new Random(42 + enc.ordinal());
        for (int doc = 0; doc < 12; doc++) {
            IncrementalTokenCounter c = new IncrementalTokenCounter(enc);
            StringBuilder text = new StringBuilder(randomText(r, 200 + r.nextInt(3000)));
            c.update(text.toString());
            assertEquals(Tokenizers.count(enc, text.toString()), c.total());
            for (int edit = 0; edit < 150; edit++) {
                int pos = text.length() == 0 ? 0 : r.nextInt(text.length() + 1);
                switch (r.nextInt(4)) {
                    case 0: // insert
                        text.insert(pos, randomText(r, 1 + r.nextInt(6)));
                        break;
                    case 1: { // delete
                        int end = Math.min(text.length(), pos + r.nextInt(40));
                        text.delete(pos, end);
                        break;
                    }
                    case 2: { // replace
                        int end = Math.min(text.length(), pos + r.nextInt(10));
                        text.replace(pos, end, randomText(r, 1 + r.nextInt(3)));
                        break;
                    }
                    default: // paste a block
                        text.insert(pos, randomText(r, 50 + r.nextInt(400)));
                }
                String t = text.toString();
                // Edits may split surrogate pairs; the count must still match (lone surrogates are text too).
                assertEquals(Tokenizers.count(enc, t), c.update(t), "doc " + doc + " edit " + edit);
            }
        }
    }

    @Test
    void smallEditInLargeTextRecountsLittle() {
        StringBuilder b = new StringBuilder();
        Random r = new Random(1);
        while (b.length() < 400_000) {
            b.append(randomText(r, 20)).append(" and more words follow here\n");
        }
        IncrementalTokenCounter c = new IncrementalTokenCounter(Encoding.O200K_BASE);
        c.update(b.toString());
        b.insert(200_000, "inserted words");
        c.update(b.toString());
        assertTrue(c.lastRecountedChars() < 5_000, "recounted " + c.lastRecountedChars());
        assertEquals(Tokenizers.count(Encoding.O200K_BASE, b.toString()), c.total());
    }

    @Test
    void emptyAndClear() {
        IncrementalTokenCounter c = new IncrementalTokenCounter(Encoding.CL100K_BASE);
        assertEquals(0, c.update(""));
        assertEquals(Tokenizers.count(Encoding.CL100K_BASE, "hello world"), c.update("hello world"));
        assertEquals(0, c.update(""));
        assertEquals(0, c.segments());
    }

    @Test
    void everySafeBoundaryIsARealSplit() {
        Random r = new Random(9);
        for (int n = 0; n < 300; n++) {
            String t = randomText(r, 40);
            for (int i = 1; i < t.length(); i++) {
                if (SafeBoundaries.isSafe(t, i)) {
                    for (Encoding e : new Encoding[] {Encoding.O200K_BASE, Encoding.CL100K_BASE}) {
                        assertEquals(
                                Tokenizers.count(e, t),
                                Tokenizers.count(e, t.substring(0, i)) + Tokenizers.count(e, t.substring(i)),
                                e + " split at " + i + " of " + escape(t));
                    }
                }
            }
        }
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) {
            b.append(ch < 32 || ch > 126 ? String.format("\\u%04x", (int) ch) : String.valueOf(ch));
        }
        return b.toString();
    }
}
