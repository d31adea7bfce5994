// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tokens;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.Arrays;
import java.util.Random;
import java.util.function.IntPredicate;

/**
 * Differential test against jtokkit 1.1.0 (the previous implementation, exact for Unicode 13.0): identical token ids,
 * not only counts, on a generated corpus of random Unicode across scripts and categories.
 *
 * <p>jtokkit classifies characters with the JDK's Unicode 13.0 tables, tiktoken with Unicode 16.0 ones. The 10,123 code
 * points assigned in Unicode 14.0–16.0 are letters, marks or numbers to tiktoken and to CostBench, but unassigned to
 * jtokkit on JDK 17, so the corpus compared with jtokkit leaves them out; {@code TiktokenReferenceTest} covers them
 * against tiktoken itself.
 */
class TokenizerDifferentialTest {

    private static final EncodingRegistry JTOKKIT = Encodings.newLazyEncodingRegistry();

    /** Code points that JDK 17 classifies as Unicode 16.0 does. */
    static final IntPredicate SAME_IN_UNICODE_13 =
            cp -> UnicodeClasses.flags(cp) == UnicodeClassesGenerator.flagsOf(cp);

    @SuppressWarnings("checkstyle:inlineQualifiedName") // our Encoding and jtokkit's share the simple name
    static com.knuddels.jtokkit.api.Encoding jtokkit(Encoding e) {
        return JTOKKIT.getEncoding(e == Encoding.O200K_BASE ? EncodingType.O200K_BASE : EncodingType.CL100K_BASE);
    }

    @ForEachBpeEncoding
    void randomUnicodeEncodesLikeJtokkit(Encoding enc) {
        Tokenizer t = Tokenizer.of(enc);
        Random r = new Random(20261125L + enc.ordinal());
        long chars = 0;
        long tokens = 0;
        for (int i = 0; i < 4000; i++) {
            String text = RandomText.generate(r, 1 + r.nextInt(i % 50 == 0 ? 2000 : 120), SAME_IN_UNICODE_13);
            int[] expected = jtokkit(enc).encodeOrdinary(wellFormed(text)).toArray();
            int[] actual = t.encode(text);
            if (!Arrays.equals(expected, actual)) {
                fail("case " + i + " differs from jtokkit: " + describe(text) + "\nexpected "
                        + Arrays.toString(expected) + "\nactual   " + Arrays.toString(actual));
            }
            assertEquals(expected.length, t.count(text), "count of case " + i);
            chars += text.length();
            tokens += expected.length;
        }
        System.out.printf("%s: 4000 random texts, %,d chars, %,d tokens identical to jtokkit%n", enc, chars, tokens);
    }

    @ForEachBpeEncoding
    void countingBetweenEverySafePositionEqualsTheWhole(Encoding enc) {
        Tokenizer t = Tokenizer.of(enc);
        Random r = new Random(77 + enc.ordinal());
        for (int i = 0; i < 300; i++) {
            String text = RandomText.generate(r, 50 + r.nextInt(400), cp -> true);
            int whole = t.count(text);
            int sum = 0;
            int from = 0;
            for (int k = 1; k < text.length(); k++) {
                if (SafeBoundaries.isSafe(text, k)) {
                    sum += t.count(text, from, k);
                    from = k;
                }
            }
            sum += t.count(text, from, text.length());
            assertEquals(whole, sum, "case " + i + ": " + describe(text));
        }
    }

    @ForEachBpeEncoding
    void parallelEqualsSequential(Encoding enc) {
        Tokenizer t = Tokenizer.of(enc);
        Random r = new Random(5 + enc.ordinal());
        StringBuilder b = new StringBuilder();
        while (b.length() < 600_000) {
            b.append(RandomText.generate(r, 200, cp -> true));
        }
        String text = b.toString();
        int[] ids = t.encode(text);
        assertEquals(ids.length, t.countParallel(text));
        assertArrayEquals(ids, t.encodeParallel(text));
        assertEquals(ids.length, Tokenizers.count(enc, text));
        int[] bounds = Tokenizer.chunks(text, 4);
        assertEquals(true, bounds.length > 3, "cut into " + (bounds.length - 1) + " parts");
    }

    /** jtokkit cannot encode lone surrogates; a UTF-8 encoder (and CostBench) turns them into U+FFFD. */
    static String wellFormed(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                b.append(c).append(text.charAt(++i));
            } else {
                b.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return b.toString();
    }

    static String describe(String text) {
        StringBuilder b = new StringBuilder();
        text.codePoints().limit(400).forEach(cp -> {
            if (cp >= 0x20 && cp < 0x7F) {
                b.appendCodePoint(cp);
            } else {
                b.append(String.format("\\u{%X}", cp));
            }
        });
        return b + (text.length() > 400 ? "..." : "");
    }
}
