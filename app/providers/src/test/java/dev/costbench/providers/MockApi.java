// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.costbench.model.provider.CancelToken;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.ProviderSettings;
import dev.costbench.model.provider.Secret;
import dev.costbench.providers.http.HttpEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/** Shared test helpers: settings pointing at a MockWebServer, recorded retry waits, canned responses. */
public final class MockApi {

    public static final String KEY = "sk-test-0123456789abcdef0123456789";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MockApi() {}

    /** Settings for {@code server} under {@code prefix} (e.g. "/v1"), short timeouts, 3 retries, 4 in flight. */
    public static ProviderSettings settings(ProviderId id, MockWebServer server, String prefix, String key) {
        return new ProviderSettings(
                id,
                server.url(prefix).toString(),
                key == null ? null : new Secret(key, "test"),
                Duration.ofSeconds(2),
                Duration.ofSeconds(2),
                Duration.ofSeconds(10),
                3,
                4);
    }

    /** Records the waits between retries instead of sleeping. */
    public static final class Waits implements HttpEngine.Sleeper {
        public final List<Duration> waits = new CopyOnWriteArrayList<>();

        @Override
        public void sleep(Duration d, CancelToken cancel) {
            waits.add(d);
        }
    }

    public static MockResponse json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .setHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    /** {@code scheme://host:port} of {@code s}, as the clients name a server in their messages. */
    public static String originOf(MockWebServer s) {
        HttpUrl u = s.url("/");
        return u.scheme() + "://" + u.host() + ":" + u.port();
    }

    /** A redirect with status {@code code} to {@code location}. */
    public static MockResponse redirect(int code, String location) {
        return new MockResponse.Builder()
                .code(code)
                .setHeader("Location", location)
                .build();
    }

    public static MockResponse sse(String body) {
        return new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "text/event-stream")
                .body(body)
                .build();
    }

    /** {@code data: …} lines joined as one SSE body, each event followed by a blank line. */
    public static String events(String... dataLines) {
        StringBuilder b = new StringBuilder();
        for (String d : dataLines) {
            b.append(d).append("\n\n");
        }
        return b.toString();
    }

    public static String openAiError(String message, String type, String code) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"param\":null,\"code\":"
                + (code == null ? "null" : "\"" + code + "\"") + "}}";
    }

    public static JsonNode body(RecordedRequest r) {
        try {
            return MAPPER.readTree(r.getBody().utf8());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode parse(String s) {
        try {
            return MAPPER.readTree(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
