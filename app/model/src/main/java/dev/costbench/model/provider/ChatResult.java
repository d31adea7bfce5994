// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.provider;

import dev.costbench.model.cost.CanonicalUsage;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * What a provider answered.
 *
 * @param text              the visible answer
 * @param usage             the provider's usage in canonical form (see {@link CanonicalUsage} for the mapping)
 * @param inputByModality   input tokens per modality where the provider reports them ("text", "image", "audio",
 *                          "video"), else empty
 * @param finishReason      the provider's own stop reason ("stop", "end_turn", "MAX_TOKENS", "length", …)
 * @param model             the model id the provider says it used
 * @param responseId        the provider's id for the response, or null
 * @param latency           from sending the request to the last byte
 * @param timeToFirstToken  from sending to the first text delta (streaming only), else null
 * @param rawUsageJson      the usage object exactly as received (it never contains the key)
 * @param servedTier        the service tier the provider says it served, in its own word (OpenAI: the response's
 *                          {@code service_tier}, e.g. "default", "flex", "priority"; Anthropic:
 *                          {@code usage.service_tier}, "standard", "priority" or "batch"), or null when it reports
 *                          none (Gemini, most compatible servers)
 */
public record ChatResult(
        String text,
        CanonicalUsage usage,
        Map<String, Long> inputByModality,
        String finishReason,
        String model,
        String responseId,
        Duration latency,
        Duration timeToFirstToken,
        String rawUsageJson,
        String servedTier) {
    public ChatResult {
        inputByModality = Map.copyOf(inputByModality);
    }

    /** True when the answer was cut by the output cap. */
    public boolean truncated() {
        if (finishReason == null) {
            return false;
        }
        String f = finishReason.toLowerCase(Locale.ROOT);
        return f.equals("length") || f.equals("max_tokens") || f.equals("max_output_tokens") || f.equals("incomplete");
    }
}
