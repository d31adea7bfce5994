// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.ProviderClient;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderException.Kind;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.ProviderSettings;
import dev.costbench.model.provider.Secret;
import dev.costbench.providers.anthropic.AnthropicClient;
import dev.costbench.providers.compatible.CompatibleClient;
import dev.costbench.providers.gemini.GeminiClient;
import dev.costbench.providers.http.HttpEngine;
import dev.costbench.providers.openai.OpenAiClient;
import dev.costbench.providers.testkit.Answers;
import dev.costbench.providers.testkit.MockServerTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The per-call deadline, the stream idle limit and the rule that a stream which delivered content is never
 * retried. Limits are set short (hundreds of milliseconds) and the servers' bodies are throttled so that a stream
 * would otherwise run for tens of seconds: a test that passes shows the cut-off, not a speed.
 */
class StreamLimitsTest extends MockServerTest {

    static final String BILLED = "What the stream had already delivered is billed, so CostBench did not retry the"
            + " call (a retry would be billed again)";
    /** How long the throttled bodies below would take to arrive in full. */
    static final long WHOLE_BODY_SECONDS = 30;

    private ProviderSettings settings(ProviderId id, String prefix, Duration call, int retries, Duration idle) {
        return new ProviderSettings(
                id,
                server.url(prefix).toString(),
                new Secret(MockApi.KEY, "test"),
                Duration.ofSeconds(2),
                Duration.ofSeconds(2),
                call,
                retries,
                4,
                idle);
    }

    private ProviderClient openAi(Duration call, int retries, Duration idle) {
        return new OpenAiClient(new HttpEngine(settings(ProviderId.OPENAI, "/v1", call, retries, idle), waits));
    }

    private ProviderClient anthropic(Duration call, int retries, Duration idle) {
        return new AnthropicClient(new HttpEngine(settings(ProviderId.ANTHROPIC, "/", call, retries, idle), waits));
    }

    private static ChatRequest ask(String model) {
        return ChatRequest.of(model, null, "Hi");
    }

