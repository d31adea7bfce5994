// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.anthropic;

import static dev.costbench.providers.testkit.ProviderMock.FAKE_KEY;
import static dev.costbench.providers.testkit.ProviderMock.assertKeyRedacted;
import static dev.costbench.providers.testkit.ProviderMock.body;
import static dev.costbench.providers.testkit.ProviderMock.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.prompt.Role;
import dev.costbench.model.provider.CancelToken;
import dev.costbench.model.provider.ChatMessage;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.ChatResult;
import dev.costbench.model.provider.Part;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderException.Kind;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.ProviderSettings;
import dev.costbench.model.provider.Secret;
import dev.costbench.model.provider.TokenCountResult;
import dev.costbench.providers.gemini.GeminiClient;
import dev.costbench.providers.testkit.MockedProviderTest;
import dev.costbench.providers.testkit.Requests;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link AnthropicClient} against a mock server answering as Anthropic's Messages API documentation shows. */
class AnthropicClientTest extends MockedProviderTest {

    private AnthropicClient client;

    @BeforeEach
    void start() throws IOException {
        client = new AnthropicClient(mock.engine(mock.settings(ProviderId.ANTHROPIC, "/")));
    }

    /** A request using every feature the client maps: cached system text, cache breakpoints, image, thinking. */
    private static ChatRequest fullRequest(boolean stream) {
        List<ChatMessage> messages = List.of(
                new ChatMessage(
                        Role.USER,
                        List.of(
                                new Part.Text("Long shared context", Part.CacheTtl.FIVE_MINUTES),
                                new Part.Image(new byte[] {1, 2, 3}, "image/png", null),
                                new Part.Text("What is in the picture?"))),
                ChatMessage.assistant("A square."),
                ChatMessage.user("Which colour?"));
        return new ChatRequest(
                "claude-sonnet-4-5",
                "You are terse.",
                Part.CacheTtl.ONE_HOUR,
                messages,
                2048,
                1.0,
                42L,
                1024,
                null,
                null,
                stream,
                null,
                null,
                null);
    }

    private static final String EXPECTED_BODY = """
            {"model":"claude-sonnet-4-5","max_tokens":2048,
             "system":[{"type":"text","text":"You are terse.","cache_control":{"type":"ephemeral","ttl":"1h"}}],
             "messages":[
               {"role":"user","content":[
                 {"type":"text","text":"Long shared context","cache_control":{"type":"ephemeral"}},
                 {"type":"image","source":{"type":"base64","media_type":"image/png","data":"AQID"}},
                 {"type":"text","text":"What is in the picture?"}]},
               {"role":"assistant","content":[{"type":"text","text":"A square."}]},
               {"role":"user","content":[{"type":"text","text":"Which colour?"}]}],
             "thinking":{"type":"enabled","budget_tokens":1024},
             "temperature":1.0}
            """;

    private static void assertHeaders(RecordedRequest r) {
        assertEquals(FAKE_KEY, r.getHeaders().get("x-api-key"));
        assertEquals("2023-06-01", r.getHeaders().get("anthropic-version"));
        assertTrue(r.getHeaders().get("content-type").startsWith("application/json"));
        assertNull(r.getHeaders().get("authorization"), "Anthropic takes x-api-key, not a bearer token");
    }

