// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.cost.CanonicalUsage;

/**
 * Turns an Anthropic {@code usage} object into {@link CanonicalUsage} ({@code provider-rules.md} §0 and §2.7).
 *
 * <ul>
 *   <li>{@code input_tokens}, {@code cache_read_input_tokens} and {@code cache_creation_input_tokens} are disjoint:
 *       the cache counters come <em>on top of</em> {@code input_tokens}, so nothing is subtracted.</li>
 *   <li>Cache writes are split by lifetime with {@code cache_creation.ephemeral_5m_input_tokens} and
 *       {@code ephemeral_1h_input_tokens}. When only {@code cache_creation_input_tokens} is present (older API
 *       versions, gateways) the writes are taken as 5-minute writes, the default lifetime; a total larger than the
 *       breakdown puts the rest in the 5-minute bucket too.</li>
 *   <li>Thinking tokens are inside {@code output_tokens}, which stays the authoritative billed total. Anthropic
 *       reports them separately only in {@code output_tokens_details.thinking_tokens} (documented in the SDK types
 *       since v0.121.0 as a read-only decomposition). When that field is present, {@code reasoning} gets it and
 *       {@code output} gets the rest, so {@code output + reasoning == output_tokens} always; when it is absent,
 *       {@code output} is {@code output_tokens} as reported and {@code reasoning} is 0.</li>
 * </ul>
 */
public final class AnthropicUsage {

    private AnthropicUsage() {}

    /** The canonical form of {@code usage}; missing counters count as 0. */
    public static CanonicalUsage toCanonical(JsonNode usage) {
        long input = count(usage, "input_tokens");
        long read = count(usage, "cache_read_input_tokens");
        long writeTotal = count(usage, "cache_creation_input_tokens");
        long write5m;
        long write1h;
        JsonNode byTtl = usage == null ? null : usage.get("cache_creation");
        if (byTtl != null && byTtl.isObject()) {
            write5m = count(byTtl, "ephemeral_5m_input_tokens");
            write1h = count(byTtl, "ephemeral_1h_input_tokens");
            long rest = writeTotal - write5m - write1h;
            if (rest > 0) {
                write5m += rest;
            }
        } else {
            write5m = writeTotal;
            write1h = 0;
        }
        long output = count(usage, "output_tokens");
        long thinking = usage == null ? 0 : count(usage.path("output_tokens_details"), "thinking_tokens");
        thinking = Math.min(thinking, output);
        return new CanonicalUsage(input, read, write5m, write1h, output - thinking, thinking);
    }

    /** The tier that served the request, {@code usage.service_tier} ("standard", "priority", "batch"), or null. */
    public static String servedTier(JsonNode usage) {
        JsonNode t = usage == null ? null : usage.get("service_tier");
        return t != null && t.isTextual() ? t.asText() : null;
    }

    /**
     * Folds a streamed {@code message_delta.usage} into the {@code message_start} usage: the delta's counters are
     * cumulative, so each one present replaces the earlier value.
     */
    static void merge(ObjectNode into, JsonNode delta) {
        if (delta == null || !delta.isObject()) {
            return;
        }
        delta.fields().forEachRemaining(e -> {
            if (!e.getValue().isNull()) {
                into.set(e.getKey(), e.getValue());
            }
        });
    }

    private static long count(JsonNode n, String field) {
        if (n == null) {
            return 0;
        }
        JsonNode v = n.get(field);
        return v != null && v.canConvertToLong() ? Math.max(0, v.asLong()) : 0;
    }
}
