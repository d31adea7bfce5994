// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tokens;

import java.util.Random;
import java.util.function.IntPredicate;

/**
 * Random text that exercises every rule of the split patterns: code points from many scripts and every general
 * category (letters of all cases, combining marks, numbers of all kinds, punctuation, symbols, format characters,
 * private use, unassigned), emoji ZWJ, skin-tone, flag and keycap sequences, whitespace of every kind including long
 * runs and mixed CRLF, digit runs, contractions in any case (also with U+017F long s), camel case, lone surrogates and
 * special-token text.
 */
final class RandomText {

    private static final int[][] SCRIPTS = {
        {0x20, 0x7E},
        {0xA0, 0xFF},
        {0x100, 0x24F},
        {0x250, 0x2FF},
        {0x300, 0x36F},
        {0x370, 0x3FF},
        {0x400, 0x52F},
        {0x530, 0x58F},
        {0x590, 0x5FF},
        {0x600, 0x6FF},
        {0x700, 0x74F},
        {0x780, 0x7BF},
        {0x800, 0x8FF},
        {0x900, 0x97F},
        {0x980, 0x9FF},
        {0xB80, 0xBFF},
        {0xD00, 0xD7F},
        {0xE00, 0xE7F},
        {0xF00, 0xFFF},
        {0x1000, 0x109F},
        {0x10A0, 0x10FF},
        {0x1100, 0x11FF},
        {0x1200, 0x139F},
        {0x13A0, 0x13FF},
        {0x1780, 0x17FF},
        {0x1800, 0x18AF},
        {0x1AB0, 0x1AFF},
        {0x1C80, 0x1CFF},
        {0x1D00, 0x1DFF},
        {0x1E00, 0x1FFF},
        {0x2000, 0x206F},
        {0x2070, 0x20CF},
        {0x20D0, 0x20FF},
        {0x2100, 0x218F},
        {0x2190, 0x23FF},
        {0x2460, 0x24FF},
        {0x2500, 0x27BF},
        {0x2C00, 0x2C7F},
        {0x2D80, 0x2DDF},
        {0x2E80, 0x2FDF},
        {0x3000, 0x303F},
        {0x3040, 0x30FF},
        {0x3100, 0x31FF},
        {0x3200, 0x33FF},
        {0x3400, 0x4DBF},
        {0x4E00, 0x9FFF},
        {0xA000, 0xA4CF},
        {0xA640, 0xA69F},
        {0xA700, 0xA7FF},
        {0xA800, 0xABFF},
        {0xAC00, 0xD7AF},
        {0xE000, 0xF8FF},
        {0xF900, 0xFAFF},
        {0xFB00, 0xFDFF},
        {0xFE00, 0xFE6F},
        {0xFE70, 0xFFFF},
        {0x10000, 0x100FF},
        {0x10300, 0x1034F},
        {0x10400, 0x104FF},
        {0x10570, 0x105BF},
        {0x10D40, 0x10D8F},
        {0x11000, 0x1107F},
        {0x11F00, 0x11F5F},
        {0x12000, 0x123FF},
        {0x13000, 0x1342F},
        {0x16A70, 0x16ACF},
        {0x16D40, 0x16D7F},
        {0x1D400, 0x1D7FF},
        {0x1E290, 0x1E2FF},
        {0x1E4D0, 0x1E4FF},
        {0x1E5D0, 0x1E5FF},
        {0x1E900, 0x1E95F},
        {0x1F000, 0x1F0FF},
        {0x1F100, 0x1F1FF},
        {0x1F300, 0x1F64F},
        {0x1F680, 0x1F6FF},
        {0x1F900, 0x1FAFF},
        {0x20000, 0x2A6DF},
        {0x2EBF0, 0x2EE5F},
        {0x30000, 0x3134F},
        {0x31350, 0x323AF},
        {0xE0000, 0xE01EF},
        {0xF0000, 0xF00FF},
        {0x10FF00, 0x10FFFF},
    };