    @Test
    void nonStreamingMessageRequestAndResponse() throws Exception {
        // Response shaped as the Messages API reference shows it, with thinking and prompt-caching usage.
        mock.json(200, """
                {
                  "id": "msg_013Zva2CMHLNnXjNJJKqJ2EF",
                  "type": "message",
                  "role": "assistant",
                  "content": [
                    {"type": "thinking", "thinking": "The square was red.", "signature": "EqQBCgIYAhIM1gbcDa9GJwZA"},
                    {"type": "text", "text": "Red"},
                    {"type": "text", "text": "."}
                  ],
                  "model": "claude-sonnet-4-5-20250929",
                  "stop_reason": "end_turn",
                  "stop_sequence": null,
                  "usage": {
                    "input_tokens": 21,
                    "cache_creation_input_tokens": 3000,
                    "cache_read_input_tokens": 188086,
                    "cache_creation": {"ephemeral_5m_input_tokens": 1000, "ephemeral_1h_input_tokens": 2000},
                    "output_tokens": 393,
                    "service_tier": "standard"
                  }
                }
                """);
        ChatResult res = client.complete(fullRequest(false), null, CancelToken.none());

        RecordedRequest r = mock.take();
        assertEquals("POST", r.getMethod());
        assertEquals("/v1/messages", r.getTarget());
        assertHeaders(r);
        assertEquals(tree(EXPECTED_BODY), body(r));

        assertEquals("Red.", res.text());
        assertEquals("end_turn", res.finishReason());
        assertEquals("claude-sonnet-4-5-20250929", res.model());
        assertEquals("msg_013Zva2CMHLNnXjNJJKqJ2EF", res.responseId());
        assertEquals(new CanonicalUsage(21, 188086, 1000, 2000, 393, 0), res.usage());
        assertEquals(Map.of(), res.inputByModality());
        assertNull(res.timeToFirstToken());
        assertNotNull(res.latency());
        assertEquals(
                188086, tree(res.rawUsageJson()).path("cache_read_input_tokens").asLong());
        assertFalse(res.rawUsageJson().contains(FAKE_KEY));
    }

    /** The documented stream: message_start, ping, thinking and text deltas, cumulative message_delta usage. */
    static final String STREAM = """
            event: message_start
            data: {"type": "message_start", "message": {"id": "msg_1nZdL29xx5MUA1yADyHTEsnR8uuvGzszyY", "type": "message", "role": "assistant", "content": [], "model": "claude-sonnet-4-5-20250929", "stop_reason": null, "stop_sequence": null, "usage": {"input_tokens": 25, "cache_creation_input_tokens": 1500, "cache_read_input_tokens": 4000, "cache_creation": {"ephemeral_5m_input_tokens": 0, "ephemeral_1h_input_tokens": 1500}, "output_tokens": 1}}}

            event: content_block_start
            data: {"type": "content_block_start", "index": 0, "content_block": {"type": "thinking", "thinking": ""}}

            event: ping
            data: {"type": "ping"}

            event: content_block_delta
            data: {"type": "content_block_delta", "index": 0, "delta": {"type": "thinking_delta", "thinking": "Let me think."}}

            event: content_block_delta
            data: {"type": "content_block_delta", "index": 0, "delta": {"type": "signature_delta", "signature": "EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds"}}

            event: content_block_stop
            data: {"type": "content_block_stop", "index": 0}

            event: content_block_start
            data: {"type": "content_block_start", "index": 1, "content_block": {"type": "text", "text": ""}}

            event: content_block_delta
            data: {"type": "content_block_delta", "index": 1, "delta": {"type": "text_delta", "text": "Hello"}}

            event: content_block_delta
            data: {"type": "content_block_delta", "index": 1, "delta": {"type": "text_delta", "text": "!"}}

            event: content_block_stop
            data: {"type": "content_block_stop", "index": 1}

            event: message_delta
            data: {"type": "message_delta", "delta": {"stop_reason": "end_turn", "stop_sequence":null}, "usage": {"output_tokens": 15}}

            event: message_stop
            data: {"type": "message_stop"}

            """;

