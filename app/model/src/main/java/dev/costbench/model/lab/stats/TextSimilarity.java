// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.stats;

import java.util.Arrays;
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

    private TextSimilarity() {}

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

    /**
     * Length of the longest common subsequence, bit-parallel (Allison &amp; Dix 1986; Hyyrö 2004): the shorter list is
     * a bit vector of ⌈n/64⌉ words, and each word of the longer list updates it with one masked addition,
     * V ← (V + (V ∧ M)) ∨ (V ∧ ¬M), where M marks the positions of that word. LCS = the zero bits of V. O(m·⌈n/64⌉)
     * time: the results view compares every output with its baseline, thousands of pairs for a large run.
     */
    public static int lcsLength(List<String> a, List<String> b) {
        if (a.size() < b.size()) {
            List<String> t = a;
            a = b;
            b = t;
        }
        int n = b.size();
        if (n == 0) {
            return 0;
        }
        int w = (n + 63) >>> 6;
        Map<String, long[]> masks = new HashMap<>();
        for (int j = 0; j < n; j++) {
            masks.computeIfAbsent(b.get(j), k -> new long[w])[j >>> 6] |= 1L << (j & 63);
        }
        long[] v = new long[w];
        Arrays.fill(v, -1L);
        for (String x : a) {
            long[] m = masks.get(x);
            if (m != null) { // otherwise V ∧ M = 0 and V is unchanged
                step(v, m);
            }
        }
        return zeros(v, n);
    }

    /**
     * ROUGE-L of texts whose words were interned as ints (equal words, equal ids; see {@link Dictionary}): the same
     * figure as {@link #rougeL(List, List)} without hashing strings for every pair.
     */
    public static Score rougeL(int[] candidate, int[] reference) {
        return Score.of(
                lcsLength(
                        candidate.length >= reference.length ? candidate : reference,
                        candidate.length >= reference.length ? reference : candidate,
                        true),
                candidate.length,
                reference.length);
    }

    /** Token F1 of interned texts: the multiset intersection by merging the sorted ids. */
    public static Score tokenF1(int[] candidate, int[] reference) {
        int[] a = candidate.clone();
        int[] b = reference.clone();
        Arrays.sort(a);
        Arrays.sort(b);
        return tokenF1Sorted(a, b);
    }

    /** {@link #tokenF1(int[], int[])} of ids already sorted (each text's ids sorted once, compared many times). */
    public static Score tokenF1Sorted(int[] a, int[] b) {
        int common = 0;
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return Score.of(common, a.length, b.length);
    }

    /** Interns words as ints for {@link #rougeL(int[], int[])} and {@link #tokenF1(int[], int[])}; not thread-safe. */
    public static final class Dictionary {
        private final Map<String, Integer> ids = new HashMap<>();

        public int[] encode(List<String> words) {
            int[] out = new int[words.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = ids.computeIfAbsent(words.get(i), k -> ids.size());
            }
            return out;
        }
    }

    /** Bit-parallel LCS of ids, {@code a} the longer; masks in a small open-addressing table keyed by id. */
    static int lcsLength(int[] a, int[] b, boolean bitParallel) {
        int n = b.length;
        if (n == 0) {
            return 0;
        }
        int w = (n + 63) >>> 6;
        int cap = Integer.highestOneBit(Math.max(4, n * 2)) << 1;
        int[] keys = new int[cap];
        Arrays.fill(keys, -1);
        long[][] vals = new long[cap][];
        for (int j = 0; j < n; j++) {
            int slot = slot(keys, b[j]);
            if (keys[slot] < 0) {
                keys[slot] = b[j];
                vals[slot] = new long[w];
            }
            vals[slot][j >>> 6] |= 1L << (j & 63);
        }
        long[] v = new long[w];
        Arrays.fill(v, -1L);
        for (int x : a) {
            int slot = slot(keys, x);
            if (keys[slot] < 0) {
                continue;
            }
            step(v, vals[slot]);
        }
        return zeros(v, n);
    }

    private static int slot(int[] keys, int key) {
        int mask = keys.length - 1;
        int i = (key * 0x9E3779B9) >>> 7 & mask;
        while (keys[i] >= 0 && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    /** V ← (V + (V ∧ M)) ∨ (V ∧ ¬M) over the words of the bit vector, carrying between words. */
    private static void step(long[] v, long[] m) {
        long carry = 0;
        for (int k = 0; k < v.length; k++) {
            long vk = v[k];
            long sum = vk + (vk & m[k]);
            long c1 = Long.compareUnsigned(sum, vk) < 0 ? 1 : 0;
            long total = sum + carry;
            long c2 = carry != 0 && total == 0 ? 1 : 0;
            carry = c1 | c2;
            v[k] = total | (vk & ~m[k]);
        }
    }

    /** The zero bits among the low {@code n} bits of V: the LCS length. */
    private static int zeros(long[] v, int n) {
        int ones = 0;
        for (int k = 0; k < v.length; k++) {
            ones += Long.bitCount(k == v.length - 1 && (n & 63) != 0 ? v[k] | (-1L << (n & 63)) : v[k]);
        }
        return v.length * 64 - ones;
    }

    /** The textbook dynamic programme, O(m·n); the reference {@link #lcsLength(List, List)} is tested against. */
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
