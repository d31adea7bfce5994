// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.prompt;

import dev.costbench.model.tokens.Encoding;
import dev.costbench.model.tokens.IncrementalTokenCounter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the {@link TextStats} of every message of a prompt up to date as the user edits, re-counting only what
 * changed (see {@link IncrementalTokenCounter}). Messages are identified by a stable key, so reordering few-shot
 * turns costs nothing. Confined to one thread.
 */
public final class IncrementalPromptCounter {

    private static final class Slot {
        final IncrementalTokenCounter o200k = new IncrementalTokenCounter(Encoding.O200K_BASE);
        final IncrementalTokenCounter cl100k = new IncrementalTokenCounter(Encoding.CL100K_BASE);
        String text = "";
        long codePoints;
        OpenText open = OpenText.EMPTY;
    }

    private final Map<String, Slot> slots = new HashMap<>();

    /** Counts {@code texts[i]} under key {@code keys[i]}; returns the stats in the same order. */
    public List<TextStats> update(List<String> keys, List<String> texts) {
        if (keys.size() != texts.size()) {
            throw new IllegalArgumentException("keys and texts differ in size");
        }
        List<TextStats> out = new ArrayList<>(keys.size());
        Set<String> live = new HashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            String text = texts.get(i) == null ? "" : texts.get(i);
            live.add(key);
            Slot s = slots.computeIfAbsent(key, k -> new Slot());
            if (!text.equals(s.text)) {
                s.o200k.update(text);
                s.cl100k.update(text);
                s.codePoints = text.codePointCount(0, text.length());
                s.text = text;
                s.open = OpenText.of(text);
            }
            out.add(new TextStats(s.o200k.total(), s.cl100k.total(), s.codePoints, s.open));
        }
        slots.keySet().retainAll(live);
        return out;
    }
}