    @Test
    void streamingMessage() throws Exception {
        mock.sse(STREAM);
        List<String> deltas = new ArrayList<>();
        ChatResult res = client.complete(fullRequest(true), deltas::add, CancelToken.none());

        RecordedRequest r = mock.take();
        assertEquals("POST", r.getMethod());
        assertEquals("/v1/messages", r.getTarget());
        assertHeaders(r);
        assertEquals("text/event-stream", r.getHeaders().get("accept"));
        ObjectNode expected = (ObjectNode) tree(EXPECTED_BODY);
        expected.put("stream", true);
        assertEquals(expected, body(r));

        assertEquals(List.of("Hello", "!"), deltas);
        assertEquals("Hello!", res.text());
        assertEquals("end_turn", res.finishReason());
        assertEquals("claude-sonnet-4-5-20250929", res.model());
        assertEquals("msg_1nZdL29xx5MUA1yADyHTEsnR8uuvGzszyY", res.responseId());
        // input and cache counters from message_start, output_tokens (cumulative) from message_delta
        assertEquals(new CanonicalUsage(25, 4000, 0, 1500, 15, 0), res.usage());
        assertNotNull(res.timeToFirstToken());
        assertTrue(res.timeToFirstToken().compareTo(res.latency()) <= 0);
        assertEquals(15, tree(res.rawUsageJson()).path("output_tokens").asLong());
    }

    @Test
    void streamedMessageDeltaWithCumulativeInputCountersWins() throws Exception {
        mock.sse("""
                event: message_start
                data: {"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","content":[],"model":"claude-haiku-4-5","usage":{"input_tokens":10,"output_tokens":1}}}

                event: content_block_delta
                data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"ok"}}

                event: message_delta
                data: {"type":"message_delta","delta":{"stop_reason":"max_tokens","stop_sequence":null},"usage":{"input_tokens":12,"cache_creation_input_tokens":300,"cache_read_input_tokens":0,"output_tokens":64,"output_tokens_details":{"thinking_tokens":40}}}

                event: message_stop
                data: {"type":"message_stop"}

                """);
        ChatResult res = client.complete(ChatRequest.of("claude-haiku-4-5", null, "hi"), null, null);
        assertEquals(new CanonicalUsage(12, 0, 300, 0, 24, 40), res.usage());
        assertTrue(res.truncated());
    }

    @Test
    void countTokens() throws Exception {
        mock.json(200, "{\"input_tokens\": 14}");
        TokenCountResult n = client.countTokens(fullRequest(false));
        assertEquals(14, n.inputTokens());
        assertEquals(14, tree(n.rawJson()).path("input_tokens").asLong());

        RecordedRequest r = mock.take();
        assertEquals("POST", r.getMethod());
        assertEquals("/v1/messages/count_tokens", r.getTarget());
        assertHeaders(r);
        ObjectNode expected = (ObjectNode) tree(EXPECTED_BODY);
        expected.remove("max_tokens");
        expected.remove("temperature");
        assertEquals(expected, body(r));
    }

    @Test
    void listModelsFollowsPages() throws Exception {
        mock.json(200, """
                {"data":[{"type":"model","id":"claude-opus-4-7","display_name":"Claude Opus 4.7","created_at":"2026-04-16T00:00:00Z"},
                         {"type":"model","id":"claude-sonnet-4-5-20250929","display_name":"Claude Sonnet 4.5","created_at":"2025-09-29T00:00:00Z"}],
                 "has_more":true,"first_id":"claude-opus-4-7","last_id":"claude-sonnet-4-5-20250929"}
                """);
        mock.json(200, """
                {"data":[{"type":"model","id":"claude-haiku-4-5-20251001","display_name":"Claude Haiku 4.5","created_at":"2025-10-01T00:00:00Z"}],
                 "has_more":false,"first_id":"claude-haiku-4-5-20251001","last_id":"claude-haiku-4-5-20251001"}
                """);
        assertEquals(
                List.of("claude-opus-4-7", "claude-sonnet-4-5-20250929", "claude-haiku-4-5-20251001"),
                client.listModels());
        RecordedRequest first = mock.take();
        assertEquals("GET", first.getMethod());
        assertEquals("/v1/models?limit=1000", first.getTarget());
        assertHeaders(first);
        assertEquals(
                "/v1/models?limit=1000&after_id=claude-sonnet-4-5-20250929",
                mock.take().getTarget());
    }

