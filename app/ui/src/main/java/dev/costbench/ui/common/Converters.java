// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.common;

import java.util.function.Function;
import javafx.util.StringConverter;

/** Converters for choice controls that show each value by a label and are not typed into. */
public final class Converters {

    private Converters() {}

    /** Shows a value as {@code label} says (null as ""); nothing is read back from text. */
    public static <T> StringConverter<T> showing(Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : label.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null; // not editable
            }
        };
    }
}
