// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.catalog;

import java.util.Map;

/**
 * Long-context pricing: when a request's input exceeds {@code thresholdTokens}, the WHOLE request is billed at
 * these prices (Anthropic Sonnet 4/4.5 and Gemini Pro above 200K, OpenAI GPT-5.4+ above 272K; Haiku 5.5's
 * prompt-length tier above 100K).
 */
public record LongContext(long thresholdTokens, Map<PriceKind, Price> prices) {
    public LongContext {
        prices = Map.copyOf(prices);
    }
}
