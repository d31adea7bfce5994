// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.anthropic;

import static dev.costbench.providers.testkit.ProviderMock.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.ChatResult;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.providers.gemini.GeminiClient;
import dev.costbench.providers.testkit.ProviderMock;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Anthropic's {@code service_tier} request field ("auto" | "standard_only") and the served tier in
 * {@code usage.service_tier} ("standard" | "priority" | "batch"), streamed (in {@code message_start}) and not; Gemini
 * has no tier to ask for and refuses one before sending.
 */
class AnthropicServiceTierTest {

    private ProviderMock mock;
    private AnthropicClient client;

    @BeforeEach
    void start() throws IOException {
        mock = new ProviderMock();
        client = new AnthropicClient(mock.engine(mock.settings(ProviderId.ANTHROPIC, "/")));
    }

    @AfterEach
    void stop() {
        mock.close();
    }

    @Test
    void messageSendsTheTierAndReadsTheServedOne() throws Exception {
        mock.json(200, """
                {
                  "id": "msg_013Zva2CMHLNnXjNJJKqJ2EF",
                  "type": "message",
                  "role": "assistant",
                  "content": [{"type": "text", "text": "Hi."}],
                  "model": "claude-sonnet-4-5-20250929",
                  "stop_reason": "end_turn",
                  "stop_sequence": null,
                  "usage": {
                    "input_tokens": 12,
                    "cache_creation_input_tokens": 0,
                    "cache_read_input_tokens": 0,
                    "output_tokens": 4,
                    "service_tier": "priority"
                  }
                }
                """);
        ChatResult r = client.complete(
                ChatRequest.of("claude-sonnet-4-5", null, "Hi")
                        .withStream(false)
                        .withServiceTier("auto"),
                null,
                null);
        assertEquals("auto", body(mock.take()).path("service_tier").asText());
        assertEquals("priority", r.servedTier());
    }

    @Test
    void streamReadsTheServedTierFromMessageStart() throws Exception {
        mock.sse(AnthropicClientTest.STREAM.replace(
                "\"output_tokens\": 1}", "\"output_tokens\": 1, " + "\"service_tier\": \"standard\"}"));
        ChatResult r = client.complete(
                ChatRequest.of("claude-sonnet-4-5", null, "Hi").withServiceTier("standard_only"), null, null);
        JsonNode sent = body(mock.take());
        assertEquals("standard_only", sent.path("service_tier").asText());
        assertEquals("standard", r.servedTier());
    }

    @Test
    void countTokensLeavesTheTierOut() throws Exception {
        assertFalse(AnthropicRequests.countTokens(
                        ChatRequest.of("claude-sonnet-4-5", null, "Hi").withServiceTier("auto"))
                .has("service_tier"));
    }

    @Test
    void flexIsRefusedBeforeSending() {
        ProviderException e = assertThrows(
                ProviderException.class,
                () -> client.complete(
                        ChatRequest.of("claude-sonnet-4-5", null, "Hi").withServiceTier("flex"), null, null));
        assertEquals(ProviderException.Kind.BAD_REQUEST, e.kind());
        assertTrue(e.getMessage().contains("auto") && e.getMessage().contains("standard_only"), e.getMessage());
        assertEquals(0, mock.server.getRequestCount());
    }

    @Test
    void geminiRefusesAnyTierBeforeSending() throws Exception {
        GeminiClient gemini = new GeminiClient(mock.engine(mock.settings(ProviderId.GEMINI, "/v1beta")));
        ProviderException e = assertThrows(
                ProviderException.class,
                () -> gemini.complete(
                        ChatRequest.of("gemini-2.5-flash", null, "Hi").withServiceTier("priority"), null, null));
        assertTrue(e.getMessage().contains("no service tier"), e.getMessage());
        assertEquals(0, mock.server.getRequestCount());
    }
}
