// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tokens;

import static dev.costbench.model.tokens.UnicodeClasses.CR_LF;
import static dev.costbench.model.tokens.UnicodeClasses.LETTER;
import static dev.costbench.model.tokens.UnicodeClasses.LOWER;
import static dev.costbench.model.tokens.UnicodeClasses.NUMBER;
import static dev.costbench.model.tokens.UnicodeClasses.UPPER;
import static dev.costbench.model.tokens.UnicodeClasses.WHITESPACE;

/**
 * Hand-written pre-tokenizers, equivalent to the split patterns tiktoken matches with a backtracking regex engine
 * (leftmost alternative first, greedy quantifiers that give back). {@link #nextO200k} implements
 * <pre>
 * A1  [^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?
 * A2 |[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?
 * A3 |\p{N}{1,3}
 * A4 | ?[^\s\p{L}\p{N}]+[\r\n/]*
 * A5 |\s*[\r\n]+
 * A6 |\s+(?!\S)
 * A7 |\s+
 * </pre>
 * and {@link #nextCl100k}
 * <pre>
 * C1  (?i:'s|'t|'re|'ve|'m|'ll|'d)
 * C2 |[^\r\n\p{L}\p{N}]?\p{L}+
 * C3 |\p{N}{1,3}
 * C4 | ?[^\s\p{L}\p{N}]+[\r\n]*
 * C5 |\s*[\r\n]+
 * C6 |\s+(?!\S)
 * C7 |\s+
 * </pre>
 * Both return the end of the piece that starts at {@code p} in the text {@code s[0 .. to)} (the text is taken to end
 * at {@code to}). Every character belongs to exactly one piece. A lone surrogate is read as U+FFFD, as the UTF-8
 * encoder that produces the bytes does. Character classes come from {@link UnicodeClasses} (Unicode 16.0).
 *
 * <p>How the backtracking resolves, and therefore what the scanners do:
 * <ul>
 *   <li>A1 from {@code q}: the class-U run {@code [q, j)} is taken greedily. If the character at {@code j} is in W
 *       (then it is an {@code Ll}), W+ runs on from {@code j}. Otherwise U* gives back characters until W+ can match
 *       one: the match ends after the last W character of {@code [q, j)}; with none, A1 fails.</li>
 *   <li>The optional prefix is tried consumed first, then empty; the empty prefix only matters for a combining mark
 *       (the one prefix character that is also in U and W), for which A1 then always matches the mark alone.</li>
 *   <li>A5 matches a whitespace run up to and including its last CR or LF. A6 matches a whitespace run that reaches
 *       the end of the text, or all of a run but its last character when a non-space follows; a single whitespace
 *       character before a non-space falls to A7.</li>
 *   <li>Contractions are case-insensitive with Unicode simple case folding, so {@code 's} also matches U+017F
 *       (long s), as in the Rust regex crate.</li>
 * </ul>
 */
final class Splitter {

    /** Class flags of the ASCII characters (the same as {@link UnicodeClasses#flags}). */
    private static final byte[] ASCII = new byte[128];

    static {
        for (int c = 0; c < 128; c++) {
            ASCII[c] = (byte) UnicodeClasses.flags(c);
        }
    }

    private Splitter() {}

    /** The code point at {@code i} (&lt; to), with a lone surrogate read as U+FFFD. */
    static int codePointAt(String s, int i, int to) {
        char c = s.charAt(i);
        if (!Character.isSurrogate(c)) {
            return c;
        }
        if (Character.isHighSurrogate(c) && i + 1 < to) {
            char d = s.charAt(i + 1);
            if (Character.isLowSurrogate(d)) {
                return Character.toCodePoint(c, d);
            }
        }
        return 0xFFFD;
    }

    static int flags(int cp) {
        return cp < 128 ? ASCII[cp] : UnicodeClasses.flags(cp);
    }

    private static int width(int cp) {
        return cp >= 0x10000 ? 2 : 1;
    }

    // ---------------------------------------------------------------------------------------------- o200k_base

