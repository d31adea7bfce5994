// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tokens;

/**
 * Finds positions where the split patterns of o200k_base and cl100k_base always split, whatever comes before or
 * after. Counting the text on each side of such a position separately gives exactly the count of the whole.
 *
 * <p>A position {@code i} is safe when either
 * <ol>
 *   <li>the character before it is {@code '\n'} and the one at it is a letter: no pre-token contains a newline
 *       followed by a letter (letter pieces may start with one non-letter, but never with CR or LF), or</li>
 *   <li>a letter precedes it, a single "joiner" character {@code c} is at it and a letter follows {@code c}, where
 *       {@code c} is not CR, LF, a letter, a number, a mark or an ASCII apostrophe: the letter run before ends at
 *       {@code i} (marks and {@code 's}-style suffixes are the only non-letters a letter piece absorbs), and the
 *       piece at {@code i} is the letter alternative {@code [^\r\n\p{L}\p{N}]?\p{L}+}, which needs no context.</li>
 * </ol>
 * Neither pattern has a look-behind, so the match starting at a split is independent of what precedes it. Letters,
 * numbers and marks are those of Unicode 16.0, as in {@link UnicodeClasses}. The property tests in
 * {@code IncrementalTokenCounterTest} and {@code TokenizerDifferentialTest} check the rule against whole-text counts.
 */
public final class SafeBoundaries {

    private SafeBoundaries() {}

    /** True when {@code i} (0 &lt; i &lt; length) is a safe split position of {@code text}. */
    public static boolean isSafe(CharSequence text, int i) {
        int n = text.length();
        if (i <= 0 || i >= n) {
            return false;
        }
        char prev = text.charAt(i - 1);
        int here = Character.codePointAt(text, i);
        if (prev == '\n') {
            return isLetter(here);
        }
        if (Character.isLowSurrogate(text.charAt(i))) {
            return false; // never inside a surrogate pair
        }
        int before = Character.codePointBefore(text, i);
        if (!isLetter(before) || !isJoiner(here)) {
            return false;
        }
        int next = i + Character.charCount(here);
        return next < n && isLetter(Character.codePointAt(text, next));
    }

    private static boolean isLetter(int cp) {
        return (UnicodeClasses.flags(cp) & UnicodeClasses.LETTER) != 0;
    }

    /** Not CR, LF, an ASCII apostrophe, a letter, a number or a mark (marks are in o200k's UPPER and LOWER). */
    private static boolean isJoiner(int cp) {
        return cp != '\''
                && (UnicodeClasses.flags(cp)
                                & (UnicodeClasses.CR_LF
                                        | UnicodeClasses.LETTER
                                        | UnicodeClasses.NUMBER
                                        | UnicodeClasses.UPPER
                                        | UnicodeClasses.LOWER))
                        == 0;
    }

    /**
     * The first safe position at or after {@code from + minLength} and before {@code end}, or {@code end} when there
     * is none.
     */
    public static int next(CharSequence text, int from, int end, int minLength) {
        for (int i = Math.max(from + minLength, 1); i < end; i++) {
            if (isSafe(text, i)) {
                return i;
            }
        }
        return end;
    }
}
