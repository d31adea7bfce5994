// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tokens;

import java.util.Arrays;

/**
 * The merge table of a Hugging Face BPE model: for a pair of adjacent token ids, the rank of their merge (its line in
 * {@code merges}, lowest first) and the id of the token it makes. An open-addressing hash table keyed by the two ids.
 */
final class HfMerges {

    static final int NONE = Integer.MAX_VALUE;

    private final long[] keys;
    private final int[] ranks;
    private final int[] results;
    private final int mask;

    HfMerges(int capacity) {
        int size = Integer.highestOneBit(Math.max(4, capacity * 2 - 1)) << 1;
        keys = new long[size];
        Arrays.fill(keys, -1L);
        ranks = new int[size];
        results = new int[size];
        mask = size - 1;
    }

    private static long key(int a, int b) {
        return (long) a << 32 | (b & 0xFFFFFFFFL);
    }

    private int slot(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & mask;
    }

    /** Adds a merge unless the pair already has one (the first, lowest rank, wins, as in the reference). */
    void put(int a, int b, int rank, int result) {
        long k = key(a, b);
        int i = slot(k);
        while (keys[i] != -1L) {
            if (keys[i] == k) {
                return;
            }
            i = (i + 1) & mask;
        }
        keys[i] = k;
        ranks[i] = rank;
        results[i] = result;
    }

    /** The slot of the pair's merge, or -1. */
    int find(int a, int b) {
        long k = key(a, b);
        int i = slot(k);
        while (true) {
            long v = keys[i];
            if (v == k) {
                return i;
            }
            if (v == -1L) {
                return -1;
            }
            i = (i + 1) & mask;
        }
    }

    /** The rank of the pair's merge, or {@link #NONE}. */
    int rank(int a, int b) {
        int i = find(a, b);
        return i < 0 ? NONE : ranks[i];
    }

    /** The token the pair merges into (only for a pair whose {@link #rank} is not {@link #NONE}). */
    int result(int a, int b) {
        return results[find(a, b)];
    }
}
