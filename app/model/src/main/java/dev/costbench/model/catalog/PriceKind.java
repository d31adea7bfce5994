// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.catalog;

/** The per-token prices a catalog entry may list, all in USD per 1M tokens (cache storage per 1M tokens per hour). */
public enum PriceKind {
    INPUT("input", "Input"),
    CACHED_INPUT("cachedInput", "Cached input (read)"),
    CACHE_WRITE_5M("cacheWrite5m", "Cache write (5 min)"),
    CACHE_WRITE_1H("cacheWrite1h", "Cache write (1 h)"),
    OUTPUT("output", "Output"),
    BATCH_INPUT("batchInput", "Batch input"),
    BATCH_OUTPUT("batchOutput", "Batch output"),
    INPUT_AUDIO("inputAudio", "Audio input"),
    OUTPUT_AUDIO("outputAudio", "Audio output"),
    /** Gemini explicit caching: USD per 1M cached tokens per hour the cache is kept (its TTL). */
    CACHE_STORAGE("cacheStorage", "Cache storage (per 1M tokens per hour)");

    private final String json;
    private final String label;

    PriceKind(String json, String label) {
        this.json = json;
        this.label = label;
    }

    /** The key used in catalog files. */
    public String json() {
        return json;
    }

    public String label() {
        return label;
    }

    public static PriceKind fromJson(String key) {
        for (PriceKind k : values()) {
            if (k.json.equals(key)) {
                return k;
            }
        }
        return null;
    }
}
