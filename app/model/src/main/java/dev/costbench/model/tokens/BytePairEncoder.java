// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tokens;

import java.util.Arrays;

/**
 * Pre-tokenizes and byte-pair encodes text for one vocabulary, exactly as tiktoken's {@code encode_ordinary}: every
 * piece found by the split pattern that is itself a token becomes that token; any other piece starts as single
 * bytes, and the adjacent pair whose joined bytes have the lowest rank (the leftmost of equal ones) is merged until
 * no adjacent pair is a token.
 *
 * <p>Not thread-safe: it owns reusable scratch buffers, so encoding allocates nothing per piece. One instance per
 * thread ({@link Tokenizer} keeps them in a thread-local). Pieces up to {@link #LINEAR_MAX} bytes are merged by
 * scanning for the lowest rank, as tiktoken does; longer ones with a binary heap over a linked list of parts, in
 * O(n log n).
 */
final class BytePairEncoder {

    static final int LINEAR_MAX = 16;
    /** Scratch arrays grown beyond this many bytes are dropped after the piece that needed them. */
    private static final int RETAIN_MAX = 1 << 16;

    private static final int NONE = Integer.MAX_VALUE;
    private static final int MAX_TOKEN_BYTES = 255;

    private final Vocabulary vocab;
    private final boolean o200k;
    private final int[] byteIds;
    private final int[] pairIds;

    private byte[] buf = new byte[256];
    private long[] hash = new long[64];
    /** The bytes of each part packed into a long (meaningful while the part is at most 7 bytes long). */
    private long[] packed = new long[64];

    private int[] start = new int[65];
    private int[] rank = new int[64];
    private int[] id = new int[64];
    private int[] next = new int[0];
    private int[] prev = new int[0];
    private long[] heap = new long[0];

    /** Token ids of the current {@link #encode} call. */
    private int[] out = new int[256];

    private int outSize;
    private boolean collect;

    /** The parts of the piece in {@link #buf} for {@link HeapMerge}: their hashes, packed bytes and token ids. */
    private final HeapMerge.Parts heapParts = new HeapMerge.Parts() {
        @Override
        public int rank(int i, int j, int k) {
            return pairRank(hash[i], hash[j], packed[i], packed[j], i, j, k);
        }

        @Override
        public void join(int i, int j, int k, int r) {
            hash[i] = hash[i] * Vocabulary.POW[k - j] + hash[j];
            packed[i] = packed[i] << ((k - j) << 3) | packed[j];
            id[i] = r;
        }
    };

    BytePairEncoder(Vocabulary vocab, boolean o200k) {
        this.vocab = vocab;
        this.o200k = o200k;
        this.byteIds = vocab.byteIds;
        this.pairIds = vocab.pairIds;
    }

    /** The number of tokens of {@code s[from .. to)}; builds no token arrays. */
    int count(String s, int from, int to) {
        collect = false;
        int n = 0;
        int p = from;
        while (p < to) {
            int e = o200k ? Splitter.nextO200k(s, p, to) : Splitter.nextCl100k(s, p, to);
            n += piece(s, p, e);
            p = e;
        }
        return n;
    }

    /** The token ids of {@code s[from .. to)}. */
    int[] encode(String s, int from, int to) {
        collect = true;
        outSize = 0;
        int p = from;
        while (p < to) {
            int e = o200k ? Splitter.nextO200k(s, p, to) : Splitter.nextCl100k(s, p, to);
            piece(s, p, e);
            p = e;
        }
        int[] ids = Arrays.copyOf(out, outSize);
        if (out.length > RETAIN_MAX) {
            out = new int[256];
        }
        return ids;
    }

    private void emit(int token) {
        if (outSize == out.length) {
            out = Arrays.copyOf(out, out.length * 2);
        }
        out[outSize++] = token;
    }

    /** Encodes the piece {@code s[p .. e)} as UTF-8 into {@link #buf}, merges it and returns its token count. */
    private int piece(String s, int p, int e) {
        if (buf.length < 3 * (e - p)) {
            buf = new byte[Math.max(3 * (e - p), buf.length * 2)];
        }
        byte[] b = buf;
        int n = Utf8.encode(s, p, e, b);
        if (n == 1) {
            if (collect) {
                emit(byteIds[b[0] & 0xFF]);
            }
            return 1;
        }
        int token = -1;
        if (n <= Vocabulary.SHORT_MAX) {
            long pk = 0;
            for (int i = 0; i < n; i++) {
                pk = pk << 8 | (b[i] & 0xFF);
            }
            token = vocab.lookupShort(Vocabulary.shortKey(n, pk));
        } else if (n <= MAX_TOKEN_BYTES && vocab.mayBeLongToken(b, 0, n)) {
            token = vocab.lookupLong(Vocabulary.hash(b, 0, n), b, 0, n);
        }
        if (token >= 0) {
            if (collect) {
                emit(token);
            }
            return 1;
        }
        int parts = n <= LINEAR_MAX ? mergeLinear(n) : mergeHeap(n);
        if (buf.length > RETAIN_MAX) {
            buf = new byte[256];
        }
        return parts;
    }

