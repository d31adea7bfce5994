// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.stats;

import dev.costbench.model.lab.Trial;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** Matching of trials across variants: the same input, model and repetition. */
final class Cells {

    /** A cell without its variant. Orders by model, input, repetition, so pairing is deterministic. */
    record Key(String modelId, long inputId, int repetition) implements Comparable<Key> {

        private static final Comparator<Key> ORDER = Comparator.comparing(Key::modelId)
                .thenComparingLong(Key::inputId)
                .thenComparingInt(Key::repetition);

        static Key of(Trial t) {
            return new Key(t.cell().modelId(), t.cell().inputId(), t.cell().repetition());
        }

        @Override
        public int compareTo(Key o) {
            return ORDER.compare(this, o);
        }
    }

    private Cells() {}

    /**
     * The latest (highest id) trial per cell of {@code variantId} that passes {@code filter}, on {@code modelId}
     * (or every model when null), in cell order.
     */
    static TreeMap<Key, Trial> latest(Iterable<Trial> trials, long variantId, String modelId, Predicate<Trial> filter) {
        TreeMap<Key, Trial> out = new TreeMap<>();
        for (Trial t : trials) {
            if (t.cell().variantId() != variantId
                    || (modelId != null && !modelId.equals(t.cell().modelId()))
                    || !filter.test(t)) {
                continue;
            }
            out.merge(Key.of(t), t, (a, b) -> a.id() >= b.id() ? a : b);
        }
        return out;
    }

    /** True when a trial's answer is an observation under {@code options} (successful; cached only if asked). */
    static boolean observed(Trial t, StatsOptions options) {
        return t.succeeded() && (!t.fromCache() || options.includeCached());
    }

    static <V> int countMatched(Map<Key, V> a, Map<Key, V> b) {
        int n = 0;
        for (Key k : a.keySet()) {
            if (b.containsKey(k)) {
                n++;
            }
        }
        return n;
    }
}
