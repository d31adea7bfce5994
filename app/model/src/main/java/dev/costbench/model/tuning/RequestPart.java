// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tuning;

import java.util.Objects;

/**
 * One part of a request: either text (counted on each model) or a token count (media, expected reasoning and
 * output, or a part the user sized by hand).
 *
 * @param label  shown in the breakdown, e.g. "Example 3"; the kind's label when blank
 * @param text   the part's text, or null when {@code tokens} is given
 * @param tokens the part's tokens when {@code text} is null
 */
public record RequestPart(PartKind kind, String label, String text, long tokens) {

    public RequestPart {
        Objects.requireNonNull(kind, "kind");
        label = label == null || label.isBlank() ? kind.label() : label;
        if (text == null && tokens < 0) {
            throw new IllegalArgumentException("tokens must not be negative");
        }
        if (text != null && !kind.input()) {
            throw new IllegalArgumentException(kind.label() + " is given as a token count, not as text");
        }
    }

    public static RequestPart text(PartKind kind, String label, String text) {
        return new RequestPart(kind, label, Objects.requireNonNull(text, "text"), 0);
    }

    public static RequestPart tokens(PartKind kind, String label, long tokens) {
        return new RequestPart(kind, label, null, tokens);
    }

    public boolean isText() {
        return text != null;
    }
}