    /**
     * The id of the token made of the parts {@code [a, b)} and {@code [b, c)} of {@link #buf}, given their hashes and
     * packed bytes, or {@link #NONE}.
     */
    private int pairRank(long ha, long hb, long pa, long pb, int a, int b, int c) {
        int len = c - a;
        int token;
        if (len <= Vocabulary.SHORT_MAX) {
            token = vocab.lookupShort(Vocabulary.shortKey(len, pa << ((c - b) << 3) | pb));
        } else if (len <= MAX_TOKEN_BYTES) {
            token = vocab.lookupLong(ha * Vocabulary.POW[c - b] + hb, buf, a, len);
        } else {
            return NONE;
        }
        return token < 0 ? NONE : token;
    }

    /** tiktoken's own loop: find the lowest-ranked adjacent pair, merge it, repeat. */
    private int mergeLinear(int n) {
        if (hash.length < n) {
            grow(n);
        }
        byte[] b = buf;
        long[] hs = hash;
        long[] pk = packed;
        int[] st = start;
        int[] rk = rank;
        int[] ids = id;
        for (int i = 0; i < n; i++) {
            int v = b[i] & 0xFF;
            st[i] = i;
            hs[i] = v + 1;
            pk[i] = v;
            ids[i] = byteIds[v];
            rk[i] = i + 1 < n ? pairOrNone((v << 8) | (b[i + 1] & 0xFF)) : NONE;
        }
        st[n] = n;
        int m = n;
        while (true) {
            int at = HeapMerge.lowest(rk, m - 1);
            if (at < 0) {
                break;
            }
            int best = rk[at];
            int shift = st[at + 2] - st[at + 1];
            hs[at] = hs[at] * Vocabulary.POW[shift] + hs[at + 1];
            pk[at] = pk[at] << (shift << 3) | pk[at + 1];
            ids[at] = best;
            int tail = m - at - 2;
            System.arraycopy(st, at + 2, st, at + 1, tail + 1);
            System.arraycopy(hs, at + 2, hs, at + 1, tail);
            System.arraycopy(pk, at + 2, pk, at + 1, tail);
            System.arraycopy(rk, at + 2, rk, at + 1, tail);
            System.arraycopy(ids, at + 2, ids, at + 1, tail);
            m--;
            rk[at] = at + 1 < m
                    ? pairRank(hs[at], hs[at + 1], pk[at], pk[at + 1], st[at], st[at + 1], st[at + 2])
                    : NONE;
            if (at > 0) {
                rk[at - 1] = pairRank(hs[at - 1], hs[at], pk[at - 1], pk[at], st[at - 1], st[at], st[at + 1]);
            }
        }
        if (collect) {
            for (int i = 0; i < m; i++) {
                emit(ids[i]);
            }
        }
        return m;
    }

    private int pairOrNone(int twoBytes) {
        int t = pairIds[twoBytes];
        return t < 0 ? NONE : t;
    }

    /**
     * The same merges in O(n log n): parts form a linked list over their start offsets, and candidate pairs sit in a
     * min-heap keyed by (rank, start), so the leftmost of equally ranked pairs comes first, as in tiktoken. Entries
     * whose pair has changed since are skipped when they surface: a part's pair rank never takes the same value
     * twice, because each merge makes the pair's bytes longer.
     */
    private int mergeHeap(int n) {
        if (hash.length < n || next.length < n + 1) {
            grow(n);
        }
        byte[] b = buf;
        long[] hs = hash;
        long[] pk = packed;
        int[] rk = rank;
        int[] ids = id;
        int[] nx = next;
        int[] pv = prev;
        long[] hp = heap;
        int size = 0;
        for (int i = 0; i < n; i++) {
            int v = b[i] & 0xFF;
            hs[i] = v + 1;
            pk[i] = v;
            ids[i] = byteIds[v];
            nx[i] = i + 1;
            pv[i] = i - 1;
            int r = i + 1 < n ? pairOrNone((v << 8) | (b[i + 1] & 0xFF)) : NONE;
            rk[i] = r;
            if (r != NONE) {
                hp[size++] = (long) r << 32 | i;
            }
        }
        int parts = HeapMerge.run(heapParts, n, size, rk, nx, pv, hp);
        if (collect) {
            for (int i = 0; i < n; i = nx[i]) {
                emit(ids[i]);
            }
        }
        if (hash.length > RETAIN_MAX) {
            shrink();
        }
        return parts;
    }

    private void grow(int n) {
        int cap = Math.max(n, hash.length * 2);
        hash = new long[cap];
        packed = new long[cap];
        start = new int[cap + 1];
        rank = new int[cap];
        id = new int[cap];
        if (n > LINEAR_MAX) {
            next = new int[cap + 1];
            prev = new int[cap + 1];
            // Each merge pushes at most two entries and pops one, so the heap never holds more than 2n.
            heap = new long[2 * cap];
        }
    }

    private void shrink() {
        hash = new long[64];
        packed = new long[64];
        start = new int[65];
        rank = new int[64];
        id = new int[64];
        next = new int[0];
        prev = new int[0];
        heap = new long[0];
    }
}
