// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tokens;

import java.util.HashMap;
import java.util.Map;

/**
 * The added tokens of a {@code tokenizer.json} ({@code <|im_start|>}, {@code <think>}, …), found in text as the
 * reference does with {@code add_special_tokens=False}: leftmost first, the longest of those that start there. Each
 * found one is its own token; the text between them is normalized and pre-tokenized as usual. A trie of chars.
 */
final class HfAddedTokens {

    private static final class Node {
        final Map<Character, Node> next = new HashMap<>(4);
        int id = -1;
    }

    private final Node root = new Node();
    private final boolean[] first = new boolean[Character.MAX_VALUE + 1];
    private int size;

    void add(String content, int id) {
        if (content.isEmpty()) {
            return;
        }
        Node n = root;
        for (int i = 0; i < content.length(); i++) {
            n = n.next.computeIfAbsent(content.charAt(i), c -> new Node());
        }
        if (n.id < 0) {
            size++;
        }
        n.id = id;
        first[content.charAt(0)] = true;
    }

    int size() {
        return size;
    }

    /** The end of the added token at {@code i} (the longest), or -1; its id goes to {@code idOut[0]}. */
    int match(String s, int i, int to, int[] idOut) {
        if (!first[s.charAt(i)]) {
            return -1;
        }
        Node n = root;
        int end = -1;
        for (int j = i; j < to; j++) {
            n = n.next.get(s.charAt(j));
            if (n == null) {
                break;
            }
            if (n.id >= 0) {
                end = j + 1;
                idOut[0] = n.id;
            }
        }
        return end;
    }

    /** Whether {@code c} starts some added token (a quick test before {@link #match}). */
    boolean mayStart(char c) {
        return first[c];
    }
}
