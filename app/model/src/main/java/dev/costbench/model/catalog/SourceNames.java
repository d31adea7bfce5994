// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.catalog;

/**
 * Short names for the catalog's price source keys ({@code LL} is "LiteLLM price list"), for tables that have no room
 * for a source's full description. The description (file, commit, date) stays in {@link Catalog#sources()}.
 */
public final class SourceNames {

    private static final NameTable NAMES = NameTable.load("source-names.properties");

    private SourceNames() {}

    /** True when the key has a short name of its own. */
    public static boolean isKnown(String key) {
        return key != null && NAMES.has(key.trim());
    }

    /**
     * The short name of a source key. A key not listed (a user catalog's own source) is named by the start of its
     * description — up to the first comma, parenthesis or colon — or by the key itself when there is none.
     */
    public static String name(String key, String description) {
        if (key == null || key.isBlank()) {
            return "no source";
        }
        String known = NAMES.get(key.trim());
        if (known != null) {
            return known;
        }
        if (description == null || description.isBlank() || description.equals(key)) {
            return key.trim();
        }
        String d = description.trim();
        int cut = d.length();
        for (String stop : new String[] {",", " (", ": ", ";"}) {
            int i = d.indexOf(stop);
            if (i > 0 && i < cut) {
                cut = i;
            }
        }
        return d.substring(0, cut).trim();
    }

    /** The short name of a key, its description looked up in the catalog. */
    public static String name(Catalog catalog, String key) {
        return name(
                key, catalog == null || key == null ? null : catalog.sources().get(key));
    }
}
