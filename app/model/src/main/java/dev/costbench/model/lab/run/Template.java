// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code {{placeholder}}} filling. A name is letters, digits, {@code _}, {@code -} and {@code .}; spaces inside the
 * braces are allowed ({@code {{ ticket }}}). Values are inserted as they are (a value that itself contains
 * {@code {{x}}} is not filled again). Text in braces that is not a valid name is left alone.
 */
public final class Template {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.-]+)\\s*}}");

    private Template() {}

    /** The placeholder names in {@code text}, in order of first use. */
    public static Set<String> placeholders(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text != null) {
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    /**
     * Fills every placeholder of {@code text} from {@code variables}.
     *
     * @param where what is being filled, for the message ("variant \"optimized\", message 1 with input \"T-1\"")
     * @throws SpecException naming every placeholder that has no value, and the variables the input does have
     */
    public static String fill(String text, Map<String, String> variables, String where) {
        if (text == null) {
            return null;
        }
        Set<String> missing = new LinkedHashSet<>();
        for (String p : placeholders(text)) {
            if (!variables.containsKey(p)) {
                missing.add(p);
            }
        }
        if (!missing.isEmpty()) {
            StringBuilder b = new StringBuilder(where).append(": no value for ");
            int i = 0;
            for (String p : missing) {
                b.append(i++ == 0 ? "" : ", ").append("{{").append(p).append("}}");
            }
            b.append(
                    variables.isEmpty()
                            ? " (the input has no variables)"
                            : " (the input has: " + String.join(", ", variables.keySet()) + ")");
            throw new SpecException(b.toString());
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 64);
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(variables.get(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
