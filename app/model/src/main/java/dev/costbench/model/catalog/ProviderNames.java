// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.catalog;

import java.util.Locale;
import java.util.Map;

/**
 * The one place that turns a catalog provider id ({@code "openai"}, {@code "google"}) into the name people know
 * ("OpenAI", "Google"). Ids stay in files and JSON output; names are what tables, lists and headers show.
 */
public final class ProviderNames {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("openai", "OpenAI"),
            Map.entry("anthropic", "Anthropic"),
            Map.entry("google", "Google"),
            Map.entry("gemini", "Google"),
            Map.entry("vertex_ai", "Google Vertex AI"),
            Map.entry("groq", "Groq"),
            Map.entry("mistral", "Mistral"),
            Map.entry("together", "Together AI"),
            Map.entry("together_ai", "Together AI"),
            Map.entry("cerebras", "Cerebras"),
            Map.entry("baseten", "Baseten"),
            Map.entry("deepseek", "DeepSeek"),
            Map.entry("openrouter", "OpenRouter"),
            Map.entry("fireworks", "Fireworks AI"),
            Map.entry("fireworks_ai", "Fireworks AI"),
            Map.entry("xai", "xAI"),
            Map.entry("cohere", "Cohere"),
            Map.entry("perplexity", "Perplexity"),
            Map.entry("azure", "Azure OpenAI"),
            Map.entry("bedrock", "Amazon Bedrock"),
            Map.entry("meta", "Meta"),
            Map.entry("ollama", "Ollama"),
            Map.entry("compatible", "OpenAI-compatible server"));

    private ProviderNames() {}

    /** True when the id has a name of its own (not one made up from the id). */
    public static boolean isKnown(String id) {
        return id != null && NAMES.containsKey(id.trim().toLowerCase(Locale.ROOT));
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
