// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.catalog.refresh;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The price lists CostBench can import, each with the source key its prices carry in the user catalog. */
public enum ImportSource {
    LITELLM(
            "litellm",
            "LiteLLM",
            "LL-import",
            Set.of("LL"),
            "model_prices_and_context_window.json",
            "https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json"),
    GENAI_PRICES(
            "genai-prices",
            "genai-prices",
            "GP-import",
            Set.of(),
            "prices/data.json or data_slim.json",
            "https://raw.githubusercontent.com/pydantic/genai-prices/main/prices/data.json"),
    OPENROUTER(
            "openrouter",
            "OpenRouter",
            "OR-import",
            Set.of(),
            "the /api/v1/models response",
            "https://openrouter.ai/api/v1/models");

    private final String id;
    private final String displayName;
    private final String sourceKey;
    private final Set<String> olderKeys;
    private final String fileHint;
    private final String publishedAt;

    ImportSource(
            String id,
            String displayName,
            String sourceKey,
            Set<String> olderKeys,
            String fileHint,
            String publishedAt) {
        this.id = id;
        this.displayName = displayName;
        this.sourceKey = sourceKey;
        this.olderKeys = olderKeys;
        this.fileHint = fileHint;
        this.publishedAt = publishedAt;
    }

    /** Where the source publishes its file: offered (never fetched) when the user imports from a web address. */
    public String publishedAt() {
        return publishedAt;
    }

    /** The name on the command line ({@code --from litellm}). */
    public String id() {
        return id;
    }

    /** The name people know it by ("LiteLLM", "OpenRouter"). */
    public String displayName() {
        return displayName;
    }

    /** The catalog source key the imported prices carry. */
    public String sourceKey() {
        return sourceKey;
    }

    /** What file the source publishes ("model_prices_and_context_window.json"). */
    public String fileHint() {
        return fileHint;
    }

    /** True when a catalog price with source key {@code key} came from this source (an earlier import of it). */
    public boolean owns(String key) {
        return key != null && (key.equals(sourceKey) || olderKeys.contains(key));
    }

    /** The importer that reads this source's file. */
    public PriceImporter importer() {
        return switch (this) {
            case LITELLM -> new LiteLlmPriceImporter();
            case GENAI_PRICES -> new GenAiPricesImporter();
            case OPENROUTER -> new OpenRouterImporter();
        };
    }

    public static Optional<ImportSource> fromId(String id) {
        String s = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(v -> v.id.equals(s)).findFirst();
    }

    /** "litellm, genai-prices, openrouter". */
    public static String ids() {
        return Arrays.stream(values()).map(ImportSource::id).collect(Collectors.joining(", "));
    }
}
