// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.provider.CancelToken;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.ChatResult;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderException.Kind;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.ProviderSettings;
import dev.costbench.model.provider.Secret;
import dev.costbench.providers.MockApi;
import dev.costbench.providers.http.HttpEngine;
import dev.costbench.providers.testkit.MockServerTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;

/** Faults as the OpenAI client meets them through {@link HttpEngine}. */
class OpenAiFaultsTest extends MockServerTest {

    private OpenAiClient client(Duration read, int retries) {
        ProviderSettings s = new ProviderSettings(
                ProviderId.OPENAI,
                server.url("/v1").toString(),
                new Secret(MockApi.KEY, "test"),
                Duration.ofSeconds(2),
                read,
                Duration.ofSeconds(20),
                retries,
                4);
        return new OpenAiClient(new HttpEngine(s, waits));
    }

    private OpenAiClient client() {
        return client(Duration.ofSeconds(2), 3);
    }

    private static ChatRequest nonStreaming() {
        return ChatRequest.of("gpt-4o-mini", null, "Hi").withStream(false);
    }

    private static MockResponse completed() {
        return MockApi.json(200, OpenAiStreams.response("completed", null, "Hello", OpenAiStreams.USAGE));
    }

    @Test
    void rateLimitWithRetryAfterThenSuccess() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .code(429)
                .setHeader("Retry-After", "2")
                .setHeader("Content-Type", "application/json")
                .body(MockApi.openAiError(
                        "Rate limit reached for gpt-4o-mini on requests per min (RPM): Limit 3, Used 3, Requested 1.",
                        "requests",
                        "rate_limit_exceeded"))
                .build());
        server.enqueue(completed());
        ChatResult r = client().complete(nonStreaming(), null, CancelToken.none());
        assertEquals("Hello", r.text());
        assertEquals(List.of(Duration.ofSeconds(2)), waits.waits);
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void serverErrorThenSuccessOnAStream() throws Exception {
        server.enqueue(MockApi.json(
                500,
                MockApi.openAiError("The server had an error while processing your request.", "server_error", null)));
        server.enqueue(MockApi.sse(OpenAiStreams.responsesStream("Hello")));
        ChatResult r = client().complete(ChatRequest.of("gpt-4o-mini", null, "Hi"), null, CancelToken.none());
        assertEquals("Hello", r.text());
        assertEquals(1, waits.waits.size());
        assertTrue(waits.waits.get(0).toMillis() >= 250 && waits.waits.get(0).toMillis() <= 500);
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void unauthorizedIsNotRetriedAndNamesTheProvider() {
        server.enqueue(MockApi.json(
                401,
                MockApi.openAiError(
                        "Incorrect API key provided: " + MockApi.KEY
                                + ". You can find your API key at https://platform.openai.com/account/api-keys.",
                        "invalid_request_error",
                        "invalid_api_key")));
        ProviderException e = assertThrows(
                ProviderException.class, () -> client().complete(nonStreaming(), null, CancelToken.none()));
        assertEquals(Kind.AUTH, e.kind());
        assertEquals(401, e.httpStatus());
        assertTrue(e.getMessage().startsWith("OpenAI rejected the API key (401)"), e.getMessage());
        assertFalse(e.getMessage().contains(MockApi.KEY));
        assertFalse(e.body().contains(MockApi.KEY));
        assertTrue(e.body().contains("[REDACTED]"));
        assertEquals(1, server.getRequestCount());
        assertTrue(waits.waits.isEmpty());
    }

    @Test
    void readTimeoutWhenTheBodyIsLate() {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "application/json")
                .body(OpenAiStreams.response("completed", null, "Hello", OpenAiStreams.USAGE))
                .bodyDelay(1500, TimeUnit.MILLISECONDS)
                .build());
        server.enqueue(completed());
        ChatResult r = assertDoesNotThrowTimeoutRetried();
        assertEquals("Hello", r.text());
    }

    private ChatResult assertDoesNotThrowTimeoutRetried() {
        try {
            ChatResult r = client(Duration.ofMillis(300), 1).complete(nonStreaming(), null, CancelToken.none());
            assertEquals(1, waits.waits.size(), "the timeout was retried once");
            return r;
        } catch (ProviderException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void readTimeoutWithoutRetriesIsATimeoutError() {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .body("{}")
                .headersDelay(1500, TimeUnit.MILLISECONDS)
                .build());
        ProviderException e = assertThrows(
                ProviderException.class,
                () -> client(Duration.ofMillis(300), 0).complete(nonStreaming(), null, CancelToken.none()));
        assertEquals(Kind.TIMEOUT, e.kind());
        assertTrue(e.getMessage().contains("OpenAI did not answer in time"), e.getMessage());
    }

    @Test
    void aStreamThatStallsMidwayIsATimeoutAndNotRetried() {
        String body = OpenAiStreams.responsesStream("Hel", "lo");
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "text/event-stream")
                .body(body)
                .throttleBody(600, 1, TimeUnit.SECONDS)
                .build());
        ProviderException e = assertThrows(
                ProviderException.class,
                () -> client(Duration.ofMillis(300), 3)
                        .complete(ChatRequest.of("gpt-4o-mini", null, "Hi"), null, CancelToken.none()));
        assertEquals(Kind.TIMEOUT, e.kind());
        assertTrue(e.getMessage().contains("in the middle of the answer"), e.getMessage());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void connectionResetInTheMiddleOfAStream() {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "text/event-stream")
                .body(OpenAiStreams.responsesStream("Hel", "lo", " there", " friend"))
                .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE)
                .build());
        ProviderException e = assertThrows(
                ProviderException.class,
                () -> client().complete(ChatRequest.of("gpt-4o-mini", null, "Hi"), null, CancelToken.none()));
        assertEquals(Kind.MALFORMED, e.kind(), e.getMessage());
        assertTrue(
                e.getMessage().startsWith("OpenAI closed the stream before the answer was complete"), e.getMessage());
        assertEquals(1, server.getRequestCount(), "a partial answer is not silently re-requested");
    }

    @Test
    void invalidJsonIsMalformedAndKeepsTheRedactedBody() {
        String html =
                "<html><body>502 Bad Gateway (upstream said: Authorization: Bearer " + MockApi.KEY + ")</body></html>";
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "text/html")
                .body(html)
                .build());
        ProviderException e = assertThrows(
                ProviderException.class, () -> client().complete(nonStreaming(), null, CancelToken.none()));
        assertEquals(Kind.MALFORMED, e.kind());
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
        assertTrue(e.body().startsWith("<html><body>502 Bad Gateway"));
        assertTrue(e.body().contains("[REDACTED]"));
        assertFalse(e.body().contains(MockApi.KEY));
        assertFalse(e.getMessage().contains(MockApi.KEY));
    }

    @Test
    void invalidJsonInsideAStreamIsMalformed() {
        server.enqueue(MockApi.sse("event: response.created\ndata: {\"type\":\"response.created\"\n\n"));
        ProviderException e = assertThrows(
                ProviderException.class,
                () -> client().complete(ChatRequest.of("gpt-4o-mini", null, "Hi"), null, CancelToken.none()));
        assertEquals(Kind.MALFORMED, e.kind());
    }

    @Test
    void cancelInFlightWhileWaitingForTheAnswer() {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .body("{}")
                .headersDelay(5, TimeUnit.SECONDS)
                .build());
        CancelToken c = new CancelToken();
        ScheduledExecutorService ex = Executors.newSingleThreadScheduledExecutor();
        try {
            ex.schedule(c::cancel, 200, TimeUnit.MILLISECONDS);
            long t0 = System.nanoTime();
            ProviderException e =
                    assertThrows(ProviderException.class, () -> client().complete(nonStreaming(), null, c));
            assertEquals(Kind.CANCELLED, e.kind());
            assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(3));
            assertTrue(waits.waits.isEmpty());
        } finally {
            ex.shutdownNow();
        }
    }

    @Test
    void cancelInTheMiddleOfAStream() {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "text/event-stream")
                .body(OpenAiStreams.responsesStream("one", "two", "three"))
                .throttleBody(900, 300, TimeUnit.MILLISECONDS)
                .build());
        CancelToken c = new CancelToken();
        StringBuilder seen = new StringBuilder();
        ProviderException e = assertThrows(
                ProviderException.class,
                () -> client(Duration.ofSeconds(5), 3)
                        .complete(
                                ChatRequest.of("gpt-4o-mini", null, "Hi"),
                                d -> {
                                    seen.append(d);
                                    c.cancel();
                                },
                                c));
        assertEquals(Kind.CANCELLED, e.kind());
        assertEquals("one", seen.toString());
    }
}