    @Test
    void rejectedKeyNamesTheProviderAndIsNotRetried() {
        mock.json(
                401,
                "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key\"},"
                        + "\"request_id\":\"req_011CSHoEeqs5C35K2UUqR7Fy\"}");
        ProviderException e = assertThrows(
                ProviderException.class,
                () -> client.complete(
                        ChatRequest.of("claude-sonnet-4-5", null, "hi").withStream(false), null, null));
        assertEquals(Kind.AUTH, e.kind());
        assertEquals(401, e.httpStatus());
        assertEquals(ProviderId.ANTHROPIC, e.provider());
        assertTrue(e.getMessage().startsWith("Anthropic rejected the API key (401)"), e.getMessage());
        assertTrue(e.getMessage().contains("invalid x-api-key"), e.getMessage());
        assertFalse(e.getMessage().contains(FAKE_KEY));
        assertEquals(1, mock.server.getRequestCount());
        assertTrue(mock.sleeps.isEmpty());
    }

    @Test
    void overloaded529IsRetriedThenSucceeds() throws Exception {
        mock.json(529, "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}");
        mock.sse(STREAM);
        ChatResult res = client.complete(fullRequest(true), null, CancelToken.none());
        assertEquals("Hello!", res.text());
        mock.assertRetriedOnce();
    }

    @Test
    void rateLimitHonoursRetryAfter() throws Exception {
        mock.enqueue(new MockResponse.Builder()
                .code(429)
                .setHeader("retry-after", "7")
                .setHeader("anthropic-ratelimit-requests-remaining", "0")
                .body(
                        "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"Number of request tokens has exceeded your per-minute rate limit\"}}")
                .build());
        mock.json(200, "{\"input_tokens\": 3}");
        assertEquals(
                3,
                client.countTokens(ChatRequest.of("claude-sonnet-4-5", null, "hi"))
                        .inputTokens());
        assertEquals(List.of(Duration.ofSeconds(7)), mock.sleeps);
    }

    @Test
    void errorEventInTheMiddleOfTheStream() {
        mock.sse("""
                event: message_start
                data: {"type":"message_start","message":{"id":"msg_2","type":"message","role":"assistant","content":[],"model":"claude-sonnet-4-5","usage":{"input_tokens":9,"output_tokens":1}}}

                event: content_block_delta
                data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Par"}}

                event: error
                data: {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}

                """);
        List<String> deltas = new ArrayList<>();
        ProviderException e = assertThrows(
                ProviderException.class,
                () -> client.complete(ChatRequest.of("claude-sonnet-4-5", null, "hi"), deltas::add, null));
        assertEquals(Kind.SERVER, e.kind());
        assertTrue(e.getMessage().contains("overloaded_error"), e.getMessage());
        assertTrue(e.getMessage().contains("Overloaded"), e.getMessage());
        assertTrue(e.body().contains("overloaded_error"));
        assertEquals(List.of("Par"), deltas);
        assertEquals(1, mock.server.getRequestCount(), "a stream that has started is not retried");
    }

    @Test
    void connectionCutInTheMiddleOfTheStream() {
        mock.cutStream(STREAM);
        ProviderException e = assertThrows(
                ProviderException.class, () -> client.complete(fullRequest(true), null, CancelToken.none()));
        assertEquals(Kind.MALFORMED, e.kind());
        assertTrue(e.getMessage().startsWith("Anthropic closed the stream"), e.getMessage());
        assertEquals(1, mock.server.getRequestCount());
    }

    @Test
    void cancelWhileStreaming() {
        mock.slowStream(STREAM, 200);
        CancelToken cancel = new CancelToken();
        ProviderException e = assertThrows(
                ProviderException.class, () -> client.complete(fullRequest(true), piece -> cancel.cancel(), cancel));
        assertEquals(Kind.CANCELLED, e.kind());
        assertEquals(1, mock.server.getRequestCount());
    }

    @Test
    void streamEndingWithoutMessageStopIsIncomplete() {
        mock.sse(STREAM.substring(0, STREAM.indexOf("event: message_delta")));
        ProviderException e = assertThrows(
                ProviderException.class, () -> client.complete(fullRequest(true), null, CancelToken.none()));
        assertEquals(Kind.MALFORMED, e.kind());
        assertTrue(e.getMessage().contains("message_stop"), e.getMessage());
        assertTrue(e.body().contains("text_delta"));
    }

