// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written pre-tokenizers against the split patterns themselves, run by java.util.regex (a backtracking
 * engine like tiktoken's; {@code UNICODE_CHARACTER_CLASS} gives {@code \s} its White_Space meaning and {@code (?i)}
 * Unicode case folding). The regex engine classifies with JDK 17's Unicode 13.0, so random text keeps to code points
 * classified the same in Unicode 16.0; lone surrogates are replaced by U+FFFD for the regex (one char for one).
 */
class SplitterTest {

    static final Pattern O200K = Pattern.compile(
            String.join(
                    "|",
                    "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]*[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
                    "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]+[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
                    "\\p{N}{1,3}",
                    " ?[^\\s\\p{L}\\p{N}]+[\\r\\n/]*",
                    "\\s*[\\r\\n]+",
                    "\\s+(?!\\S)",
                    "\\s+"),
            Pattern.UNICODE_CHARACTER_CLASS);

    static final Pattern CL100K = Pattern.compile(
            "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+"
                    + "|\\s+(?!\\S)|\\s+",
            Pattern.UNICODE_CHARACTER_CLASS);

    static List<String> regexPieces(Pattern p, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(TokenizerDifferentialTest.wellFormed(text));
        int last = 0;
        while (m.find()) {
            if (m.start() != last) {
                throw new AssertionError("gap before " + m.start());
            }
            out.add(text.substring(m.start(), m.end()));
            last = m.end();
        }
        assertEquals(text.length(), last);
        return out;
    }

    static List<String> pieces(boolean o200k, String text) {
        List<String> out = new ArrayList<>();
        int p = 0;
        while (p < text.length()) {
            int e = o200k ? Splitter.nextO200k(text, p, text.length()) : Splitter.nextCl100k(text, p, text.length());
            out.add(text.substring(p, e));
            p = e;
        }
        return out;
    }

    @Test
    void randomTextSplitsLikeTheRegex() {
        Random r = new Random(1234);
        for (int i = 0; i < 3000; i++) {
            String text = RandomText.generate(r, 1 + r.nextInt(80), TokenizerDifferentialTest.SAME_IN_UNICODE_13);
            assertEquals(
                    regexPieces(O200K, text),
                    pieces(true, text),
                    () -> "o200k: " + TokenizerDifferentialTest.describe(text));
            assertEquals(
                    regexPieces(CL100K, text),
                    pieces(false, text),
                    () -> "cl100k: " + TokenizerDifferentialTest.describe(text));
        }
    }

    @Test
    void o200kCaseClassesAndBacktracking() {
        assertEquals(
                List.of("HTTPServer", " i", "Phone", " XMLHttp", "Request"),
                pieces(true, "HTTPServer iPhone XMLHttpRequest"));
        assertEquals(List.of("hello", "World's"), pieces(true, "helloWorld's"));
        assertEquals(List.of("HTTP's", " ABC"), pieces(true, "HTTP's ABC"));
        // U* gives back the last Lo so that W+ can match: "中A" splits after 中.
        assertEquals(List.of("中", "A"), pieces(true, "中A"));
        // A combining mark is both an optional prefix and in the letter classes.
        assertEquals(List.of("\u0301", "ABC", " "), pieces(true, "\u0301ABC "));
        assertEquals(List.of("!\u0301", "?"), pieces(true, "!\u0301?"));
        assertEquals(List.of("it'\u017F"), pieces(true, "it'\u017F"));
        assertEquals(List.of("*/\n/", "x"), pieces(true, "*/\n/x"));
    }

    @Test
    void whitespaceRules() {
        assertEquals(List.of("a", "  ", " b"), pieces(false, "a   b"));
        assertEquals(List.of("a", "  \n", "  ", " b"), pieces(false, "a  \n   b"));
        assertEquals(List.of("a", "   "), pieces(false, "a   "));
        assertEquals(List.of(" ", "1"), pieces(false, " 1"));
        assertEquals(List.of("\r\n\r\n"), pieces(true, "\r\n\r\n"));
        assertEquals(List.of("x", "\u3000y"), pieces(true, "x\u3000y"));
        assertEquals(List.of("'ll", " do"), pieces(false, "'ll do"));
        assertEquals(List.of("'l", " do"), pieces(false, "'l do"));
    }

    @Test
    void numbersGroupByThree() {
        assertEquals(List.of("123", "456", "7"), pieces(true, "1234567"));
        assertEquals(List.of("12½", "3"), pieces(false, "12½3"));
        assertEquals(List.of("٣٤٥", "6"), pieces(true, "٣٤٥6"));
    }
}
