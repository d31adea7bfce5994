// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.catalog;

import java.util.Locale;

/**
 * The one place that turns a catalog provider id ({@code "openai"}, {@code "google"}) into the name people know
 * ("OpenAI", "Google"). Ids stay in files and JSON output; names are what tables, lists and headers show.
 */
public final class ProviderNames {

    private static final NameTable NAMES = NameTable.load("provider-names.properties");

    private ProviderNames() {}

    /** True when the id has a name of its own (not one made up from the id). */
    public static boolean isKnown(String id) {
        return id != null && NAMES.has(id.trim().toLowerCase(Locale.ROOT));
    }

    /**
     * The provider's name for a catalog id; an id not listed (a user catalog's own provider) is shown with each word
     * capitalised ("my-lab" becomes "My Lab"), and a missing id as "Unknown provider".
     */
    public static String displayName(String id) {
        if (id == null || id.isBlank()) {
            return "Unknown provider";
        }
        String key = id.trim().toLowerCase(Locale.ROOT);
        String known = NAMES.get(key);
        if (known != null) {
            return known;
        }
        StringBuilder out = new StringBuilder();
        for (String word : key.split("[-_\\s]+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return out.length() == 0 ? id.trim() : out.toString();
    }
}
