// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tuning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One exact text edit: replace {@code original} at {@code [start, end)} by {@code replacement}. Offsets are UTF-16
 * indices into the text the edit was made for; {@link #applyAll} refuses an edit whose range no longer holds
 * {@code original}, so a stale edit can never damage a prompt.
 */
public record TextEdit(int start, int end, String original, String replacement) {

    public TextEdit {
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(replacement, "replacement");
        if (start < 0 || end < start || end - start != original.length()) {
            throw new IllegalArgumentException("bad edit range [" + start + ", " + end + ") for '" + original + "'");
        }
    }

    /** An edit of {@code text} replacing {@code [start, end)}. */
    public static TextEdit of(String text, int start, int end, String replacement) {
        return new TextEdit(start, end, text.substring(start, end), replacement);
    }

    /** The change in length this edit makes. */
    public int delta() {
        return replacement.length() - original.length();
    }

    /**
     * Applies non-overlapping {@code edits}, all made for {@code text}, in one pass (so every offset refers to
     * {@code text}). Characters outside the edit ranges are copied unchanged.
     *
     * @throws IllegalArgumentException when edits overlap or a range does not hold the edit's original text
     */
    public static String applyAll(String text, List<TextEdit> edits) {
        List<TextEdit> sorted = sorted(edits);
        StringBuilder b = new StringBuilder(text.length());
        int pos = 0;
        for (TextEdit e : sorted) {
            if (e.start < pos) {
                throw new IllegalArgumentException("overlapping edits at " + e.start);
            }
            if (e.end > text.length() || !text.regionMatches(e.start, e.original, 0, e.original.length())) {
                throw new IllegalArgumentException(
                        "stale edit at " + e.start + ": the text there is not '" + e.original + "'");
            }
            b.append(text, pos, e.start).append(e.replacement);
            pos = e.end;
        }
        return b.append(text, pos, text.length()).toString();
    }

    /**
     * The edits that undo {@code edits}: made for the text {@link #applyAll} produced, they restore the text the
     * edits were made for.
     */
    public static List<TextEdit> inverse(List<TextEdit> edits) {
        List<TextEdit> out = new ArrayList<>();
        int shift = 0;
        for (TextEdit e : sorted(edits)) {
            int s = e.start + shift;
            out.add(new TextEdit(s, s + e.replacement.length(), e.replacement, e.original));
            shift += e.delta();
        }
        return out;
    }

    /** True when no two of {@code edits} overlap (touching ranges do not overlap unless both are insertions). */
    public static boolean disjoint(List<TextEdit> a, List<TextEdit> b) {
        for (TextEdit x : a) {
            for (TextEdit y : b) {
                if (x.start < y.end && y.start < x.end || x.start == y.start) {
                    return false;
                }
            }
        }
        return true;
    }

    static List<TextEdit> sorted(List<TextEdit> edits) {
        List<TextEdit> s = new ArrayList<>(edits);
        s.sort(Comparator.comparingInt(TextEdit::start).thenComparingInt(TextEdit::end));
        return s;
    }
}
