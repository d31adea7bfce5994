// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tokens;

/**
 * A binary min-heap of longs in an array, as the merge loops keep their candidate pairs: (rank, position) packed so
 * that the lowest rank, then the leftmost position, comes first.
 */
final class LongHeap {

    private LongHeap() {}

    /** Moves {@code hp[k]} down to its place in the min-heap {@code hp[0 .. size)}. */
    static void siftDown(long[] hp, int k, int size) {
        long x = hp[k];
        int half = size >>> 1;
        while (k < half) {
            int c = 2 * k + 1;
            long cv = hp[c];
            int r = c + 1;
            if (r < size) {
                long rv = hp[r];
                // min of the two children, written so that the JIT can use conditional moves
                boolean right = rv < cv;
                c = right ? r : c;
                cv = right ? rv : cv;
            }
            if (x <= cv) {
                break;
            }
            hp[k] = cv;
            k = c;
        }
        hp[k] = x;
    }

    /** Adds {@code x} to the min-heap {@code hp[0 .. size)}; returns the new size. */
    static int push(long[] hp, int size, long x) {
        int k = size;
        while (k > 0) {
            int parent = (k - 1) >>> 1;
            if (hp[parent] <= x) {
                break;
            }
            hp[k] = hp[parent];
            k = parent;
        }
        hp[k] = x;
        return size + 1;
    }
}
