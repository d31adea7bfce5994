// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.costbench.model.cost.CanonicalUsage;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a Gemini {@code usageMetadata} object into {@link CanonicalUsage} ({@code provider-rules.md} §0 and §3.1).
 *
 * <ul>
 *   <li>{@code promptTokenCount} <em>includes</em> {@code cachedContentTokenCount}: uncached input is the
 *       difference, the cached part is a cache read. Gemini reports no cache writes (explicit caches are created
 *       and billed through the {@code cachedContents} API), so both write counters are 0.</li>
 *   <li>{@code toolUsePromptTokenCount} is counted apart from the prompt and billed as input: it is added to the
 *       uncached input.</li>
 *   <li>{@code thoughtsTokenCount} is <em>not</em> inside {@code candidatesTokenCount}: {@code output} is
 *       {@code candidatesTokenCount} and {@code reasoning} is {@code thoughtsTokenCount};
 *       both are billed as output.</li>
 * </ul>
 */
public final class GeminiUsage {

    private GeminiUsage() {}

    /** The canonical form of {@code usageMetadata}; missing counters count as 0. */
    public static CanonicalUsage toCanonical(JsonNode usageMetadata) {
        long prompt = count(usageMetadata, "promptTokenCount");
        long cached = Math.min(prompt, count(usageMetadata, "cachedContentTokenCount"));
        long toolUse = count(usageMetadata, "toolUsePromptTokenCount");
        return new CanonicalUsage(
                prompt - cached + toolUse,
                cached,
                0,
                0,
                count(usageMetadata, "candidatesTokenCount"),
                count(usageMetadata, "thoughtsTokenCount"));
    }

    /**
     * Prompt tokens per modality from {@code promptTokensDetails}, keyed "text", "image", "audio", "video",
     * "document" (cached tokens included, as Gemini reports them); empty when the field is absent.
     */
    public static Map<String, Long> inputByModality(JsonNode usageMetadata) {
        Map<String, Long> out = new LinkedHashMap<>();
        JsonNode details = usageMetadata == null ? null : usageMetadata.get("promptTokensDetails");
        if (details != null && details.isArray()) {
            for (JsonNode d : details) {
                String modality = d.path("modality").asText("");
                if (!modality.isEmpty() && !modality.equals("MODALITY_UNSPECIFIED")) {
                    out.merge(modality.toLowerCase(Locale.ROOT), count(d, "tokenCount"), Long::sum);
                }
            }
        }
        return out;
    }

    private static long count(JsonNode n, String field) {
        if (n == null) {
            return 0;
        }
        JsonNode v = n.get(field);
        return v != null && v.canConvertToLong() ? Math.max(0, v.asLong()) : 0;
    }
}
