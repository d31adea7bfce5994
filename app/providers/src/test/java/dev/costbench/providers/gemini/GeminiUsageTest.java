// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.gemini;

import static dev.costbench.providers.testkit.ProviderMock.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.costbench.model.cost.CanonicalUsage;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Gemini reports cached tokens inside promptTokenCount and thoughts outside candidatesTokenCount (§0, §3.1). */
class GeminiUsageTest {

    @Test
    void plainUsage() {
        assertEquals(
                new CanonicalUsage(8, 0, 0, 0, 404, 0),
                GeminiUsage.toCanonical(
                        tree("{\"promptTokenCount\": 8, \"candidatesTokenCount\": 404, \"totalTokenCount\": 412}")));
    }

    @Test
    void cachedTokensAreSubtractedFromThePromptAndThoughtsAreReasoning() {
        CanonicalUsage u = GeminiUsage.toCanonical(tree("""
                {"promptTokenCount": 10000, "cachedContentTokenCount": 8192, "candidatesTokenCount": 300,
                 "thoughtsTokenCount": 863, "totalTokenCount": 11163,
                 "promptTokensDetails": [{"modality": "TEXT", "tokenCount": 10000}],
                 "cacheTokensDetails": [{"modality": "TEXT", "tokenCount": 8192}]}
                """));
        assertEquals(new CanonicalUsage(1808, 8192, 0, 0, 300, 863), u);
        assertEquals(10000, u.totalInput());
        assertEquals(1163, u.billedOutput());
    }

    @Test
    void toolUsePromptTokensAreInput() {
        assertEquals(
                new CanonicalUsage(150, 0, 0, 0, 20, 0),
                GeminiUsage.toCanonical(tree(
                        "{\"promptTokenCount\": 100, \"toolUsePromptTokenCount\": 50, \"candidatesTokenCount\": 20}")));
    }

    @Test
    void missingCountersAreZero() {
        assertEquals(
                new CanonicalUsage(9, 0, 0, 0, 0, 0),
                GeminiUsage.toCanonical(tree("{\"promptTokenCount\": 9, \"totalTokenCount\": 9}")));
        assertEquals(new CanonicalUsage(0, 0, 0, 0, 0, 0), GeminiUsage.toCanonical(null));
    }

    @Test
    void inputByModality() {
        assertEquals(
                Map.of("text", 12L, "image", 1032L, "audio", 1920L, "video", 15480L),
                GeminiUsage.inputByModality(tree("""
                        {"promptTokenCount": 18444, "promptTokensDetails": [
                          {"modality": "TEXT", "tokenCount": 12}, {"modality": "IMAGE", "tokenCount": 1032},
                          {"modality": "AUDIO", "tokenCount": 1920}, {"modality": "VIDEO", "tokenCount": 15480}]}
                        """)));
        assertEquals(Map.of(), GeminiUsage.inputByModality(tree("{\"promptTokenCount\": 3}")));
    }
}
