// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.cost;

/**
 * The token usage of one request in one shape for every provider. The counters are disjoint:
 * total input = {@code uncachedInput + cacheRead + cacheWrite5m + cacheWrite1h}; billed output =
 * {@code output + reasoning}.
 *
 * <p>Provider usage maps onto it as {@code shared/reference/provider-rules.md} §0 says: OpenAI and Gemini report
 * cached tokens inside the prompt count (subtract them), Anthropic reports them on top of {@code input_tokens};
 * OpenAI's reasoning tokens are inside {@code completion_tokens}, Gemini's {@code thoughtsTokenCount} is not.
 *
 * @param uncachedInput input tokens billed at the input rate
 * @param cacheRead     input tokens read from the prompt cache
 * @param cacheWrite5m  input tokens written to a 5-minute cache (OpenAI GPT-5.6+: its only write kind)
 * @param cacheWrite1h  input tokens written to a 1-hour cache (Anthropic)
 * @param output        visible output tokens
 * @param reasoning     reasoning / thinking tokens, billed as output
 */
public record CanonicalUsage(
        long uncachedInput, long cacheRead, long cacheWrite5m, long cacheWrite1h, long output, long reasoning) {

    public CanonicalUsage {
        if (uncachedInput < 0 || cacheRead < 0 || cacheWrite5m < 0 || cacheWrite1h < 0 || output < 0 || reasoning < 0) {
            throw new IllegalArgumentException("token counts must not be negative");
        }
    }

    public long totalInput() {
        return uncachedInput + cacheRead + cacheWrite5m + cacheWrite1h;
    }

    public long billedOutput() {
        return output + reasoning;
    }
}
