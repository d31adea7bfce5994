// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.prompt;

import dev.costbench.model.tokens.HfTokenizer;
import dev.costbench.model.tokens.OpenTokenizers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The texts behind a {@link TextStats}, so that an open model's own tokenizer ({@link OpenTokenizers}) can count them
 * when a model row asks, and only then: each text's count per tokenizer is remembered. Stats built from counts alone
 * have {@link #UNKNOWN} texts and no open counts. Equal when the texts are.
 */
public final class OpenText {

    /** Texts not known: open tokenizers cannot count them. */
    public static final OpenText UNKNOWN = new OpenText(null, List.of());

    /** No text at all (counts 0 under every tokenizer). */
    public static final OpenText EMPTY = new OpenText(null, List.of());

    private final String text;
    private final List<OpenText> parts;
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();

    private OpenText(String text, List<OpenText> parts) {
        this.text = text;
        this.parts = parts;
    }

    public static OpenText of(String text) {
        return text == null || text.isEmpty() ? EMPTY : new OpenText(text, List.of());
    }

    /** Both texts, one after the other (each counted on its own, as separate messages are). */
    public OpenText plus(OpenText o) {
        if (this == UNKNOWN || o == UNKNOWN) {
            return UNKNOWN;
        }
        if (o == EMPTY) {
            return this;
        }
        if (this == EMPTY) {
            return o;
        }
        List<OpenText> all = new ArrayList<>();
        addLeaves(all);
        o.addLeaves(all);
        return new OpenText(null, List.copyOf(all));
    }

    private void addLeaves(List<OpenText> out) {
        if (text != null) {
            out.add(this);
        } else {
            out.addAll(parts);
        }
    }

    /**
     * The number of tokens under the open tokenizer {@code name}, or empty when the texts are unknown or that
     * tokenizer is neither shipped nor loaded.
     */
    public OptionalLong count(String name) {
        if (this == UNKNOWN) {
            return OptionalLong.empty();
        }
        Optional<HfTokenizer> t = OpenTokenizers.find(name);
        if (t.isEmpty()) {
            return OptionalLong.empty();
        }
        if (text != null) {
            return OptionalLong.of(counts.computeIfAbsent(name, k -> t.get().count(text)));
        }
        long sum = 0;
        for (OpenText p : parts) {
            sum += p.count(name).orElse(0);
        }
        return OptionalLong.of(sum);
    }

    private List<String> texts() {
        List<String> out = new ArrayList<>();
        if (text != null) {
            out.add(text);
        }
        for (OpenText p : parts) {
            out.add(p.text);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof OpenText)) {
            return false;
        }
        OpenText other = (OpenText) o;
        return (this == UNKNOWN) == (other == UNKNOWN) && texts().equals(other.texts());
    }

    @Override
    public int hashCode() {
        return Objects.hash(this == UNKNOWN, texts());
    }

    @Override
    public String toString() {
        return this == UNKNOWN ? "OpenText[unknown]" : "OpenText[" + texts().size() + " texts]";
    }
}
