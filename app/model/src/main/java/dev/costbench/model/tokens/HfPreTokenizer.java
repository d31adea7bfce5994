// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tokens;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One pre-tokenizer step of a Hugging Face {@code tokenizer.json}: cuts a range of the (normalized) text into pieces
 * and hands each to the next step. Regexes follow the Rust {@code tokenizers} crate (Oniguruma): {@code \s} is the
 * Unicode White_Space property, {@code \p{L}}/{@code \p{N}} are Unicode 16.0 categories ({@link HfRegex}, whatever
 * the JDK's Unicode version), {@code (?i)} folds Unicode case.
 */
abstract class HfPreTokenizer {

    /** Receives the pieces {@code s[from .. to)}. */
    interface Sink {
        void piece(String s, int from, int to);
    }

    /** cl100k_base's split pattern, which Llama 3 uses as is. */
    static final String CL100K = "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}|"
            + " ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
    /** Qwen 2/2.5/3's: cl100k_base's with single digits. */
    static final String QWEN = CL100K.replace("\\p{N}{1,3}", "\\p{N}");
    /** GPT-2's, which a ByteLevel step with {@code use_regex} applies. */
    static final String GPT2 = "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+";

    /** DeepSeek V3's three split patterns, in order. */
    static final String DEEPSEEK_DIGITS = "\\p{N}{1,3}";

    static final String DEEPSEEK_CJK = "[\u4e00-\u9fa5\u3040-\u309f\u30a0-\u30ff]+";
    static final String DEEPSEEK_WORDS = "[!\"#$%&'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~][A-Za-z]+"
            + "|[^\r\n\\p{L}\\p{P}\\p{S}]?[\\p{L}\\p{M}]+| ?[\\p{P}\\p{S}]+[\r\n]*|\\s*[\r\n]+|\\s+(?!\\S)|\\s+";

    /**
     * The split patterns after which a line break followed by an ASCII letter always ends one piece and starts the
     * next, whatever text surrounds it (each takes {@code \s*[\r\n]+} before {@code \s+(?!\S)}): a text cut there
     * counts as the sum of its parts.
     */
    static final Set<String> CUT_SAFE = Set.of(CL100K, QWEN, DEEPSEEK_DIGITS, DEEPSEEK_CJK, DEEPSEEK_WORDS);

    abstract void split(String s, int from, int to, Sink next);

    /** The steps applied one after another. */
    static HfPreTokenizer sequence(List<HfPreTokenizer> steps) {
        if (steps.size() == 1) {
            return steps.get(0);
        }
        return new HfPreTokenizer() {
            @Override
            void split(String s, int from, int to, Sink last) {
                run(0, s, from, to, last);
            }

            private void run(int k, String s, int from, int to, Sink last) {
                if (k == steps.size()) {
                    last.piece(s, from, to);
                } else {
                    steps.get(k).split(s, from, to, (t, a, b) -> run(k + 1, t, a, b, last));
                }
            }
        };
    }

    /** The whole range as one piece. */
    static HfPreTokenizer whole() {
        return new HfPreTokenizer() {
            @Override
            void split(String s, int from, int to, Sink next) {
                next.piece(s, from, to);
            }
        };
    }

    /**
     * A {@code Split} step on a regex with the given behaviour; the cl100k_base and Qwen patterns with the
     * {@code Isolated} behaviour use CostBench's hand-written scanner, the same one that splits cl100k_base text.
     */
    static HfPreTokenizer split(String regex, String behavior) {
        if ("Isolated".equals(behavior) && (regex.equals(CL100K) || regex.equals(QWEN))) {
            boolean singleDigits = regex.equals(QWEN);
            return new HfPreTokenizer() {
                @Override
                void split(String s, int from, int to, Sink next) {
                    int p = from;
                    while (p < to) {
                        int e = Splitter.nextCl100k(s, p, to);
                        if (singleDigits
                                && (Splitter.flags(Splitter.codePointAt(s, p, to)) & UnicodeClasses.NUMBER) != 0) {
                            e = p + Character.charCount(Splitter.codePointAt(s, p, to));
                        }
                        next.piece(s, p, e);
                        p = e;
                    }
                }
            };
        }
        if ("Isolated".equals(behavior) && regex.equals(DEEPSEEK_DIGITS)) {
            return runs(cp -> (Splitter.flags(cp) & UnicodeClasses.NUMBER) != 0, 3);
        }
        if ("Isolated".equals(behavior) && regex.equals(DEEPSEEK_CJK)) {
            return runs(
                    cp -> (cp >= 0x4e00 && cp <= 0x9fa5)
                            || (cp >= 0x3040 && cp <= 0x309f)
                            || (cp >= 0x30a0 && cp <= 0x30ff),
                    Integer.MAX_VALUE);
        }
        HfRegex compiled = HfRegex.compile(regex);
        return new RegexSplit((t, from, to) -> compiled.matcher(t, from, to), behavior);
    }

    /**
     * An {@code Isolated} split on runs of a character class, at most {@code max} characters each
     * ({@code \p{N}{1,3}}, {@code [一-龥…]+}): each run and each gap between runs is a piece.
     */
    static HfPreTokenizer runs(IntPredicate in, int max) {
        return new HfPreTokenizer() {
            @Override
            void split(String s, int from, int to, Sink next) {
                int gap = from;
                int i = from;
                while (i < to) {
                    int cp = Splitter.codePointAt(s, i, to);
                    if (!in.test(cp)) {
                        i += Character.charCount(cp);
                        continue;
                    }
                    if (i > gap) {
                        next.piece(s, gap, i);
                    }
                    int start = i;
                    int n = 0;
                    while (i < to && n < max) {
                        int c = Splitter.codePointAt(s, i, to);
                        if (!in.test(c)) {
                            break;
                        }
                        i += Character.charCount(c);
                        n++;
                    }
                    next.piece(s, start, i);
                    gap = i;
                }
                if (gap < to) {
                    next.piece(s, gap, to);
                }
            }
        };
    }

    /** A {@code Split} step on a literal string. */
    static HfPreTokenizer splitOn(String literal, String behavior) {
        Pattern p = Pattern.compile(Pattern.quote(literal));
        return new RegexSplit((t, from, to) -> p.matcher(t).region(from, to), behavior);
    }

    /** Matches and the gaps between them, joined or dropped as the behaviour says. */
    private static final class RegexSplit extends HfPreTokenizer {
        /** A matcher over a region of a text. */
        interface Matching {
            Matcher over(String s, int from, int to);
        }

        private final Matching pattern;
        private final String behavior;

        RegexSplit(Matching pattern, String behavior) {
            this.pattern = pattern;
            this.behavior = behavior;
            if (!List.of("Isolated", "Removed", "MergedWithPrevious", "MergedWithNext", "Contiguous")
                    .contains(behavior)) {
                throw new IllegalArgumentException("split behaviour " + behavior + " is not supported");
            }
        }

        @Override
        void split(String s, int from, int to, Sink next) {
            Matcher m = pattern.over(s, from, to);
            // segments as (start, end, isMatch) triples, matches and the gaps between them, in order
            int[] seg = new int[48];
            int n = 0;
            int gap = from;
            while (m.find()) {
                if (m.end() == m.start()) {
                    continue;
                }
                if (n + 6 > seg.length) {
                    seg = Arrays.copyOf(seg, seg.length * 2);
                }
                if (m.start() > gap) {
                    seg[n++] = gap;
                    seg[n++] = m.start();
                    seg[n++] = 0;
                }
                seg[n++] = m.start();
                seg[n++] = m.end();
                seg[n++] = 1;
                gap = m.end();
            }
            if (gap < to) {
                if (n + 3 > seg.length) {
                    seg = Arrays.copyOf(seg, seg.length + 3);
                }
                seg[n++] = gap;
                seg[n++] = to;
                seg[n++] = 0;
            }
            emit(s, seg, n, next);
        }

        /** Applies the behaviour, as the Rust crate's {@code split} does, and hands the pieces on in order. */
        private void emit(String s, int[] seg, int n, Sink next) {
            switch (behavior) {
                case "Removed":
                    for (int i = 0; i < n; i += 3) {
                        if (seg[i + 2] == 0) {
                            next.piece(s, seg[i], seg[i + 1]);
                        }
                    }
                    return;
                case "MergedWithPrevious":
                case "Contiguous":
                    boolean contiguous = behavior.equals("Contiguous");
                    int ps = -1;
                    int pe = -1;
                    boolean prevMatch = false;
                    for (int i = 0; i < n; i += 3) {
                        boolean match = seg[i + 2] == 1;
                        boolean join = contiguous ? match && prevMatch : match && !prevMatch;
                        if (join && ps >= 0) {
                            pe = seg[i + 1];
                        } else {
                            if (ps >= 0) {
                                next.piece(s, ps, pe);
                            }
                            ps = seg[i];
                            pe = seg[i + 1];
                        }
                        prevMatch = match;
                    }
                    if (ps >= 0) {
                        next.piece(s, ps, pe);
                    }
                    return;
                case "MergedWithNext":
                    // from the end: a match joins the piece after it unless that piece is a match
                    int[] starts = new int[n / 3];
                    int[] ends = new int[n / 3];
                    int k = 0;
                    boolean laterMatch = false;
                    for (int i = n - 3; i >= 0; i -= 3) {
                        boolean match = seg[i + 2] == 1;
                        if (match && !laterMatch && k > 0) {
                            starts[k - 1] = seg[i];
                        } else {
                            starts[k] = seg[i];
                            ends[k++] = seg[i + 1];
                        }
                        laterMatch = match;
                    }
                    for (int i = k - 1; i >= 0; i--) {
                        next.piece(s, starts[i], ends[i]);
                    }
                    return;
                default: // Isolated
                    for (int i = 0; i < n; i += 3) {
                        next.piece(s, seg[i], seg[i + 1]);
                    }
            }
        }
    }
}