    static int nextO200k(String s, int p, int to) {
        char ch = s.charAt(p);
        // Fast paths for ASCII letters: A1/A2 on [A-Za-z] runs followed by ASCII.
        if (ch < 128) {
            int f = ASCII[ch];
            if ((f & LETTER) != 0) {
                return lettersO200k(s, p, to);
            }
            if (ch == ' ' && p + 1 < to) {
                char d = s.charAt(p + 1);
                if (d < 128 && (ASCII[d] & LETTER) != 0) {
                    return lettersO200k(s, p + 1, to);
                }
            }
        }
        int c = codePointAt(s, p, to);
        int f = flags(c);
        int n1 = p + width(c);
        if ((f & (LETTER | NUMBER | CR_LF)) == 0) {
            // A1 with the prefix consumed, then (for a mark) without it, then A2 with it.
            if (n1 < to) {
                int e = a1(s, n1, to);
                if (e >= 0) {
                    return e;
                }
            }
            if ((f & UPPER) != 0) {
                // A combining mark: A1 from p matches the mark alone, since no W character follows in its run.
                return contraction(s, n1, to);
            }
            if (n1 < to) {
                int e = a2(s, n1, to);
                if (e >= 0) {
                    return e;
                }
            }
        } else if ((f & LETTER) != 0) {
            int e = a1(s, p, to);
            return e >= 0 ? e : a2(s, p, to);
        }
        if ((f & NUMBER) != 0) {
            return numbers(s, n1, to);
        }
        if ((f & WHITESPACE) == 0) {
            return punctuation(s, n1, to, true);
        }
        if (ch == ' ' && n1 < to) {
            int d = codePointAt(s, n1, to);
            if ((flags(d) & (WHITESPACE | LETTER | NUMBER)) == 0) {
                return punctuation(s, n1 + width(d), to, true);
            }
        }
        return whitespace(s, p, to);
    }

    /** A1 or A2 from {@code q}, where s[q] is an ASCII letter. */
    private static int lettersO200k(String s, int q, int to) {
        int i = q;
        char c = s.charAt(i);
        if (c >= 'A' && c <= 'Z') {
            // U* over ASCII upper case; leave the fast path at anything non-ASCII.
            do {
                i++;
            } while (i < to && (c = s.charAt(i)) >= 'A' && c <= 'Z');
            if (i < to && c >= 128) {
                return slowLetters(s, q, to);
            }
            if (i == to || c < 'a' || c > 'z') {
                // A1 fails (no lower-case letter in the run): A2 is U+ followed by a possible contraction.
                return contraction(s, i, to);
            }
        }
        // W+ over ASCII lower case.
        while (i < to && (c = s.charAt(i)) >= 'a' && c <= 'z') {
            i++;
        }
        if (i < to && c >= 128) {
            return slowLetters(s, q, to);
        }
        return contraction(s, i, to);
    }

    private static int slowLetters(String s, int q, int to) {
        int e = a1(s, q, to);
        return e >= 0 ? e : a2(s, q, to);
    }

    /** A1 (without its prefix) from {@code q}: the end of the match, or -1. */
    private static int a1(String s, int q, int to) {
        int j = q;
        int lastW = -1;
        int f = 0;
        int c = 0;
        while (j < to) {
            c = codePointAt(s, j, to);
            f = flags(c);
            if ((f & UPPER) == 0) {
                break;
            }
            if ((f & LOWER) != 0) {
                lastW = j;
            }
            j += width(c);
        }
        int e;
        if (j < to && (f & LOWER) != 0) {
            e = j + width(c);
            while (e < to) {
                c = codePointAt(s, e, to);
                if ((flags(c) & LOWER) == 0) {
                    break;
                }
                e += width(c);
            }
        } else if (lastW >= 0) {
            e = lastW + width(codePointAt(s, lastW, to));
        } else {
            return -1;
        }
        return contraction(s, e, to);
    }

    /** A2 (without its prefix) from {@code q}: the end of the match, or -1. */
    private static int a2(String s, int q, int to) {
        int j = q;
        while (j < to) {
            int c = codePointAt(s, j, to);
            if ((flags(c) & UPPER) == 0) {
                break;
            }
            j += width(c);
        }
        if (j == q) {
            return -1;
        }
        while (j < to) {
            int c = codePointAt(s, j, to);
            if ((flags(c) & LOWER) == 0) {
                break;
            }
            j += width(c);
        }
        return contraction(s, j, to);
    }

    // -------------------------------------------------------------------------------------------- cl100k_base

