// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.ProviderSettings;
import dev.costbench.model.provider.Secret;
import dev.costbench.providers.http.HttpEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

/**
 * A mock provider endpoint for client tests: a started {@link MockWebServer}, settings pointing at it with short
 * timeouts, and an {@link HttpEngine} whose sleeper records the waits instead of sleeping.
 */
public final class ProviderMock implements AutoCloseable {

    /** A recognisable fake key: tests check it never shows up in messages or kept bodies. */
    public static final String FAKE_KEY = "sk-FAKE-costbench-key-0123456789abcdef";

    public final MockWebServer server = new MockWebServer();
    public final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    public ProviderMock() throws IOException {
        server.start();
    }

    /** The mock's base URL plus {@code path} (e.g. "/v1beta"), with a fake key, 3 retries and short timeouts. */
    public ProviderSettings settings(ProviderId id, String path) {
        String base = server.url(path).toString();
        return ProviderSettings.defaults(id, new Secret(FAKE_KEY, "test"))
                .withBaseUrl(base)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(20));
    }

    public HttpEngine engine(ProviderSettings s) {
        return new HttpEngine(s, (d, cancel) -> sleeps.add(d));
    }

    public void json(int code, String body) {
        server.enqueue(new MockResponse.Builder()
                .code(code)
                .setHeader("content-type", "application/json")
                .body(body)
                .build());
    }

    public void sse(String body) {
        server.enqueue(stream(body).build());
    }

    /** A stream whose connection is cut while {@code body} is being sent. */
    public void cutStream(String body) {
        server.enqueue(stream(body)
                .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE)
                .build());
    }

    /** A stream that sends {@code body} {@code bytes} bytes every 50 ms, slow enough to cancel midway. */
    public void slowStream(String body, long bytes) {
        server.enqueue(
                stream(body).throttleBody(bytes, 50, TimeUnit.MILLISECONDS).build());
    }

    private static MockResponse.Builder stream(String body) {
        return new MockResponse.Builder()
                .code(200)
                .setHeader("content-type", "text/event-stream")
                .body(body);
    }

    public void enqueue(MockResponse r) {
        server.enqueue(r);
    }

    public RecordedRequest take() {
        try {
            RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
            assertNotNull(r, "expected a request");
            return r;
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The call was made twice: one failure, one wait, one retry. */
    public void assertRetriedOnce() {
        assertEquals(2, server.getRequestCount());
        assertEquals(1, sleeps.size());
    }

    /** The failure kept the provider's body for the user with the fake key replaced, and says the key nowhere. */
    public static void assertKeyRedacted(ProviderException e) {
        assertTrue(e.body().contains("[REDACTED]"));
        assertFalse(e.body().contains(FAKE_KEY));
        assertFalse(e.getMessage().contains(FAKE_KEY));
    }

    public static JsonNode tree(String json) {
        try {
            return HttpEngine.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode body(RecordedRequest r) {
        assertNotNull(r.getBody(), "request has no body");
        return tree(r.getBody().utf8());
    }

    @Override
    public void close() {
        server.close();
    }
}
