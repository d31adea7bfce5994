// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A word-level diff of two outputs for a side-by-side view: a longest common subsequence on the tokens of
 * {@link TextTokens#tokens} (words, punctuation marks, and single characters of CJK and other unspaced scripts),
 * compared exactly (case counts; the whitespace after a token does not). Hirschberg's divide and conquer keeps the
 * memory linear for long outputs; below a million cells a plain table is used.
 *
 * <p>The result is a list of segments in text order. Within each changed stretch the deletions come before the
 * insertions. Concatenating the {@link Segment#left} texts gives the left text back exactly, and the
 * {@link Segment#right} texts the right one, so a view draws the left pane from EQUAL and DELETE segments and the
 * right pane from EQUAL and INSERT segments.
 */
public final class WordDiff {

    private static final long FULL_TABLE_CELLS = 1_000_000L;

    private WordDiff() {}

    /** What a segment is. */
    public enum Op {
        /** In both texts. */
        EQUAL,
        /** Only in the left (baseline) text. */
        DELETE,
        /** Only in the right (optimized) text. */
        INSERT
    }

    /**
     * One stretch of the diff.
     *
     * @param op    what it is
     * @param left  its text on the left side (empty for an insertion)
     * @param right its text on the right side (empty for a deletion); for EQUAL the same words as {@code left},
     *              possibly with different spacing
     */
    public record Segment(Op op, String left, String right) {

        /** The text to show for this segment: the left text, except for an insertion. */
        public String text() {
            return op == Op.INSERT ? right : left;
        }
    }

    /** The diff from {@code left} (e.g. the baseline output) to {@code right} (e.g. the optimized one). */
    public static List<Segment> diff(String left, String right) {
        List<TextTokens.Token> a = TextTokens.tokens(left == null ? "" : left);
        List<TextTokens.Token> b = TextTokens.tokens(right == null ? "" : right);
        List<String> ka = new ArrayList<>(a.size());
        a.forEach(t -> ka.add(t.text()));
        List<String> kb = new ArrayList<>(b.size());
        b.forEach(t -> kb.add(t.text()));
        int[][] ids = ids(ka, kb);
        List<Op> ops = script(ids[0], ids[1]);
        return segments(ops, a, b);
    }

    /** Interns the strings of both lists as ints (equal strings get equal ids). */
    static int[][] ids(List<String> a, List<String> b) {
        Map<String, Integer> map = new HashMap<>();
        int[] ia = new int[a.size()];
        int[] ib = new int[b.size()];
        for (int i = 0; i < ia.length; i++) {
            ia[i] = map.computeIfAbsent(a.get(i), k -> map.size());
        }
        for (int i = 0; i < ib.length; i++) {
            ib[i] = map.computeIfAbsent(b.get(i), k -> map.size());
        }
        return new int[][] {ia, ib};
    }

    /** The edit script: one op per token of a (EQUAL or DELETE) and per inserted token of b. */
    static List<Op> script(int[] a, int[] b) {
        List<Op> ops = new ArrayList<>(a.length + b.length);
        int prefix = 0;
        while (prefix < a.length && prefix < b.length && a[prefix] == b[prefix]) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.length - prefix
                && suffix < b.length - prefix
                && a[a.length - 1 - suffix] == b[b.length - 1 - suffix]) {
            suffix++;
        }
        for (int i = 0; i < prefix; i++) {
            ops.add(Op.EQUAL);
        }
        hirschberg(a, prefix, a.length - suffix, b, prefix, b.length - suffix, ops);
        for (int i = 0; i < suffix; i++) {
            ops.add(Op.EQUAL);
        }
        return ops;
    }

    private static void hirschberg(int[] a, int aLo, int aHi, int[] b, int bLo, int bHi, List<Op> ops) {
        int m = aHi - aLo;
        int n = bHi - bLo;
        if (m == 0) {
            for (int j = 0; j < n; j++) {
                ops.add(Op.INSERT);
            }
            return;
        }
        if (n == 0) {
            for (int i = 0; i < m; i++) {
                ops.add(Op.DELETE);
            }
            return;
        }
        if ((long) (m + 1) * (n + 1) <= FULL_TABLE_CELLS || m == 1) {
            table(a, aLo, aHi, b, bLo, bHi, ops);
            return;
        }
        int mid = aLo + m / 2;
        int[] forward = lcsRow(a, aLo, mid, b, bLo, bHi, false);
        int[] backward = lcsRow(a, mid, aHi, b, bLo, bHi, true);
        int best = -1;
        int split = 0;
        for (int k = 0; k <= n; k++) {
            int score = forward[k] + backward[n - k];
            if (score > best) {
                best = score;
                split = k;
            }
        }
        hirschberg(a, aLo, mid, b, bLo, bLo + split, ops);
        hirschberg(a, mid, aHi, b, bLo + split, bHi, ops);
    }

    /**
     * The last row of the LCS table of a[aLo, aHi) against every prefix of b[bLo, bHi) — or, reversed, of the
     * reversed ranges, so that row[k] is the LCS with the last k tokens of b.
     */
    private static int[] lcsRow(int[] a, int aLo, int aHi, int[] b, int bLo, int bHi, boolean reversed) {
        int n = bHi - bLo;
        int[] prev = new int[n + 1];
        int[] cur = new int[n + 1];
        for (int ii = 0; ii < aHi - aLo; ii++) {
            int x = reversed ? a[aHi - 1 - ii] : a[aLo + ii];
            for (int j = 1; j <= n; j++) {
                int y = reversed ? b[bHi - j] : b[bLo + j - 1];
                cur[j] = x == y ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev;
    }

    private static void table(int[] a, int aLo, int aHi, int[] b, int bLo, int bHi, List<Op> ops) {
        int m = aHi - aLo;
        int n = bHi - bLo;
        int[][] dp = new int[m + 1][n + 1];
        for (int i = 1; i <= m; i++) {
            for (int j = 1; j <= n; j++) {
                dp[i][j] =
                        a[aLo + i - 1] == b[bLo + j - 1] ? dp[i - 1][j - 1] + 1 : Math.max(dp[i - 1][j], dp[i][j - 1]);
            }
        }
        List<Op> rev = new ArrayList<>(m + n);
        int i = m;
        int j = n;
        while (i > 0 || j > 0) {
            if (i > 0 && j > 0 && a[aLo + i - 1] == b[bLo + j - 1] && dp[i][j] == dp[i - 1][j - 1] + 1) {
                rev.add(Op.EQUAL);
                i--;
                j--;
            } else if (j > 0 && (i == 0 || dp[i][j - 1] >= dp[i - 1][j])) {
                rev.add(Op.INSERT); // taken first going backwards, so insertions follow deletions going forwards
                j--;
            } else {
                rev.add(Op.DELETE);
                i--;
            }
        }
        for (int k = rev.size() - 1; k >= 0; k--) {
            ops.add(rev.get(k));
        }
    }

    private static List<Segment> segments(List<Op> ops, List<TextTokens.Token> a, List<TextTokens.Token> b) {
        List<Segment> out = new ArrayList<>();
        StringBuilder eqLeft = new StringBuilder();
        StringBuilder eqRight = new StringBuilder();
        StringBuilder del = new StringBuilder();
        StringBuilder ins = new StringBuilder();
        int i = 0;
        int j = 0;
        for (Op op : ops) {
            switch (op) {
                case EQUAL -> {
                    flushChange(out, del, ins);
                    eqLeft.append(a.get(i++).full());
                    eqRight.append(b.get(j++).full());
                }
                case DELETE -> {
                    flushEqual(out, eqLeft, eqRight);
                    del.append(a.get(i++).full());
                }
                case INSERT -> {
                    flushEqual(out, eqLeft, eqRight);
                    ins.append(b.get(j++).full());
                }
                default -> throw new IllegalStateException();
            }
        }
        flushEqual(out, eqLeft, eqRight);
        flushChange(out, del, ins);
        return out;
    }

    private static void flushEqual(List<Segment> out, StringBuilder left, StringBuilder right) {
        if (!left.isEmpty() || !right.isEmpty()) {
            out.add(new Segment(Op.EQUAL, left.toString(), right.toString()));
            left.setLength(0);
            right.setLength(0);
        }
    }

    private static void flushChange(List<Segment> out, StringBuilder del, StringBuilder ins) {
        if (!del.isEmpty()) {
            out.add(new Segment(Op.DELETE, del.toString(), ""));
            del.setLength(0);
        }
        if (!ins.isEmpty()) {
            out.add(new Segment(Op.INSERT, "", ins.toString()));
            ins.setLength(0);
        }
    }
}
