// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.costbench.model.tokens.Encoding;
import dev.costbench.model.tokens.Tokenizers;
import java.io.StringReader;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Counting in blocks gives the count of the whole text, wherever the blocks are cut. */
class ChunkedCountTest {

    private static final String[] PIECES = {
        "Hello",
        " world",
        ",",
        "\n",
        "\r\n",
        "  ",
        "\t",
        "日本語",
        " テキスト",
        "123",
        "4567",
        "'s",
        "'LL",
        " don't",
        ".\n",
        "!!\n\n",
        "  \n",
        " \n x",
        "{\"a\": [1, 2]}",
        "<|endoftext|>",
        "CamelCase",
        "naïve",
        "ñ",
        "😀",
        " 😀x",
        "/",
        "//\n",
        "x/y",
        "éclair",
        " Zürich",
        "\u0301",
        "a\u0301b",
        "ｶﾀｶﾅ",
        "    def f(x):\n",
        "ΑΒΓ",
        " αβγ",
        "Ωmega\n",
        "\nword",
        "\n\nWord",
        " \nword"
    };

    @Test
    void blocksCutAnywhereAddUpToTheWholeCount() throws Exception {
        Random rnd = new Random(42);
        for (int round = 0; round < 60; round++) {
            StringBuilder b = new StringBuilder();
            int n = 50 + rnd.nextInt(400);
            for (int i = 0; i < n; i++) {
                b.append(PIECES[rnd.nextInt(PIECES.length)]);
            }
            String text = b.toString();
            for (Encoding e : Encoding.values()) {
                for (int block : new int[] {8, 33, 200}) {
                    assertEquals(
                            Tokenizers.count(e, text),
                            ChunkedCount.count(e, new StringReader(text), block),
                            e + ", block " + block + ": " + text);
                }
            }
        }
    }

    @Test
    void textWithoutACutIsCountedWhole() throws Exception {
        String digits = "1234567890".repeat(100);
        assertEquals(
                Tokenizers.count(Encoding.O200K_BASE, digits),
                ChunkedCount.count(Encoding.O200K_BASE, new StringReader(digits), 16));
    }
}
