// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.ChatRequest.OpenAiApi;
import dev.costbench.model.provider.ChatResult;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.providers.MockApi;
import dev.costbench.providers.http.HttpEngine;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The requested {@code service_tier} goes into both APIs' bodies; the served tier is read from the response's
 * top-level {@code service_tier} (Chat Completions: every chunk; Responses: the response in
 * {@code response.completed}), streamed and not.
 */
class OpenAiServiceTierTest {

    private MockWebServer server;
    private OpenAiClient client;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        client = new OpenAiClient(
                new HttpEngine(MockApi.settings(ProviderId.OPENAI, server, "/v1", MockApi.KEY), new MockApi.Waits()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static ChatRequest ask(OpenAiApi api, boolean stream, String tier) {
        return ChatRequest.of("gpt-5-mini", null, "Hi")
                .withOpenAiApi(api)
                .withStream(stream)
                .withServiceTier(tier);
    }

    /** A Responses object as the API returns it when {@code tier} served it. */
    private static String served(String responseJson, String tier) {
        return responseJson.replace("\"store\":false,", "\"service_tier\":\"" + tier + "\",\"store\":false,");
    }

    @Test
    void responsesSendsTheTierAndReadsTheServedOne() throws Exception {
        server.enqueue(MockApi.json(
                200, served(OpenAiStreams.response("completed", null, "Hi.", OpenAiStreams.USAGE), "default")));
        ChatResult r = client.complete(ask(OpenAiApi.RESPONSES, false, "priority"), null, null);
        JsonNode body = MockApi.body(server.takeRequest());
        assertEquals("priority", body.path("service_tier").asText());
        assertEquals("default", r.servedTier());
    }

    @Test
    void responsesStreamReadsTheServedTierFromCompleted() throws Exception {
        server.enqueue(MockApi.sse(served(OpenAiStreams.responsesStream("Hel", "lo"), "flex")));
        ChatResult r = client.complete(ask(OpenAiApi.RESPONSES, true, "flex"), null, null);
        assertEquals(
                "flex", MockApi.body(server.takeRequest()).path("service_tier").asText());
        assertEquals("flex", r.servedTier());
    }

    @Test
    void chatCompletionsSendsTheTierAndReadsTheServedOne() throws Exception {
        server.enqueue(MockApi.json(
                200,
                OpenAiStreams.chatCompletion(
                                "Hi.", "stop", "{\"prompt_tokens\":9,\"completion_tokens\":3,\"total_tokens\":12}")
                        .replace("\"service_tier\":\"default\"", "\"service_tier\":\"priority\"")));
        ChatResult r = client.complete(ask(OpenAiApi.CHAT_COMPLETIONS, false, "priority"), null, null);
        assertEquals(
                "priority",
                MockApi.body(server.takeRequest()).path("service_tier").asText());
        assertEquals("priority", r.servedTier());
    }

    @Test
    void chatCompletionsStreamReadsTheServedTierFromTheChunks() throws Exception {
        server.enqueue(MockApi.sse(OpenAiStreams.chatStream(
                "{\"prompt_tokens\":9,\"completion_tokens\":3,\"total_tokens\":12}", "Hel", "lo")));
        ChatResult r = client.complete(ask(OpenAiApi.CHAT_COMPLETIONS, true, "flex"), null, null);
        assertEquals(
                "flex", MockApi.body(server.takeRequest()).path("service_tier").asText());
        assertEquals("default", r.servedTier(), "asked for flex, the chunks say default");
    }

    @Test
    void noTierAskedSendsNoField() throws Exception {
        server.enqueue(MockApi.json(200, OpenAiStreams.response("completed", null, "Hi.", OpenAiStreams.USAGE)));
        ChatResult r = client.complete(ask(OpenAiApi.RESPONSES, false, null), null, null);
        assertFalse(MockApi.body(server.takeRequest()).has("service_tier"));
        assertEquals(null, r.servedTier());
    }

    @Test
    void aTierOpenAiDoesNotTakeIsRefusedBeforeSending() {
        ProviderException e = assertThrows(
                ProviderException.class,
                () -> client.complete(ask(OpenAiApi.CHAT_COMPLETIONS, false, "standard_only"), null, null));
        assertEquals(ProviderException.Kind.BAD_REQUEST, e.kind());
        assertTrue(e.getMessage().contains("auto, default, flex or priority"), e.getMessage());
        assertEquals(0, server.getRequestCount());
    }
}
