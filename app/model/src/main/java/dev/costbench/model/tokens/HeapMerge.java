// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tokens;

/**
 * The O(n log n) merge loop both byte-pair encoders use for long pieces: parts form a linked list over their start
 * offsets ({@code nx}, {@code pv}), and candidate pairs sit in a min-heap keyed by (rank, start), so the leftmost of
 * equally ranked pairs comes first. Entries whose pair has changed since ({@code rk[i]} differs) are skipped when they
 * surface: a part's pair rank never takes the same value twice, because each merge makes the pair longer. The heap
 * holds at most 2n entries (each merge pushes at most two and pops one).
 */
final class HeapMerge {

    static final int NONE = Integer.MAX_VALUE;

    /** The parts of one piece, as the encoder keeps them. */
    interface Parts {
        /** The rank of joining part {@code i} with part {@code j} after it ({@code k}: the part after j, or n). */
        int rank(int i, int j, int k);

        /** Joins part {@code j} (which ends where {@code k} starts) into part {@code i}; {@code r} is the rank. */
        void join(int i, int j, int k, int r);
    }

    private HeapMerge() {}

    /**
     * Merges the {@code n} parts whose pair ranks are in {@code rk} (and, those below {@link #NONE}, in
     * {@code hp[0 .. size)} as (rank &lt;&lt; 32 | start)); returns the number of parts left.
     */
    static int run(Parts p, int n, int size, int[] rk, int[] nx, int[] pv, long[] hp) {
        for (int k = (size >>> 1) - 1; k >= 0; k--) {
            LongHeap.siftDown(hp, k, size);
        }
        int parts = n;
        while (size > 0) {
            long top = hp[0];
            int r = (int) (top >>> 32);
            int i = (int) top;
            if (rk[i] != r) {
                hp[0] = hp[--size];
                LongHeap.siftDown(hp, 0, size);
                continue;
            }
            int j = nx[i];
            int k = nx[j];
            p.join(i, j, k, r);
            rk[j] = NONE;
            nx[i] = k;
            if (k < n) {
                pv[k] = i;
            }
            parts--;
            int nr = k < n ? p.rank(i, k, nx[k]) : NONE;
            rk[i] = nr;
            // The popped entry's slot takes the new pair of i, or the last entry: one sift instead of two.
            hp[0] = nr != NONE ? (long) nr << 32 | i : hp[--size];
            LongHeap.siftDown(hp, 0, size);
            int q = pv[i];
            if (q >= 0) {
                int lr = p.rank(q, i, k);
                rk[q] = lr;
                if (lr != NONE) {
                    size = LongHeap.push(hp, size, (long) lr << 32 | q);
                }
            }
        }
        return parts;
    }

    /**
     * The short pieces' step instead of the heap: the index of the lowest rank of {@code rk[0 .. pairs)}, the leftmost
     * of equal ones, or -1 when every rank is {@link #NONE}.
     */
    static int lowest(int[] rk, int pairs) {
        int best = NONE;
        int at = -1;
        for (int i = 0; i < pairs; i++) {
            if (rk[i] < best) {
                best = rk[i];
                at = i;
            }
        }
        return at;
    }
}
