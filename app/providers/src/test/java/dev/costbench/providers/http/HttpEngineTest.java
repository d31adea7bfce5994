// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.provider.CancelToken;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderException.Kind;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.ProviderSettings;
import dev.costbench.model.provider.Secret;
import dev.costbench.providers.MockApi;
import dev.costbench.providers.testkit.MockServerTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class HttpEngineTest extends MockServerTest {

    private HttpEngine engine(MockApi.Waits waits) {
        return new HttpEngine(MockApi.settings(ProviderId.OPENAI, server, "/v1", MockApi.KEY), waits);
    }

    private static Headers auth() {
        return new Headers.Builder()
                .add("Authorization", "Bearer " + MockApi.KEY)
                .build();
    }

    @Test
    void backoffStaysWithinHalfToFullOfTheDoublingCap() {
        HttpEngine e = engine(new MockApi.Waits()).withBaseBackoff(Duration.ofMillis(500));
        for (int n = 0; n < 12; n++) {
            long cap = Math.min(30_000, 500L << n);
            for (int i = 0; i < 50; i++) {
                long ms = e.backoff(n, null).toMillis();
                assertTrue(ms >= cap / 2 && ms <= cap, "retry " + n + " waited " + ms + " ms, cap " + cap);
            }
        }
        assertEquals(Duration.ofSeconds(7), e.backoff(0, Duration.ofSeconds(7)), "the server's hint wins");
    }

    @Test
    void geminisRetryInfoInTheBodyIsHonoured() {
        // the documented google.rpc.RetryInfo detail of a Gemini 429 (RESOURCE_EXHAUSTED), no Retry-After header
        String body = "{\"error\":{\"code\":429,\"message\":\"You exceeded your current quota.\",\"status\":"
                + "\"RESOURCE_EXHAUSTED\",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\","
                + "\"retryDelay\":\"41s\"}]}}";
        assertEquals(Duration.ofSeconds(41), HttpEngine.retryAfter(Headers.of(), body));
        assertEquals(
                Duration.ofSeconds(2), HttpEngine.retryAfter(Headers.of("Retry-After", "2"), body), "a header wins");
        assertEquals(null, HttpEngine.retryAfter(Headers.of(), "{}"));
    }

    @Test
    void retryAfterInSecondsHttpDateAndMilliseconds() {
        assertEquals(Duration.ofSeconds(2), HttpEngine.retryAfter(Headers.of("Retry-After", "2")));
        assertEquals(Duration.ofMillis(1500), HttpEngine.retryAfter(Headers.of("Retry-After", "1.5")));
        assertEquals(
                Duration.ofMillis(250),
                HttpEngine.retryAfter(Headers.of("retry-after-ms", "250", "Retry-After", "9")),
                "retry-after-ms is preferred");
        String in10 = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(10));
        long s = HttpEngine.retryAfter(Headers.of("Retry-After", in10)).toSeconds();
        assertTrue(s >= 8 && s <= 10, "HTTP-date 10 s ahead gave " + s);
        String past = "Wed, 21 Oct 2015 07:28:00 GMT";
        assertEquals(Duration.ZERO, HttpEngine.retryAfter(Headers.of("Retry-After", past)));
        assertNull(HttpEngine.retryAfter(Headers.of("Retry-After", "soon")));
        assertNull(HttpEngine.retryAfter(Headers.of()));
    }

    @Test
    void openAiRateLimitResetHeadersWhenNoRetryAfter() {
        Headers h = Headers.of(
                "x-ratelimit-remaining-requests",
                "0",
                "x-ratelimit-reset-requests",
                "1s",
                "x-ratelimit-remaining-tokens",
                "1200",
                "x-ratelimit-reset-tokens",
                "6m0s");
        assertEquals(Duration.ofSeconds(1), HttpEngine.retryAfter(h), "only the exhausted limit counts");
        Headers both = Headers.of(
                "x-ratelimit-remaining-requests",
                "0",
                "x-ratelimit-reset-requests",
                "120ms",
                "x-ratelimit-remaining-tokens",
                "0",
                "x-ratelimit-reset-tokens",
                "1m30.5s");
        assertEquals(Duration.ofMillis(90_500), HttpEngine.retryAfter(both));
        assertEquals(Duration.ofMillis(3_723_500), HttpEngine.goDuration("1h2m3.5s"));
        assertNull(HttpEngine.goDuration("3 seconds"));
    }

    @Test
    void a429WithRetryAfterIsRetriedAfterTheServersWait() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .code(429)
                .setHeader("Retry-After", "3")
                .body(MockApi.openAiError("Rate limit reached for gpt-4o-mini", "requests", "rate_limit_exceeded"))
                .build());
        server.enqueue(MockApi.json(200, "{\"ok\":true}"));
        MockApi.Waits w = new MockApi.Waits();
        HttpEngine.JsonResponse r = engine(w).getJson("/models", auth(), CancelToken.none());
        assertTrue(r.json().path("ok").asBoolean());
        assertEquals(List.of(Duration.ofSeconds(3)), w.waits);
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void aRetryAfterLongerThanAMinuteIsNotRetried() {
        server.enqueue(new MockResponse.Builder()
                .code(429)
                .setHeader("Retry-After", "600")
                .body(MockApi.openAiError(
                        "You exceeded your current quota", "insufficient_quota", "insufficient_quota"))
                .build());
        MockApi.Waits w = new MockApi.Waits();
        ProviderException e =
                assertThrows(ProviderException.class, () -> engine(w).getJson("/models", auth(), CancelToken.none()));
        assertEquals(Kind.RATE_LIMIT, e.kind());
        assertEquals(Duration.ofSeconds(600), e.retryAfter());
        assertTrue(e.getMessage().contains("wait 600 s"), e.getMessage());
        assertTrue(w.waits.isEmpty());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void serverErrorsAreRetriedWithBackoffThenGiveUp() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(MockApi.json(503, MockApi.openAiError("overloaded", "server_error", null)));
        }
        MockApi.Waits w = new MockApi.Waits();
        ProviderException e =
                assertThrows(ProviderException.class, () -> engine(w).getJson("/models", auth(), CancelToken.none()));
        assertEquals(Kind.SERVER, e.kind());
        assertEquals(503, e.httpStatus());
        assertEquals(3, w.waits.size(), "maxRetries = 3");
        assertEquals(4, server.getRequestCount());
    }

    @Test
    void otherClientErrorsAreNotRetried() {
        server.enqueue(MockApi.json(
                404,
                MockApi.openAiError("The model `gpt-9` does not exist", "invalid_request_error", "model_not_found")));
        MockApi.Waits w = new MockApi.Waits();
        ProviderException e = assertThrows(
                ProviderException.class,
                () -> engine(w)
                        .postJson("/responses", auth(), HttpEngine.mapper().createObjectNode(), CancelToken.none()));
        assertEquals(Kind.BAD_REQUEST, e.kind());
        assertTrue(e.getMessage().contains("The model `gpt-9` does not exist"), e.getMessage());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void cancellingWhileQueuedForTheLimitIsQuick() throws Exception {
        ProviderSettings s = new ProviderSettings(
                ProviderId.OPENAI,
                server.url("/queued/v1").toString(),
                null,
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                Duration.ofSeconds(20),
                0,
                1);
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .body("{}")
                .headersDelay(1500, TimeUnit.MILLISECONDS)
                .build());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = pool.submit(() -> new HttpEngine(s).getJson("/a", Headers.of(), CancelToken.none()));
            Thread.sleep(200);
            CancelToken c = new CancelToken();
            long t0 = System.nanoTime();
            Future<ProviderException> second = pool.submit(() ->
                    assertThrows(ProviderException.class, () -> new HttpEngine(s).getJson("/b", Headers.of(), c)));
            Thread.sleep(200);
            c.cancel();
            assertEquals(Kind.CANCELLED, second.get(5, TimeUnit.SECONDS).kind());
            assertTrue(System.nanoTime() - t0 < TimeUnit.MILLISECONDS.toNanos(1200), "cancel was not quick");
            first.get(5, TimeUnit.SECONDS);
            assertEquals(1, server.getRequestCount(), "the cancelled request was never sent");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void thePerProviderLimitCapsRequestsInFlight() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger max = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) throws InterruptedException {
                max.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                Thread.sleep(150);
                inFlight.decrementAndGet();
                return MockApi.json(200, "{}");
            }
        });
        assertEquals(2, maxInFlight(2, "/two/v1", max));
        max.set(0);
        assertEquals(1, maxInFlight(1, "/one/v1", max));
    }

    private int maxInFlight(int limit, String prefix, AtomicInteger max) throws Exception {
        ProviderSettings s = new ProviderSettings(
                ProviderId.OPENAI,
                server.url(prefix).toString(),
                null,
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                Duration.ofSeconds(20),
                0,
                limit);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                fs.add(pool.submit(() -> {
                    go.await();
                    return new HttpEngine(s).getJson("/models", Headers.of(), CancelToken.none());
                }));
            }
            go.countDown();
            for (Future<?> f : fs) {
                f.get(10, TimeUnit.SECONDS);
            }
            return max.get();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anUnparsableBodyStartingWithTheKeyDoesNotLeakThroughTheCause() {
        String key = "AIzaSyLEAKCHECK0123456789abcdefXYZ";
        ProviderSettings s = new ProviderSettings(
                ProviderId.GEMINI,
                server.url("/v1beta").toString(),
                new Secret(key, "test"),
                Duration.ofSeconds(2),
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                0,
                1);
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .body(key + " is not valid here")
                .build());
        ProviderException e = assertThrows(
                ProviderException.class, () -> new HttpEngine(s).getJson("/models", Headers.of(), CancelToken.none()));
        assertEquals(Kind.MALFORMED, e.kind());
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        assertFalse(trace.toString().contains("LEAKCHECK"), trace.toString());
        assertEquals("[REDACTED] is not valid here", e.body());
    }

    @Test
    void transportErrorsNeverShowTheKey() {
        ProviderSettings s = new ProviderSettings(
                ProviderId.OPENAI,
                "http://127.0.0.1:1/v1?k=" + MockApi.KEY,
                new Secret(MockApi.KEY, "test"),
                Duration.ofMillis(300),
                Duration.ofMillis(300),
                Duration.ofSeconds(2),
                0,
                1);
        ProviderException e = assertThrows(
                ProviderException.class, () -> new HttpEngine(s).getJson("/models", Headers.of(), CancelToken.none()));
        assertEquals(Kind.NETWORK, e.kind());
        assertFalse(e.getMessage().contains(MockApi.KEY), e.getMessage());
    }
}