    @Test
    void invalidJsonKeepsTheBodyWithTheKeyRedacted() {
        mock.json(200, "<html>gateway echo: x-api-key=" + FAKE_KEY + "</html>");
        ProviderException e = assertThrows(
                ProviderException.class,
                () -> client.complete(
                        ChatRequest.of("claude-sonnet-4-5", null, "hi").withStream(false), null, null));
        assertEquals(Kind.MALFORMED, e.kind());
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
        assertTrue(e.body().contains("gateway echo"));
        assertKeyRedacted(e);
    }

    @Test
    void answerWithoutUsageIsMalformed() {
        mock.json(200, "{\"id\":\"msg_3\",\"type\":\"message\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]}");
        ProviderException e = assertThrows(
                ProviderException.class,
                () -> client.complete(
                        ChatRequest.of("claude-sonnet-4-5", null, "hi").withStream(false), null, null));
        assertEquals(Kind.MALFORMED, e.kind());
        assertTrue(e.body().contains("msg_3"));
    }

    @Test
    void badRequestIsNotRetried() {
        mock.json(
                400,
                "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\","
                        + "\"message\":\"max_tokens: 9999999 > 64000, which is the maximum allowed\"}}");
        ProviderException e = assertThrows(
                ProviderException.class,
                () -> client.complete(ChatRequest.of("claude-sonnet-4-5", null, "hi"), null, null));
        assertEquals(Kind.BAD_REQUEST, e.kind());
        assertTrue(e.getMessage().contains("max_tokens"), e.getMessage());
        assertEquals(1, mock.server.getRequestCount());
    }

    @Test
    void slowServerTimesOut() {
        ProviderSettings s = mock.settings(ProviderId.ANTHROPIC, "/")
                .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(200), Duration.ofSeconds(5))
                .withRetries(1);
        AnthropicClient slow = new AnthropicClient(mock.engine(s));
        for (int i = 0; i < 2; i++) {
            mock.enqueue(new MockResponse.Builder()
                    .code(200)
                    .headersDelay(1, TimeUnit.SECONDS)
                    .body("{\"input_tokens\":1}")
                    .build());
        }
        ProviderException e = assertThrows(
                ProviderException.class, () -> slow.countTokens(ChatRequest.of("claude-sonnet-4-5", null, "hi")));
        assertEquals(Kind.TIMEOUT, e.kind());
        assertEquals(2, mock.server.getRequestCount(), "a timeout is retried");
    }

    @Test
    void audioIsRefusedBeforeSending() {
        ChatRequest r = Requests.oneTurn("claude-sonnet-4-5", 100, new Part.Audio(new byte[] {0}, "audio/wav"));
        ProviderException e = assertThrows(ProviderException.class, () -> client.complete(r, null, null));
        assertEquals(Kind.BAD_REQUEST, e.kind());
        assertTrue(e.getMessage().contains("audio"));
        assertEquals(0, mock.server.getRequestCount());
    }

    @Test
    void missingKeyIsReportedWithoutACall() {
        AnthropicClient noKey = new AnthropicClient(
                mock.engine(mock.settings(ProviderId.ANTHROPIC, "/").withKey(new Secret("", "none"))));
        ProviderException e = assertThrows(ProviderException.class, noKey::listModels);
        assertEquals(Kind.NO_KEY, e.kind());
        assertTrue(e.getMessage().contains("ANTHROPIC_API_KEY"));
        assertEquals(0, mock.server.getRequestCount());
    }

    @Test
    void factoryConstructorTakesSettings() {
        AnthropicClient c = new AnthropicClient(ProviderSettings.defaults(ProviderId.ANTHROPIC, null));
        assertEquals(ProviderId.ANTHROPIC, c.id());
        assertThrows(
                IllegalArgumentException.class,
                () -> new AnthropicClient(ProviderSettings.defaults(ProviderId.GEMINI, null)));
    }

    // ---- service tiers: asked in the request, read from the answer ----

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