    static int nextCl100k(String s, int p, int to) {
        char ch = s.charAt(p);
        if (ch < 128) {
            int f = ASCII[ch];
            if ((f & LETTER) != 0) {
                return letters(s, p + 1, to);
            }
            if (ch == '\'') {
                int e = contraction(s, p, to);
                if (e > p) {
                    return e;
                }
            }
        }
        int c = codePointAt(s, p, to);
        int f = flags(c);
        int n1 = p + width(c);
        if ((f & LETTER) != 0) {
            return letters(s, n1, to);
        }
        if ((f & (NUMBER | CR_LF)) == 0 && n1 < to) {
            int d = codePointAt(s, n1, to);
            if ((flags(d) & LETTER) != 0) {
                return letters(s, n1 + width(d), to);
            }
        }
        if ((f & NUMBER) != 0) {
            return numbers(s, n1, to);
        }
        if ((f & WHITESPACE) == 0) {
            return punctuation(s, n1, to, false);
        }
        if (ch == ' ' && n1 < to) {
            int d = codePointAt(s, n1, to);
            if ((flags(d) & (WHITESPACE | LETTER | NUMBER)) == 0) {
                return punctuation(s, n1 + width(d), to, false);
            }
        }
        return whitespace(s, p, to);
    }

    /** The end of the run of {@code \p{L}} that continues at {@code i}. */
    private static int letters(String s, int i, int to) {
        while (i < to) {
            char ch = s.charAt(i);
            if (ch < 128) {
                if ((ASCII[ch] & LETTER) == 0) {
                    return i;
                }
                i++;
            } else {
                int c = codePointAt(s, i, to);
                if ((flags(c) & LETTER) == 0) {
                    return i;
                }
                i += width(c);
            }
        }
        return i;
    }

    // ------------------------------------------------------------------------------------------------- shared

    /** {@code \p{N}{1,3}} after the first number at {@code i - 1}. */
    private static int numbers(String s, int i, int to) {
        for (int k = 1; k < 3 && i < to; k++) {
            int c = codePointAt(s, i, to);
            if ((flags(c) & NUMBER) == 0) {
                break;
            }
            i += width(c);
        }
        return i;
    }

    /**
     * The rest of {@code [^\s\p{L}\p{N}]+} from {@code i} (its first character is before {@code i}), then
     * {@code [\r\n/]*} (o200k_base) or {@code [\r\n]*} (cl100k_base).
     */
    private static int punctuation(String s, int i, int to, boolean slash) {
        while (i < to) {
            char ch = s.charAt(i);
            if (ch < 128) {
                if ((ASCII[ch] & (WHITESPACE | LETTER | NUMBER)) != 0) {
                    break;
                }
                i++;
            } else {
                int c = codePointAt(s, i, to);
                if ((flags(c) & (WHITESPACE | LETTER | NUMBER)) != 0) {
                    break;
                }
                i += width(c);
            }
        }
        while (i < to) {
            char ch = s.charAt(i);
            if (ch != '\r' && ch != '\n' && (!slash || ch != '/')) {
                break;
            }
            i++;
        }
        return i;
    }

    /** A5, A6 or A7 on the whitespace run that starts at {@code p}. */
    private static int whitespace(String s, int p, int to) {
        int r = p;
        int lastNewline = -1;
        while (r < to) {
            char ch = s.charAt(r);
            if (ch == '\r' || ch == '\n') {
                lastNewline = r;
            } else if ((flags(ch) & WHITESPACE) == 0) {
                break; // all whitespace is in the BMP, so a surrogate ends the run too
            }
            r++;
        }
        if (lastNewline >= 0) {
            return lastNewline + 1;
        }
        if (r == to || r - p == 1) {
            return r;
        }
        return r - 1;
    }

    /** The end of a contraction {@code (?i:'s|'t|'re|'ve|'m|'ll|'d)} at {@code i}, or {@code i} if there is none. */
    static int contraction(String s, int i, int to) {
        if (i + 1 >= to || s.charAt(i) != '\'') {
            return i;
        }
        char a = s.charAt(i + 1);
        switch (a) {
            case 's':
            case 'S':
            case '\u017F':
            case 't':
            case 'T':
            case 'm':
            case 'M':
            case 'd':
            case 'D':
                return i + 2;
            default:
                break;
        }
        if (i + 2 >= to) {
            return i;
        }
        char b = s.charAt(i + 2);
        if (((a == 'r' || a == 'R' || a == 'v' || a == 'V') && (b == 'e' || b == 'E'))
                || ((a == 'l' || a == 'L') && (b == 'l' || b == 'L'))) {
            return i + 3;
        }
        return i;
    }
}
