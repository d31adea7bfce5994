// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.stats;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Similarity of two outputs computed locally, on the words of {@link TextTokens#words}.
 *
 * <ul>
 *   <li><b>ROUGE-L</b> (Lin 2004, "ROUGE: A Package for Automatic Evaluation of Summaries", §3.1): with LCS the
 *       length of the longest common subsequence of the candidate's m words and the reference's n words,
 *       P = LCS/m, R = LCS/n and F1 = 2PR/(P+R) (β = 1).</li>
 *   <li><b>Token F1</b> (as in the SQuAD evaluation script): with the common words counted as a multiset
 *       intersection, P = common/m, R = common/n, F1 = 2PR/(P+R). Word order does not matter.</li>
 * </ul>
 * Both are symmetric in F1. Two empty texts are identical (1.0); an empty text against a non-empty one scores 0.
 */
public final class TextSimilarity {

    private TextSimilarity() {
    }

    /**
     * Precision, recall and F1 of a candidate against a reference.
     */
    public record Score(double precision, double recall, double f1) {

        static final Score IDENTICAL_EMPTY = new Score(1, 1, 1);
        static final Score NONE = new Score(0, 0, 0);

        static Score of(int common, int candidate, int reference) {
            if (candidate == 0 && reference == 0) {
                return IDENTICAL_EMPTY;
            }
            if (common == 0) {
                return NONE;
            }
            double p = (double) common / candidate;
            double r = (double) common / reference;
            return new Score(p, r, 2 * p * r / (p + r));
        }
    }

    /** ROUGE-L of {@code candidate} against {@code reference}. */
    public static Score rougeL(String candidate, String reference) {
        return rougeL(TextTokens.words(candidate), TextTokens.words(reference));
    }

    /** ROUGE-L of already tokenized texts. */
    public static Score rougeL(List<String> candidate, List<String> reference) {
        return Score.of(lcsLength(candidate, reference), candidate.size(), reference.size());
    }

    /** ROUGE-L F1; 1.0 for identical texts. */
    public static double rougeLF1(String a, String b) {
        return rougeL(a, b).f1();
    }

    /** Token F1 of {@code candidate} against {@code reference}. */
    public static Score tokenF1(String candidate, String reference) {
        return tokenF1(TextTokens.words(candidate), TextTokens.words(reference));
    }

    /** Token F1 of already tokenized texts. */
    public static Score tokenF1(List<String> candidate, List<String> reference) {
        Map<String, Integer> counts = new HashMap<>();
        for (String w : reference) {
            counts.merge(w, 1, Integer::sum);
        }
        int common = 0;
        for (String w : candidate) {
            Integer c = counts.get(w);
            if (c != null && c > 0) {
                common++;
                counts.put(w, c - 1);
            }
        }
        return Score.of(common, candidate.size(), reference.size());
    }

    /** Token F1 as a single number. */
    public static double tokenF1Score(String a, String b) {
        return tokenF1(a, b).f1();
    }

    /** Length of the longest common subsequence, in O(m·n) time and O(min(m, n)) memory. */
    public static int lcsLength(List<String> a, List<String> b) {
        if (a.size() < b.size()) {
            List<String> t = a;
            a = b;
            b = t;
        }
        int[][] ids = WordDiff.ids(a, b);
        return lcsLength(ids[0], ids[1]);
    }

    static int lcsLength(int[] a, int[] b) {
        int n = b.length;
        int[] prev = new int[n + 1];
        int[] cur = new int[n + 1];
        for (int x : a) {
            for (int j = 1; j <= n; j++) {
                cur[j] = x == b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[n];
    }
}
