// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tokens;

/**
 * The merge loop of a Hugging Face BPE model over a word's initial symbols (token ids): the adjacent pair with the
 * lowest merge rank (the leftmost of equal ones) is merged until no adjacent pair has a merge, as the Rust
 * {@code tokenizers} crate does with its priority queue. Short words are scanned linearly; longer ones use a binary
 * heap over a linked list, in O(n log n). Not thread-safe: it owns scratch buffers (one per thread).
 */
final class HfBpe {

    private static final int LINEAR_MAX = 24;
    private static final int NONE = HfMerges.NONE;

    private final HfMerges merges;
    private int[] ids = new int[64];
    private int[] rank = new int[64];
    private int[] next = new int[65];
    private int[] prev = new int[65];
    private long[] heap = new long[128];

    /** The word's parts for {@link HeapMerge}: their token ids. */
    private final HeapMerge.Parts heapParts = new HeapMerge.Parts() {
        @Override
        public int rank(int i, int j, int k) {
            return merges.rank(ids[i], ids[j]);
        }

        @Override
        public void join(int i, int j, int k, int r) {
            ids[i] = merges.result(ids[i], ids[j]);
        }
    };

    HfBpe(HfMerges merges) {
        this.merges = merges;
    }

    /**
     * Merges {@code symbols[0 .. n)} in place and returns the number of tokens left in {@code symbols[0 .. m)}.
     */
    int merge(int[] symbols, int n) {
        if (n < 2) {
            return n;
        }
        return n <= LINEAR_MAX ? linear(symbols, n) : heap(symbols, n);
    }

    private int linear(int[] s, int n) {
        int[] rk = rank;
        for (int i = 0; i + 1 < n; i++) {
            rk[i] = merges.rank(s[i], s[i + 1]);
        }
        int m = n;
        while (true) {
            int at = HeapMerge.lowest(rk, m - 1);
            if (at < 0) {
                return m;
            }
            s[at] = merges.result(s[at], s[at + 1]);
            System.arraycopy(s, at + 2, s, at + 1, m - at - 2);
            System.arraycopy(rk, at + 2, rk, at + 1, Math.max(0, m - at - 3));
            m--;
            if (at + 1 < m) {
                rk[at] = merges.rank(s[at], s[at + 1]);
            }
            if (at > 0) {
                rk[at - 1] = merges.rank(s[at - 1], s[at]);
            }
        }
    }

    private int heap(int[] s, int n) {
        if (ids.length < n) {
            int cap = Math.max(n, ids.length * 2);
            ids = new int[cap];
            rank = new int[cap];
            next = new int[cap + 1];
            prev = new int[cap + 1];
            heap = new long[2 * cap];
        }
        int[] id = ids;
        int[] rk = rank;
        int[] nx = next;
        int[] pv = prev;
        long[] hp = heap;
        int size = 0;
        for (int i = 0; i < n; i++) {
            id[i] = s[i];
            nx[i] = i + 1;
            pv[i] = i - 1;
        }
        for (int i = 0; i < n; i++) {
            int r = i + 1 < n ? merges.rank(id[i], id[i + 1]) : NONE;
            rk[i] = r;
            if (r != NONE) {
                hp[size++] = (long) r << 32 | i;
            }
        }
        int parts = HeapMerge.run(heapParts, n, size, rk, nx, pv, hp);
        int m = 0;
        for (int i = 0; i < n; i = nx[i]) {
            s[m++] = id[i];
        }
        return parts;
    }
}
