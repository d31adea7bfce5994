// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.catalog;

import java.util.Locale;

/**
 * How a provider bills: where cached tokens sit in the usage, whether cache writes cost extra, whether a batch API
 * exists. See {@code shared/reference/provider-rules.md} §0.
 */
public enum BillingRules {
    /** Cached tokens are part of the prompt count; no write fee before GPT-5.6; Batch API 50 % off. */
    OPENAI(true, true),
    /** Cache reads and writes are on top of input_tokens; 5-minute and 1-hour writes; Message Batches 50 % off. */
    ANTHROPIC(false, true),
    /** promptTokenCount includes cachedContentTokenCount; thinking billed as output; Batch API 50 % off. */
    GEMINI(true, true),
    /** Hosted open-weight models (OpenAI-compatible APIs): prices as listed, no batch discount assumed. */
    OPEN(true, false);

    private final boolean cachedInsidePrompt;
    private final boolean batchHalfPrice;

    BillingRules(boolean cachedInsidePrompt, boolean batchHalfPrice) {
        this.cachedInsidePrompt = cachedInsidePrompt;
        this.batchHalfPrice = batchHalfPrice;
    }

    /** True when the provider's usage reports cached tokens inside the prompt token count. */
    public boolean cachedInsidePrompt() {
        return cachedInsidePrompt;
    }

    /** True when the provider documents a batch API at 50 % of every token price. */
    public boolean batchHalfPrice() {
        return batchHalfPrice;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BillingRules parse(String s) {
        for (BillingRules r : values()) {
            if (r.id().equalsIgnoreCase(s == null ? "" : s.trim())) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown rules '" + s + "' (known: openai, anthropic, gemini, open)");
    }

    /** The rules a provider id implies when an entry does not name them. */
    public static BillingRules forProvider(String provider) {
        switch (provider == null ? "" : provider.toLowerCase(Locale.ROOT)) {
            case "openai":
            case "azure":
                return OPENAI;
            case "anthropic":
                return ANTHROPIC;
            case "google":
            case "gemini":
            case "vertex_ai":
                return GEMINI;
            default:
                return OPEN;
        }
    }
}
