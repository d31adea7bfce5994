// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.catalog;

import java.util.Map;

/**
 * Short names for the catalog's price source keys ({@code LL} is "LiteLLM price list"), for tables that have no room
 * for a source's full description. The description (file, commit, date) stays in {@link Catalog#sources()}.
 */
public final class SourceNames {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("LL", "LiteLLM price list"),
            Map.entry("LL-import", "LiteLLM import"),
            Map.entry("GP-import", "genai-prices import"),
            Map.entry("OR-import", "OpenRouter import"),
            Map.entry("MD", "models.dev"),
            Map.entry("CGP", "ChatGPT Pricing (secondary list)"),
            Map.entry("A-PRICE", "Anthropic pricing page"),
            Map.entry("A-RES", "Anthropic data residency"),
            Map.entry("A-O5", "Anthropic: what's new in Opus 5"),
            Map.entry("A-S5", "Anthropic: Sonnet 5 overview"),
            Map.entry("A-S55", "Anthropic: Sonnet 5.5 overview"),
            Map.entry("DEV-NPT", "dev.to article on Claude batch pricing"),
            Map.entry("G-PRICE", "Google Gemini pricing page"),
            Map.entry("G-PRICE-0923", "Google Gemini pricing page (2026-09-23 copies)"),
            Map.entry("G-CACHE", "Google Gemini caching guide"),
            Map.entry("G-OPT", "Google Gemini optimization guide"),
            Map.entry("TOG-GEO", "Together AI geo-specific inference"),
            Map.entry("PWR", "GPT-5.6 Sol promotion reports"),
            Map.entry("O-PRIO", "OpenAI priority processing page"),
            Map.entry("O-FLEX", "OpenAI flex processing guide"),
            Map.entry("O-56", "GPT-5.6 repricing reports"),
            Map.entry("A-FAST", "Anthropic fast mode prices"),
            Map.entry("CLAUDIT", "claudit (Haiku 5.5 tier check)"),
            Map.entry("CU", "claude-usage price table"),
            Map.entry("S5-CANCEL", "Sonnet 5 price rise cancelled"),
            Map.entry("ASTRA", "GPT-6 Astra price reports"));

    private SourceNames() {}

    /** True when the key has a short name of its own. */
    public static boolean isKnown(String key) {
        return key != null && NAMES.containsKey(key.trim());
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
