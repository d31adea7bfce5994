// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.stats;

import java.text.BreakIterator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Splits text into words for the similarity scores and the word diff.
 *
 * <p>Words are the segments between Unicode word boundaries ({@link BreakIterator#getWordInstance}, UAX #29 rules)
 * that contain a letter or a digit; whitespace and punctuation are not words. Scripts written without spaces
 * (Han, Hiragana, Katakana, Thai, Lao, Khmer, Myanmar, Tibetan, Yi, Bopomofo) come back from the word rules as long
 * runs, so a run containing them is split into user-perceived characters (grapheme clusters), the usual fallback
 * for scoring CJK text without a dictionary segmenter. Arabic, Hebrew, Cyrillic, Hangul and the other scripts that
 * separate words with spaces keep whole words.
 *
 * <p>For similarity, words are normalized (NFKC, then lower case in the root locale) so that full-width and
 * half-width forms and case do not count as differences. The diff keeps the original text.
 */
public final class TextTokens {

    private TextTokens() {}

    /** A piece of the original text: a word, a punctuation mark or a lone character, with the spaces after it. */
    public record Token(String text, String trailing) {

        /** The token with its trailing whitespace, as it stood in the text. */
        public String full() {
            return text + trailing;
        }
    }

    /** The normalized words of {@code text} for similarity scoring (empty for null or blank text). */
    public static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        // NFKC leaves ASCII as it is; skipping it for ASCII text saves most of the time on English outputs
        String norm =
                (isAscii(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFKC)).toLowerCase(Locale.ROOT);
        forEachSegment(norm, seg -> {
            if (hasLetterOrDigit(seg)) {
                List<String> parts = new ArrayList<>();
                splitUnspaced(seg, parts);
                for (String p : parts) {
                    if (hasLetterOrDigit(p)) {
                        out.add(p);
                    }
                }
            }
        });
        return out;
    }

    /**
     * The whole text cut into tokens for a word diff: concatenating {@link Token#full()} of all tokens gives
     * {@code text} back exactly. Whitespace at the very start is a token of its own with empty text.
     */
    public static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        StringBuilder leading = new StringBuilder();
        forEachSegment(text, seg -> {
            if (seg.isBlank()) {
                if (out.isEmpty()) {
                    leading.append(seg);
                } else {
                    Token last = out.remove(out.size() - 1);
                    out.add(new Token(last.text(), last.trailing() + seg));
                }
                return;
            }
            if (!leading.isEmpty() && out.isEmpty()) {
                out.add(new Token("", leading.toString()));
            }
            List<String> parts = new ArrayList<>();
            splitUnspaced(seg, parts);
            for (String p : parts) {
                out.add(new Token(p, ""));
            }
        });
        if (out.isEmpty() && !leading.isEmpty()) {
            out.add(new Token("", leading.toString()));
        }
        return out;
    }

    /** One word iterator per thread: creating one per text cost more than using it on a short answer. */
    private static final ThreadLocal<BreakIterator> WORDS =
            ThreadLocal.withInitial(() -> BreakIterator.getWordInstance(Locale.ROOT));

    private static void forEachSegment(String text, Consumer<String> action) {
        BreakIterator it = WORDS.get();
        it.setText(text);
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            action.accept(text.substring(start, end));
        }
    }

    private static boolean hasLetterOrDigit(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Adds {@code seg} to {@code out} whole, or character by character when it holds an unspaced script. */
    private static void splitUnspaced(String seg, List<String> out) {
        if (isAscii(seg) || seg.codePoints().noneMatch(TextTokens::unspaced)) {
            out.add(seg);
            return;
        }
        // Split into grapheme clusters, but keep runs of spaced-script letters or digits (e.g. "iPhone15" in a
        // Chinese sentence) together.
        BreakIterator chars = BreakIterator.getCharacterInstance(Locale.ROOT);
        chars.setText(seg);
        StringBuilder run = new StringBuilder();
        int start = chars.first();
        for (int end = chars.next(); end != BreakIterator.DONE; start = end, end = chars.next()) {
            String g = seg.substring(start, end);
            if (unspaced(g.codePointAt(0)) || !hasLetterOrDigit(g)) {
                if (!run.isEmpty()) {
                    out.add(run.toString());
                    run.setLength(0);
                }
                if (!g.isBlank()) {
                    out.add(g);
                }
            } else {
                run.append(g);
            }
        }
        if (!run.isEmpty()) {
            out.add(run.toString());
        }
    }

    private static boolean unspaced(int cp) {
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        switch (s) {
            case HAN, HIRAGANA, KATAKANA, THAI, LAO, KHMER, MYANMAR, TIBETAN, YI, BOPOMOFO:
                return true;
            default:
                return false;
        }
    }
}
