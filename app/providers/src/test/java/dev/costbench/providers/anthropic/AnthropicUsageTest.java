// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.anthropic;

import static dev.costbench.providers.testkit.ProviderMock.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.cost.CanonicalUsage;
import org.junit.jupiter.api.Test;

/** Anthropic's cache counters come on top of input_tokens; writes are split by TTL (provider-rules.md §0, §2.4). */
class AnthropicUsageTest {

    @Test
    void plainUsage() {
        assertEquals(
                new CanonicalUsage(2095, 0, 0, 0, 503, 0),
                AnthropicUsage.toCanonical(tree("{\"input_tokens\": 2095, \"output_tokens\": 503}")));
    }

    @Test
    void cacheReadAndWritesAreOnTopOfInputTokens() {
        CanonicalUsage u = AnthropicUsage.toCanonical(tree("""
                {"input_tokens": 50, "cache_creation_input_tokens": 3000, "cache_read_input_tokens": 10000,
                 "cache_creation": {"ephemeral_5m_input_tokens": 1000, "ephemeral_1h_input_tokens": 2000},
                 "output_tokens": 120}
                """));
        assertEquals(new CanonicalUsage(50, 10000, 1000, 2000, 120, 0), u);
        assertEquals(50 + 10000 + 3000, u.totalInput());
    }

    @Test
    void writesWithoutTheTtlBreakdownAreFiveMinuteWrites() {
        assertEquals(new CanonicalUsage(21, 0, 188086, 0, 393, 0), AnthropicUsage.toCanonical(tree("""
                {"input_tokens": 21, "cache_creation_input_tokens": 188086, "cache_read_input_tokens": 0,
                 "output_tokens": 393}
                """)));
    }

    @Test
    void breakdownShortOfTheTotalPutsTheRestInFiveMinutes() {
        assertEquals(new CanonicalUsage(1, 0, 150, 100, 2, 0), AnthropicUsage.toCanonical(tree("""
                {"input_tokens": 1, "cache_creation_input_tokens": 250,
                 "cache_creation": {"ephemeral_5m_input_tokens": 50, "ephemeral_1h_input_tokens": 100},
                 "output_tokens": 2}
                """)));
    }

    @Test
    void thinkingStaysInOutputUnlessBrokenDown() {
        assertEquals(
                new CanonicalUsage(10, 0, 0, 0, 900, 0),
                AnthropicUsage.toCanonical(tree("{\"input_tokens\": 10, \"output_tokens\": 900}")));
        CanonicalUsage split = AnthropicUsage.toCanonical(
                tree(
                        "{\"input_tokens\": 10, \"output_tokens\": 900, \"output_tokens_details\": {\"thinking_tokens\": 700}}"));
        assertEquals(new CanonicalUsage(10, 0, 0, 0, 200, 700), split);
        assertEquals(900, split.billedOutput());
    }

    @Test
    void nullsAndMissingCountersAreZero() {
        assertEquals(
                new CanonicalUsage(5, 0, 0, 0, 1, 0),
                AnthropicUsage.toCanonical(tree(
                        "{\"input_tokens\": 5, \"cache_creation_input_tokens\": null, \"cache_read_input_tokens\": null,"
                                + " \"cache_creation\": null, \"output_tokens\": 1}")));
        assertEquals(new CanonicalUsage(0, 0, 0, 0, 0, 0), AnthropicUsage.toCanonical(null));
    }

    @Test
    void streamedDeltaReplacesCumulativeCounters() {
        ObjectNode u = JsonNodeFactory.instance.objectNode();
        AnthropicUsage.merge(
                u, tree("{\"input_tokens\": 25, \"cache_read_input_tokens\": 4000, \"output_tokens\": 1}"));
        AnthropicUsage.merge(u, tree("{\"output_tokens\": 15, \"cache_read_input_tokens\": null}"));
        assertEquals(new CanonicalUsage(25, 4000, 0, 0, 15, 0), AnthropicUsage.toCanonical(u));
    }
}
