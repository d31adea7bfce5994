// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.stats;

import dev.costbench.model.lab.SimilarityScore;
import dev.costbench.model.lab.Trial;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The ROUGE-L and token F1 of pairs of outputs, computed once: seeded with the scores a store kept
 * ({@link dev.costbench.model.lab.LabStore#similarityScores}) and collecting the ones computed here
 * ({@link #computed()}) to store. A kept score is used only while its fingerprint matches the two outputs as they are
 * now (and the similarity method of {@link #METHOD}); otherwise it is computed again. The numbers are the same either
 * way: a double is stored and read back exactly. Not thread-safe; used by one {@link QualityAnalysis}.
 */
public final class SimilarityCache {

    /** The similarity method's version: bump it when ROUGE-L, token F1 or the tokenizing change their numbers. */
    public static final int METHOD = 1;

    private final Map<Pair, SimilarityScore> scores = new HashMap<>();
    private final List<SimilarityScore> computed = new ArrayList<>();

    /** A cache seeded with stored scores (may be empty). */
    public SimilarityCache(Collection<SimilarityScore> stored) {
        for (SimilarityScore s : stored) {
            scores.put(new Pair(s.trialId(), s.referenceId()), s);
        }
    }

    /** An empty cache: everything is computed. */
    public static SimilarityCache empty() {
        return new SimilarityCache(List.of());
    }

    /** {ROUGE-L F1, token F1} of {@code a} against {@code b}: kept, or computed by {@code compute} and kept. */
    double[] get(Trial a, Trial b, Supplier<double[]> compute) {
        Pair key = new Pair(a.id(), b.id());
        long fp = fingerprint(a.outputText(), b.outputText());
        SimilarityScore s = scores.get(key);
        if (s == null || s.fingerprint() != fp) {
            double[] v = compute.get();
            s = new SimilarityScore(a.id(), b.id(), fp, v[0], v[1]);
            scores.put(key, s);
            computed.add(s);
        }
        return new double[] {s.rougeL(), s.tokenF1()};
    }

    /** The scores computed here (new pairs, or stale ones computed again): what a store should keep. */
    public List<SimilarityScore> computed() {
        return List.copyOf(computed);
    }

    /**
     * A 64-bit fingerprint of two outputs and {@link #METHOD}: their lengths and string hashes, mixed. An edited
     * output changes it (but for a 1 in 2<sup>32</sup> chance per edit of an output of the same length).
     */
    static long fingerprint(String a, String b) {
        long h = METHOD;
        h = h * 0x9E3779B97F4A7C15L + (a == null ? -1 : ((long) a.length() << 32 | (a.hashCode() & 0xFFFFFFFFL)));
        h = mix(h);
        h = h * 0x9E3779B97F4A7C15L + (b == null ? -1 : ((long) b.length() << 32 | (b.hashCode() & 0xFFFFFFFFL)));
        return mix(h);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** An ordered pair of trial ids. */
    private record Pair(long a, long b) {}
}
