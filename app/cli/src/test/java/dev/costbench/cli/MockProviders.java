// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.costbench.providers.ProviderConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A mock server that answers as the OpenAI Responses API ({@code /v1/responses}) and the Anthropic Messages API
 * ({@code /v1/messages}) do, with fake keys the command line reaches it by, and a check that no key was printed.
 * Registered as an extension ({@code @RegisterExtension}), it runs for the length of each test.
 */
final class MockProviders implements BeforeEachCallback, AfterEachCallback {

    private final MockWebServer server = new MockWebServer();
    private final String openAiKey;
    private final String anthropicKey;

    /** A server whose every answer comes from {@code answer}. */
    MockProviders(String openAiKey, String anthropicKey, Function<RecordedRequest, MockResponse> answer) {
        this.openAiKey = openAiKey;
        this.anthropicKey = anthropicKey;
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                return answer.apply(r);
            }
        });
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        server.start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        server.close();
    }

    /** The environment a user would set: both keys, and both base URLs pointing at this server. */
    Map<String, String> env() {
        String base = server.url("/").toString().replaceAll("/$", "");
        Map<String, String> env = new HashMap<>();
        env.put("OPENAI_API_KEY", openAiKey);
        env.put("OPENAI_BASE_URL", base + "/v1");
        env.put("ANTHROPIC_API_KEY", anthropicKey);
        env.put("ANTHROPIC_BASE_URL", base);
        return env;
    }

    /**
     * Runs the command line with {@code stdin}, the provider configuration of {@code env} (its settings file at
     * {@code settings}) and {@code args}; fails when the output shows either key.
     */
    CliRun run(Map<String, String> env, Path settings, String stdin, String... args) {
        ProviderConfig config = new ProviderConfig(env, null, settings);
        CliRun r = CliRun.of(stdin, () -> config, args);
        assertFalse(
                r.out().contains(openAiKey)
                        || r.err().contains(openAiKey)
                        || r.out().contains(anthropicKey)
                        || r.err().contains(anthropicKey),
                "a key was printed");
        return r;
    }

    /** A JSON answer with status {@code code}. */
    static MockResponse json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    /**
     * A completed Responses API answer on gpt-4o-mini: one message with the output text {@code text} (already escaped
     * for a JSON string), ids {@code resp_<id>} and {@code msg_<id>}, and the usage given.
     */
    static MockResponse responses(String id, String text, long input, long output) {
        return json(
                200,
                "{\"id\":\"resp_" + id + "\",\"object\":\"response\",\"created_at\":1741476542,"
                        + "\"status\":\"completed\",\"error\":null,\"incomplete_details\":null,"
                        + "\"model\":\"gpt-4o-mini-2024-07-18\",\"output\":[{\"type\":\"message\",\"id\":\"msg_" + id
                        + "\",\"status\":\"completed\",\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\","
                        + "\"text\":\"" + text + "\",\"annotations\":[]}]}],\"usage\":{\"input_tokens\":" + input
                        + ",\"input_tokens_details\":{\"cached_tokens\":0},\"output_tokens\":" + output
                        + ",\"output_tokens_details\":{\"reasoning_tokens\":0},\"total_tokens\":" + (input + output)
                        + "}}");
    }

    /** A Messages API answer on Claude Haiku 4.5 saying "Issue: refund.", stopped for {@code stopReason}. */
    static MockResponse messages(long n, String stopReason, long input, long output) {
        return json(
                200,
                "{\"id\":\"msg_" + n + "\",\"type\":\"message\",\"role\":\"assistant\",\"content\":"
                        + "[{\"type\":\"text\",\"text\":\"Issue: refund.\"}],\"model\":\"claude-haiku-4-5-20251001\","
                        + "\"stop_reason\":\"" + stopReason + "\",\"stop_sequence\":null,\"usage\":{\"input_tokens\":"
                        + input + ",\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":0,\"output_tokens\":"
                        + output + "}}");
    }

    /** A 404 naming the path no answer was made for. */
    static MockResponse noRoute(String path) {
        return json(404, "{\"error\":{\"message\":\"no route " + path + "\"}}");
    }
}