    private static final String[] FRAGMENTS = {
        " ",
        "  ",
        "   ",
        "\t",
        "\n",
        "\r\n",
        "\r",
        "\n\n",
        " \n",
        "\n ",
        " \r\n ",
        "\u00A0",
        "\u3000",
        "\u2028",
        "\u0085",
        "\u000B",
        "\u000C",
        "\u2009",
        "\u200B",
        "\uFEFF",
        "\u180E",
        "'s",
        "'S",
        "'t",
        "'T",
        "'re",
        "'RE",
        "'rE",
        "'ve",
        "'Ve",
        "'m",
        "'M",
        "'ll",
        "'LL",
        "'lL",
        "'d",
        "'D",
        "'\u017F",
        "'x",
        "'",
        "''",
        "’s",
        "n't",
        "I'm",
        "we'll",
        "HTTP's",
        "McDonald's",
        "iPhone",
        "HTTPServer",
        "XMLHttpRequest",
        "getURLFor",
        "ÀÉÎ",
        "àéî",
        "ǅungla",
        "ǈ",
        "ʰʱ",
        "ǃ",
        "0",
        "1",
        "12",
        "123",
        "1234",
        "12345678",
        "3.14",
        "1,000",
        "٣٤٥",
        "０１２",
        "²³",
        "½",
        "Ⅻ",
        "①②",
        "𝟘𝟙",
        "e\u0301",
        "a\u0308\u0323",
        "\u0301",
        "\u0301\u0301",
        "!\u0301",
        " \u0301",
        "A\u0301B",
        "\u0915\u094D\u0937",
        "नमस्ते",
        "ไทย",
        "한국어",
        "日本語",
        "漢字",
        "ｶﾀｶﾅ",
        "中文。",
        "，",
        "、",
        "😀",
        "👍🏽",
        "👨‍👩‍👧‍👦",
        "🏳️‍🌈",
        "🇩🇪",
        "🇯🇵🇺🇸",
        "1️⃣",
        "#️⃣",
        "\u200D",
        "\uFE0F",
        "❤️",
        "✨",
        "<|endoftext|>",
        "<|im_start|>",
        "<|fim_prefix|>",
        "//",
        "/*",
        "*/",
        "/",
        "///",
        "\\n",
        "->",
        "=>",
        "::",
        "{",
        "}",
        "()",
        "[]",
        ";",
        ",",
        ".",
        "...",
        "…",
        "—",
        "–",
        "-",
        "_",
        "__init__",
        "#",
        "@",
        "$",
        "%",
        "&",
        "*",
        "+",
        "=",
        "<",
        ">",
        "?",
        "!",
        "\"",
        "`",
        "~",
        "^",
        "|",
        "\u0000",
        "\u0001",
        "\u007F",
        "\u00AD",
        "\uD800",
        "\uDC00",
        "\uDBFF\uDFFF",
        "\uD83D",
        "\uDE00x",
        "\u0378",
        "\u2FE0",
        "\uFFFE",
        "\uFFFF",
    };

    private RandomText() {}

    /** Random text of about {@code pieces} fragments, with code points accepted by {@code allowed}. */
    static String generate(Random r, int pieces, IntPredicate allowed) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            int kind = r.nextInt(20);
            if (kind < 7) {
                append(b, FRAGMENTS[r.nextInt(FRAGMENTS.length)], allowed);
            } else if (kind < 13) {
                int[] range = SCRIPTS[r.nextInt(SCRIPTS.length)];
                int n = 1 + r.nextInt(r.nextInt(4) == 0 ? 30 : 6);
                for (int k = 0; k < n; k++) {
                    appendCodePoint(b, range[0] + r.nextInt(range[1] - range[0] + 1), allowed);
                }
            } else if (kind < 16) {
                appendWord(b, r);
            } else if (kind < 17) {
                int cp = r.nextInt(0x110000);
                appendCodePoint(b, cp, allowed);
            } else if (kind < 18) {
                // a long run of one kind: whitespace, digits, punctuation or letters
                String[] runs = {
                    " ", "\t", "\n", "\r\n", " \n", "0", "9", "-", "=", "a", "Z", "中", "😀", "\u0301", "\u3000"
                };
                String unit = runs[r.nextInt(runs.length)];
                int n = 1 + r.nextInt(r.nextInt(8) == 0 ? 3000 : 40);
                for (int k = 0; k < n; k++) {
                    b.append(unit);
                }
            } else {
                b.append(r.nextBoolean() ? ' ' : '\n');
            }
        }
        return b.toString();
    }

    private static void appendWord(StringBuilder b, Random r) {
        if (r.nextBoolean()) {
            b.append(' ');
        }
        int n = 1 + r.nextInt(12);
        int style = r.nextInt(4);
        for (int k = 0; k < n; k++) {
            char c = (char) ('a' + r.nextInt(26));
            boolean upper = style == 1 || (style == 2 && k == 0) || (style == 3 && r.nextInt(3) == 0);
            b.append(upper ? Character.toUpperCase(c) : c);
        }
    }

    private static void append(StringBuilder b, String s, IntPredicate allowed) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (!allowed.test(cp)) {
                return;
            }
            i += Character.charCount(cp);
        }
        b.append(s);
    }

    private static void appendCodePoint(StringBuilder b, int cp, IntPredicate allowed) {
        if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
            b.append((char) cp); // a lone surrogate
        } else if (allowed.test(cp)) {
            b.appendCodePoint(cp);
        }
    }
}
