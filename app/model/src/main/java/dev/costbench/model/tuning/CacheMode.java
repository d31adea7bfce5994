// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tuning;

/** How a provider caches a prompt prefix ({@code provider-rules.md} §1.5, §2.4, §3.5). */
public enum CacheMode {
    /** OpenAI: automatic for prompts of 1,024 tokens or more; no write fee before GPT-5.6, 1.25× after. */
    AUTOMATIC("automatic prefix caching"),
    /** Anthropic: explicit {@code cache_control} breakpoints; 1.25× (5 min) or 2× (1 h) writes, 0.1× reads. */
    EXPLICIT("explicit cache_control breakpoints"),
    /** Gemini implicit caching: automatic, no storage cost, no guarantee of a hit. */
    IMPLICIT("implicit caching (no guarantee)"),
    /** Gemini explicit caching: a cachedContents resource, billed for storage per hour. */
    EXPLICIT_STORED("explicit cachedContents with storage per hour"),
    /** No cache discount listed for the model. */
    NONE("no prompt caching listed");

    private final String label;

    CacheMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
