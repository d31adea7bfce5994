// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.common;

import java.util.List;
import java.util.Objects;

/**
 * A small form to fill in a dialog — yes/no questions, text fields, a choice — described without nodes, so that a
 * view model can ask it through {@link FormDialogs} and a test can answer it. Answers are keyed by {@link Field#key}:
 * "true"/"false" for a check box, the text for the others.
 */
public record Form(String title, String headline, List<Field> fields) {

    public Form {
        Objects.requireNonNull(headline);
        fields = List.copyOf(fields);
    }

    /** How a field is shown. */
    public enum Kind {
        /** A check box. */
        CHECK,
        /** A text field. */
        TEXT,
        /** An editable drop-down of {@link Field#choices}. */
        CHOICE
    }

    /** One field: its key in the answers, its label, its kind, its initial value and (for a choice) its options. */
    public record Field(String key, String label, Kind kind, String initial, List<String> choices) {

        public Field {
            Objects.requireNonNull(key);
            Objects.requireNonNull(label);
            initial = initial == null ? "" : initial;
            choices = choices == null ? List.of() : List.copyOf(choices);
        }

        public static Field check(String key, String label, boolean initial) {
            return new Field(key, label, Kind.CHECK, Boolean.toString(initial), List.of());
        }

        public static Field text(String key, String label, String initial) {
            return new Field(key, label, Kind.TEXT, initial, List.of());
        }

        public static Field choice(String key, String label, String initial, List<String> choices) {
            return new Field(key, label, Kind.CHOICE, initial, choices);
        }
    }
}
