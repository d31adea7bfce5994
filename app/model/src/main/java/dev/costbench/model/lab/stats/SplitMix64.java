// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.stats;

/**
 * The SplitMix64 generator (Steele, Lea &amp; Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014;
 * the finalizer constants of Vigna's reference {@code splitmix64.c}). Written out here so that a seed gives the same
 * stream on every JVM and in every future version — the bootstrap's reproducibility rests on it — and because it is
 * several times faster than {@link java.util.Random}, whose atomic seed update dominates a bootstrap.
 */
final class SplitMix64 {

    private long state;

    SplitMix64(long seed) {
        this.state = seed;
    }

    long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * A value in [0, bound) by Lemire's multiply-shift on the high 32 bits (bias below bound / 2<sup>32</sup>,
     * negligible for sample sizes).
     */
    int nextInt(int bound) {
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }
}
