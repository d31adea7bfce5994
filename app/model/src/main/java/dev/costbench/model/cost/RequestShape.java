// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.cost;

/**
 * A request as a user describes it before sending it: its whole prompt size and which part of it the cache serves.
 *
 * @param inputTokens  all prompt tokens, cached or not
 * @param cachedTokens the part of {@code inputTokens} read from the prompt cache
 * @param cacheWrite5m the part written to a 5-minute cache
 * @param cacheWrite1h the part written to a 1-hour cache
 * @param outputTokens expected visible output tokens
 * @param reasoningTokens expected reasoning / thinking tokens
 */
public record RequestShape(
        long inputTokens,
        long cachedTokens,
        long cacheWrite5m,
        long cacheWrite1h,
        long outputTokens,
        long reasoningTokens) {

    public RequestShape {
        if (inputTokens < 0
                || cachedTokens < 0
                || cacheWrite5m < 0
                || cacheWrite1h < 0
                || outputTokens < 0
                || reasoningTokens < 0) {
            throw new IllegalArgumentException("token counts must not be negative");
        }
        if (cachedTokens + cacheWrite5m + cacheWrite1h > inputTokens) {
            throw new IllegalArgumentException("cached and cache-write tokens ("
                    + (cachedTokens + cacheWrite5m + cacheWrite1h) + ") exceed the input tokens (" + inputTokens + ")");
        }
    }

    public static RequestShape of(long input, long output) {
        return new RequestShape(input, 0, 0, 0, output, 0);
    }
}