    /**
     * {@code prefix} at once, then {@code repeated} again and again for about 30 s: every 100 ms as many bytes as
     * the prefix or one copy has, whichever is more.
     */
    private static MockResponse throttled(String prefix, String repeated) {
        int perPeriod = Math.max(prefix.length(), repeated.length());
        int copies = (int) (WHOLE_BODY_SECONDS * 10 * perPeriod / repeated.length());
        return new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "text/event-stream")
                .body(prefix + repeated.repeat(copies))
                .throttleBody(perPeriod, 100, TimeUnit.MILLISECONDS)
                .build();
    }

    /** With the whole Anthropic answer queued after the first attempt: the second attempt answers "Hi". */
    private void assertTheRetryAnswers() throws ProviderException {
        server.enqueue(MockApi.sse(Answers.ANTHROPIC_STREAM));
        assertEquals(
                "Hi",
                anthropic(Duration.ofSeconds(20), 3, Duration.ofSeconds(60))
                        .complete(ask("claude-sonnet-4-5"), null, null)
                        .text());
        assertEquals(2, server.getRequestCount());
    }

    /** Makes the call, which must fail as TIMEOUT well before the throttled body would have ended. */
    private static ProviderException timedOutBeforeTheBodyEnded(Executable call) {
        long t0 = System.nanoTime();
        ProviderException e = assertThrows(ProviderException.class, call);
        assertCutBeforeTheBodyEnded(t0);
        assertEquals(Kind.TIMEOUT, e.kind(), e.getMessage());
        return e;
    }

    private static void assertCutBeforeTheBodyEnded(long t0) {
        long took = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
        assertTrue(took < WHOLE_BODY_SECONDS / 2, "the stream ran to its end (" + took + " s) instead of being cut");
    }

    private static void assertNoKey(ProviderException e) {
        assertFalse(e.getMessage().contains(MockApi.KEY), e.getMessage());
        assertTrue(e.body() == null || !e.body().contains(MockApi.KEY));
    }

    @Test
    void aStreamOfKeepAliveCommentsIsCutOffAtTheIdleLimitAndRetriedOnlyWithinTheDeadline() {
        server.enqueue(throttled("", ": keep-alive\n\n"));
        server.enqueue(throttled("", ": keep-alive\n\n"));
        ProviderException e = timedOutBeforeTheBodyEnded(() ->
                openAi(Duration.ofSeconds(20), 1, Duration.ofMillis(500)).complete(ask("gpt-4o-mini"), null, null));
        assertTrue(
                e.getMessage()
                        .startsWith("OpenAI kept the stream open for 500 ms with only keep-alive messages"
                                + " and no answer, so CostBench cut it off."),
                e.getMessage());
        assertTrue(e.getMessage().contains("streamIdleTimeoutSeconds in providers.json"), e.getMessage());
        assertEquals(2, server.getRequestCount(), "nothing was delivered, so the one allowed retry was made");
        assertNoKey(e);
    }

    @Test
    void keepAlivesCannotStretchACallPastItsDeadlineAcrossRetries() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(throttled("", ": OPENROUTER PROCESSING\n\n"));
        }
        ProviderException e = timedOutBeforeTheBodyEnded(() -> new CompatibleClient(new HttpEngine(
                        settings(ProviderId.COMPATIBLE, "/v1", Duration.ofSeconds(1), 3, Duration.ofSeconds(60)),
                        waits))
                .complete(ask("llama3.2"), null, null));
        assertTrue(
                e.getMessage()
                        .contains("did not answer in time: the 1 s limit for one call (retries included)"
                                + " was reached"),
                e.getMessage());
        assertTrue(e.getMessage().contains("callTimeoutSeconds"), e.getMessage());
        assertEquals(1, server.getRequestCount(), "no retry starts once the call's deadline has passed");
    }

    @Test
    void aRetryIsCutByTheDeadlineOfTheWholeCall() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse.Builder()
                    .code(500)
                    .setHeader("Content-Type", "application/json")
                    .body(MockApi.openAiError(
                            "The server had an error while processing your request.", "server_error", null))
                    .headersDelay(2, TimeUnit.SECONDS)
                    .build());
        }
        HttpEngine engine = new HttpEngine(
                        new ProviderSettings(
                                ProviderId.OPENAI,
                                server.url("/v1").toString(),
                                new Secret(MockApi.KEY, "test"),
                                Duration.ofSeconds(2),
                                Duration.ofSeconds(10),
                                Duration.ofSeconds(3),
                                3,
                                4,
                                Duration.ofSeconds(60)),
                        waits)
                .withBaseBackoff(Duration.ofMillis(20));
        ProviderException e = assertThrows(
                ProviderException.class,
                () -> new OpenAiClient(engine).complete(ask("gpt-4o-mini").withStream(false), null, null));
        assertEquals(Kind.TIMEOUT, e.kind(), e.getMessage());
        assertTrue(
                e.getMessage().contains("the 3 s limit for one call (retries included) was reached"), e.getMessage());
        assertEquals(2, server.getRequestCount(), "the retry was cut by the deadline, and no third one started");
        assertNoKey(e);
    }

    @Test
    void noRetryStartsWhenItsWaitWouldEndPastTheDeadline() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse.Builder()
                    .code(503)
                    .setHeader("Retry-After", "5")
                    .setHeader("Content-Type", "application/json")
                    .body(MockApi.openAiError(
                            "The engine is currently overloaded, please try again later", "server_error", null))
                    .build());
        }
        ProviderException e = assertThrows(
                ProviderException.class,
                () -> openAi(Duration.ofSeconds(2), 3, Duration.ofSeconds(60))
                        .complete(ask("gpt-4o-mini").withStream(false), null, null));
        assertEquals(Kind.SERVER, e.kind(), e.getMessage());
        assertEquals(1, server.getRequestCount(), "the server asked for 5 s; the call had 2 s in all");
        assertTrue(waits.waits.isEmpty());
        assertNoKey(e);
    }

    @Test
    void pingsAfterTheAnswerStartedAreCutOffAndNotRetried() {
        String started = Answers.ANTHROPIC_START
                + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
                + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n"
                + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
                + "\"delta\":{\"type\":\"text_delta\",\"text\":\"Hel\"}}\n\n";
        server.enqueue(throttled(started, Answers.ANTHROPIC_PING));
        server.enqueue(MockApi.sse(Answers.ANTHROPIC_STREAM));
        List<String> deltas = new ArrayList<>();
        ProviderException e =
                timedOutBeforeTheBodyEnded(() -> anthropic(Duration.ofSeconds(20), 3, Duration.ofMillis(500))
                        .complete(ask("claude-sonnet-4-5"), deltas::add, null));
        assertTrue(
                e.getMessage()
                        .startsWith("Anthropic sent nothing but keep-alive messages for 500 ms in the middle"
                                + " of the answer, so CostBench cut the stream off"),
                e.getMessage());
        assertTrue(e.getMessage().contains(BILLED), e.getMessage());
        assertEquals(List.of("Hel"), deltas);
        assertEquals(1, server.getRequestCount());
        assertTrue(waits.waits.isEmpty());
    }

    @Test
    void aStreamThatKeepsSendingIsCutAtTheCallDeadlineAndNotRetried() {
        String chunk = "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":"
                + "\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"la \"},"
                + "\"logprobs\":null,\"finish_reason\":null}]}\n\n";
        server.enqueue(throttled("", chunk));
        server.enqueue(MockApi.sse(Answers.CHAT_STREAM));
        ProviderException e = timedOutBeforeTheBodyEnded(() -> openAi(Duration.ofSeconds(1), 3, Duration.ofSeconds(60))
                .complete(ask("gpt-4o-mini").withOpenAiApi(ChatRequest.OpenAiApi.CHAT_COMPLETIONS), null, null));
        assertTrue(
                e.getMessage()
                        .startsWith("OpenAI stopped sending in the middle of the answer (the 1 s limit for"
                                + " one call was reached)"),
                e.getMessage());
        assertTrue(e.getMessage().contains(BILLED), e.getMessage());
        assertEquals(1, server.getRequestCount());
        assertNoKey(e);
    }

    @Test
    void aConnectionCutAfterContentSaysTheAnswerWasBilledAndIsNotRetried() {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "text/event-stream")
                .body("data: {\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"The\"}],\"role\": \"model\"},"
                        + "\"index\": 0}],\"usageMetadata\": {\"promptTokenCount\": 5,\"totalTokenCount\": 5},"
                        + "\"modelVersion\": \"gemini-2.5-flash\"}\r\n\r\n" + Answers.GEMINI_STREAM)
                .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE)
                .build());
        server.enqueue(MockApi.sse(Answers.GEMINI_STREAM));
        ProviderException e = assertThrows(
                ProviderException.class,
                () -> new GeminiClient(new HttpEngine(
                                settings(
                                        ProviderId.GEMINI,
                                        "/v1beta",
                                        Duration.ofSeconds(20),
                                        3,
                                        Duration.ofSeconds(60)),
                                waits))
                        .complete(ask("gemini-2.5-flash"), null, null));
        assertEquals(Kind.MALFORMED, e.kind(), e.getMessage());
        assertTrue(
                e.getMessage().startsWith("Google Gemini closed the stream before the answer was complete"),
                e.getMessage());
        assertTrue(e.getMessage().contains(BILLED), e.getMessage());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void anErrorEventAfterContentSaysTheAnswerWasBilledAndIsNotRetried() {
        server.enqueue(MockApi.sse(Answers.ANTHROPIC_START
                + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
                + "\"delta\":{\"type\":\"text_delta\",\"text\":\"Par\"}}\n\n"
                + "event: error\ndata: {\"type\": \"error\", \"error\": {\"type\": \"overloaded_error\","
                + " \"message\": \"Overloaded\"}}\n\n"));
        server.enqueue(MockApi.sse(Answers.ANTHROPIC_STREAM));
        ProviderException e = assertThrows(
                ProviderException.class,
                () -> anthropic(Duration.ofSeconds(20), 3, Duration.ofSeconds(60))
                        .complete(ask("claude-sonnet-4-5"), null, null));
        assertEquals(Kind.SERVER, e.kind());
        assertTrue(e.getMessage().contains("overloaded_error"), e.getMessage());
        assertTrue(e.getMessage().endsWith(BILLED), e.getMessage());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void anErrorEventBeforeAnyContentIsRetried() throws Exception {
        server.enqueue(MockApi.sse("event: error\ndata: {\"type\": \"error\", \"error\": {\"type\":"
                + " \"overloaded_error\", \"message\": \"Overloaded\"}}\n\n"));
        assertTheRetryAnswers();
        assertEquals(1, waits.waits.size());
    }

    @Test
    void pingsBeforeAnyContentDoNotStopARetry() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "text/event-stream")
                .body(Answers.ANTHROPIC_PING + Answers.ANTHROPIC_PING)
                .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE)
                .build());
        assertTheRetryAnswers();
    }

    @Test
    void aStreamThatEndsEarlyAfterContentSaysTheAnswerWasBilled() throws Exception {
        String openAi = Answers.OPENAI_RESPONSE_STREAM.substring(
                0, Answers.OPENAI_RESPONSE_STREAM.indexOf("event: response.completed"));
        String chat = Answers.CHAT_STREAM.substring(0, Answers.CHAT_STREAM.indexOf("data: ", 10));
        String anthropic =
                Answers.ANTHROPIC_STREAM.substring(0, Answers.ANTHROPIC_STREAM.indexOf("event: message_delta"));
        String gemini = "data: {\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"The\"}],\"role\": \"model\"},"
                + "\"index\": 0}],\"modelVersion\": \"gemini-2.5-flash\"}\r\n\r\n";
        Duration call = Duration.ofSeconds(20);
        Duration idle = Duration.ofSeconds(60);
        List<Object[]> cases = List.of(
                new Object[] {openAi(call, 3, idle), ask("gpt-4o-mini"), openAi},
                new Object[] {
                    new CompatibleClient(new HttpEngine(settings(ProviderId.COMPATIBLE, "/v1", call, 3, idle), waits)),
                    ask("llama3.2"),
                    chat
                },
                new Object[] {anthropic(call, 3, idle), ask("claude-sonnet-4-5"), anthropic},
                new Object[] {
                    new GeminiClient(new HttpEngine(settings(ProviderId.GEMINI, "/v1beta", call, 3, idle), waits)),
                    ask("gemini-2.5-flash"),
                    gemini
                });
        int sent = 0;
        for (Object[] c : cases) {
            server.enqueue(MockApi.sse((String) c[2]));
            ProviderClient client = (ProviderClient) c[0];
            ProviderException e =
                    assertThrows(ProviderException.class, () -> client.complete((ChatRequest) c[1], null, null));
            assertEquals(Kind.MALFORMED, e.kind(), e.getMessage());
            assertTrue(e.getMessage().contains("the stream ended"), e.getMessage());
            assertTrue(e.getMessage().endsWith(BILLED + "."), e.getMessage());
            assertEquals(++sent, server.getRequestCount(), client.id() + " was not retried");
        }
    }
}
