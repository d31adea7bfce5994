// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/** Words for what a JSON file holds where a reader refuses it: a value's kind, a field it does not know. */
public final class JsonFields {

    /** The most characters of a file's text a message repeats. */
    public static final int SHOWN = 40;

    private JsonFields() {}

    /** A value as a message names it: {@code the text "…"} (shortened), or its kind ({@code number}, {@code array}). */
    public static String type(JsonNode n) {
        if (n.isTextual()) {
            return "the text \"" + shorten(n.asText()) + "\"";
        }
        return n.getNodeType().toString().toLowerCase(Locale.ROOT);
    }

    /** {@code s} cut to {@value #SHOWN} characters with an ellipsis. */
    public static String shorten(String s) {
        return s.length() <= SHOWN ? s : s.substring(0, SHOWN) + "…";
    }

    /**
     * Refuses the first field of {@code node} not in {@code known}: "{@code prefix}field: not a field of {@code what}
     * (known: …)".
     *
     * @throws IllegalArgumentException naming the field and the fields known
     */
    public static void requireKnown(JsonNode node, String prefix, Set<String> known, String what) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                throw new IllegalArgumentException(prefix + shorten(f) + ": not a field of " + what + " (known: "
                        + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }
}
