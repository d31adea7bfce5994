// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.costbench.model.cost.CanonicalUsage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns OpenAI's usage objects into {@link CanonicalUsage} ({@code shared/reference/provider-rules.md} §0, §1.7).
 *
 * <p>OpenAI counts cached and cache-written tokens <em>inside</em> the prompt count, and reasoning tokens
 * <em>inside</em> the completion count, so:
 * <pre>
 * uncachedInput = prompt_tokens - cached_tokens - cache_write_tokens     (Responses: input_tokens - …)
 * cacheRead     = prompt_tokens_details.cached_tokens                    (Responses:
 * input_tokens_details.cached_tokens)
 * cacheWrite5m  = prompt_tokens_details.cache_write_tokens               (GPT-5.6+ only; 0 elsewhere)
 * reasoning     = completion_tokens_details.reasoning_tokens             (Responses: output_tokens_details.…)
 * output        = completion_tokens - reasoning                          (visible text/audio only)
 * </pre>
 * Missing details count as 0. A detail larger than its total (a server bug) is clamped so no counter goes
 * negative. The same shapes are used by OpenAI-compatible servers, which often send only the three totals.
 */
public final class OpenAiUsage {

    private OpenAiUsage() {}

    /** A usage object from either API: Responses ({@code input_tokens}) or Chat Completions ({@code prompt_tokens}). */
    public static CanonicalUsage of(JsonNode usage) {
        if (usage.has("input_tokens") || usage.has("output_tokens")) {
            return fromResponses(usage);
        }
        return fromChat(usage);
    }

    /** Responses API {@code usage}. */
    public static CanonicalUsage fromResponses(JsonNode u) {
        return split(u, "input_tokens", "output_tokens");
    }

    /** Chat Completions {@code usage}. */
    public static CanonicalUsage fromChat(JsonNode u) {
        return split(u, "prompt_tokens", "completion_tokens");
    }

    /**
     * The two APIs report alike under other names: {@code input}, {@code output} and their {@code _details}
     * ({@code cached_tokens}, {@code cache_write_tokens}; {@code reasoning_tokens}).
     */
    private static CanonicalUsage split(JsonNode u, String input, String output) {
        JsonNode in = u.path(input + "_details");
        return split(
                n(u, input),
                n(in, "cached_tokens"),
                n(in, "cache_write_tokens"),
                n(u, output),
                n(u.path(output + "_details"), "reasoning_tokens"));
    }

    /**
     * Input tokens per modality where reported (Chat Completions {@code prompt_tokens_details.text_tokens},
     * {@code image_tokens}, {@code audio_tokens}); zero entries are left out except when all are zero.
     */
    public static Map<String, Long> inputByModality(JsonNode u) {
        JsonNode d = u.has("prompt_tokens_details") ? u.path("prompt_tokens_details") : u.path("input_tokens_details");
        Map<String, Long> m = new LinkedHashMap<>();
        for (String k : new String[] {"text", "image", "audio"}) {
            JsonNode v = d.path(k + "_tokens");
            if (v.canConvertToLong() && v.asLong() > 0) {
                m.put(k, v.asLong());
            }
        }
        return m;
    }

    private static CanonicalUsage split(long input, long cached, long written, long output, long reasoning) {
        long read = Math.min(cached, input);
        long write = Math.min(written, input - read);
        long thinking = Math.min(reasoning, output);
        return new CanonicalUsage(input - read - write, read, write, 0, output - thinking, thinking);
    }

    private static long n(JsonNode parent, String field) {
        JsonNode v = parent.path(field);
        return v.canConvertToLong() ? Math.max(0, v.asLong()) : 0;
    }
}
