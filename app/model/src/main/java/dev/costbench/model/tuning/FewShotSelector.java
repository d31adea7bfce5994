// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tuning;

import dev.costbench.model.tokens.Encoding;
import dev.costbench.model.tokens.Tokenizers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Few-shot selection within a token budget, on token sets (the token ids of each example under an encoding):
 * the most diverse examples (greedy: each next one farthest, by token-set Jaccard, from those already kept) or the
 * most similar to an input. Deterministic: ties go to the earlier example.
 */
public final class FewShotSelector {

    /**
     * @param selected indices of the kept examples, ascending
     * @param dropped  indices of the others, ascending
     * @param tokens   tokens of the kept examples (each counted alone)
     */
    public record Selection(List<Integer> selected, List<Integer> dropped, int tokens, int budget) {
        public Selection {
            selected = List.copyOf(selected);
            dropped = List.copyOf(dropped);
        }
    }

    private FewShotSelector() {}

    /** Token-set Jaccard similarity of two texts, 0..1 (1 for two empty texts). */
    public static double similarity(Encoding enc, String a, String b) {
        return jaccard(tokenSet(enc, a), tokenSet(enc, b));
    }

    /** The most diverse examples that fit {@code budget} tokens. */
    public static Selection mostDiverse(List<String> examples, Encoding enc, int budget) {
        int n = examples.size();
        List<Set<Integer>> sets = new ArrayList<>();
        int[] cost = new int[n];
        for (int i = 0; i < n; i++) {
            sets.add(tokenSet(enc, examples.get(i)));
            cost[i] = Tokenizers.count(enc, examples.get(i));
        }
        boolean[] kept = new boolean[n];
        int used = 0;
        List<Integer> order = new ArrayList<>();
        while (true) {
            int best = -1;
            double bestScore = -1;
            for (int i = 0; i < n; i++) {
                if (kept[i] || used + cost[i] > budget) {
                    continue;
                }
                double score;
                if (order.isEmpty()) {
                    score = sets.get(i).size(); // start from the richest example
                } else {
                    score = 1;
                    for (int k : order) {
                        score = Math.min(score, 1 - jaccard(sets.get(i), sets.get(k)));
                    }
                }
                if (score > bestScore) {
                    best = i;
                    bestScore = score;
                }
            }
            if (best < 0) {
                break;
            }
            kept[best] = true;
            used += cost[best];
            order.add(best);
        }
        return selection(kept, used, budget);
    }

    /** The examples most similar to {@code input} that fit {@code budget} tokens. */
    public static Selection mostSimilar(List<String> examples, String input, Encoding enc, int budget) {
        int n = examples.size();
        Set<Integer> in = tokenSet(enc, input);
        double[] sim = new double[n];
        int[] cost = new int[n];
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sim[i] = jaccard(in, tokenSet(enc, examples.get(i)));
            cost[i] = Tokenizers.count(enc, examples.get(i));
            idx.add(i);
        }
        idx.sort((a, b) -> sim[a] != sim[b] ? Double.compare(sim[b], sim[a]) : Integer.compare(a, b));
        boolean[] kept = new boolean[n];
        int used = 0;
        for (int i : idx) {
            if (used + cost[i] <= budget) {
                kept[i] = true;
                used += cost[i];
            }
        }
        return selection(kept, used, budget);
    }

    private static Selection selection(boolean[] kept, int used, int budget) {
        List<Integer> sel = new ArrayList<>();
        List<Integer> drop = new ArrayList<>();
        for (int i = 0; i < kept.length; i++) {
            (kept[i] ? sel : drop).add(i);
        }
        return new Selection(sel, drop, used, budget);
    }

    static Set<Integer> tokenSet(Encoding enc, String text) {
        Set<Integer> s = new HashSet<>();
        for (int id : Tokenizers.encode(enc, text)) {
            s.add(id);
        }
        return s;
    }

    static double jaccard(Set<Integer> a, Set<Integer> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        int inter = 0;
        for (int x : a) {
            if (b.contains(x)) {
                inter++;
            }
        }
        return inter / (double) (a.size() + b.size() - inter);
    }
}
