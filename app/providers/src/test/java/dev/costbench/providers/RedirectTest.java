// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.ProviderClient;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderException.Kind;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.providers.testkit.Answers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Redirects on every endpoint of every client. A redirect to another origin must be refused before anything
 * reaches that origin (OkHttp would carry {@code x-api-key} / {@code x-goog-api-key} and the prompt there); one to
 * the same origin is followed with the same method, body and key.
 */
class RedirectTest {

    /** A different secret in the redirect target's query, as a Gemini-style {@code ?key=} URL would carry. */
    static final String OTHER_SECRET = "AIzaSyOTHERSECRET0123456789";

    @FunctionalInterface
    interface Call {
        Object run(ProviderClient c) throws ProviderException;
    }

    record Endpoint(ProviderId id, String name, String prefix, Call call, String answer, boolean sse) {
        @Override
        public String toString() {
            return id.displayName() + " " + name;
        }

        String keyHeader() {
            switch (id) {
                case ANTHROPIC:
                    return "x-api-key";
                case GEMINI:
                    return "x-goog-api-key";
                default:
                    return "Authorization";
            }
        }
    }

    private static ChatRequest ask(String model, boolean stream) {
        return ChatRequest.of(model, null, "Hi").withStream(stream);
    }

    static List<Endpoint> endpoints() {
        ChatRequest.OpenAiApi chat = ChatRequest.OpenAiApi.CHAT_COMPLETIONS;
        return List.of(
                new Endpoint(
                        ProviderId.OPENAI,
                        "Responses",
                        "/v1",
                        c -> c.complete(ask("gpt-4o-mini", false), null, null),
                        Answers.OPENAI_RESPONSE,
                        false),
                new Endpoint(
                        ProviderId.OPENAI,
                        "Responses stream",
                        "/v1",
                        c -> c.complete(ask("gpt-4o-mini", true), null, null),
                        Answers.OPENAI_RESPONSE_STREAM,
                        true),
                new Endpoint(
                        ProviderId.OPENAI,
                        "Chat Completions",
                        "/v1",
                        c -> c.complete(ask("gpt-4o-mini", false).withOpenAiApi(chat), null, null),
                        Answers.CHAT_COMPLETION,
                        false),
                new Endpoint(
                        ProviderId.OPENAI,
                        "Chat Completions stream",
                        "/v1",
                        c -> c.complete(ask("gpt-4o-mini", true).withOpenAiApi(chat), null, null),
                        Answers.CHAT_STREAM,
                        true),
                new Endpoint(
                        ProviderId.OPENAI,
                        "input token count",
                        "/v1",
                        c -> c.countTokens(ask("gpt-4o-mini", false)),
                        Answers.OPENAI_INPUT_TOKENS,
                        false),
                new Endpoint(
                        ProviderId.OPENAI,
                        "model list",
                        "/v1",
                        ProviderClient::listModels,
                        Answers.OPENAI_MODELS,
                        false),
                new Endpoint(
                        ProviderId.ANTHROPIC,
                        "Messages",
                        "",
                        c -> c.complete(ask("claude-sonnet-4-5", false), null, null),
                        Answers.ANTHROPIC_MESSAGE,
                        false),
                new Endpoint(
                        ProviderId.ANTHROPIC,
                        "Messages stream",
                        "",
                        c -> c.complete(ask("claude-sonnet-4-5", true), null, null),
                        Answers.ANTHROPIC_STREAM,
                        true),
                new Endpoint(
                        ProviderId.ANTHROPIC,
                        "count_tokens",
                        "",
                        c -> c.countTokens(ask("claude-sonnet-4-5", false)),
                        Answers.ANTHROPIC_COUNT,
                        false),
                new Endpoint(
                        ProviderId.ANTHROPIC,
                        "model list",
                        "",
                        ProviderClient::listModels,
                        Answers.ANTHROPIC_MODELS,
                        false),
                new Endpoint(
                        ProviderId.GEMINI,
                        "generateContent",
                        "/v1beta",
                        c -> c.complete(ask("gemini-2.5-flash", false), null, null),
                        Answers.GEMINI_ANSWER,
                        false),
                new Endpoint(
                        ProviderId.GEMINI,
                        "streamGenerateContent",
                        "/v1beta",
                        c -> c.complete(ask("gemini-2.5-flash", true), null, null),
                        Answers.GEMINI_STREAM,
                        true),
                new Endpoint(
                        ProviderId.GEMINI,
                        "countTokens",
                        "/v1beta",
                        c -> c.countTokens(ask("gemini-2.5-flash", false)),
                        Answers.GEMINI_COUNT,
                        false),
                new Endpoint(
                        ProviderId.GEMINI,
                        "model list",
                        "/v1beta",
                        ProviderClient::listModels,
                        Answers.GEMINI_MODELS,
                        false),
                new Endpoint(
                        ProviderId.COMPATIBLE,
                        "Chat Completions",
                        "/v1",
                        c -> c.complete(ask("llama3.2", false), null, null),
                        Answers.CHAT_COMPLETION,
                        false),
                new Endpoint(
                        ProviderId.COMPATIBLE,
                        "Chat Completions stream",
                        "/v1",
                        c -> c.complete(ask("llama3.2", true), null, null),
                        Answers.CHAT_STREAM,
                        true),
                new Endpoint(
                        ProviderId.COMPATIBLE,
                        "model list",
                        "/v1",
                        ProviderClient::listModels,
                        Answers.OPENAI_MODELS,
                        false));
    }

    static Stream<Arguments> everyEndpointAndCode() {
        List<Arguments> out = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            for (int code : new int[] {301, 302, 307, 308}) {
                out.add(Arguments.of(e, code));
            }
        }
        return out.stream();
    }

    private MockWebServer origin;
    private MockWebServer other;

    @BeforeEach
    void start() throws Exception {
        origin = new MockWebServer();
        origin.start();
        other = new MockWebServer();
        other.start();
    }

    @AfterEach
    void stop() {
        origin.close();
        other.close();
    }

    private ProviderClient client(Endpoint e) {
        return Providers.client(MockApi.settings(e.id(), origin, e.prefix().isEmpty() ? "/" : e.prefix(), MockApi.KEY));
    }

    @ParameterizedTest(name = "{0}, {1} to another host")
    @MethodSource("everyEndpointAndCode")
    void aRedirectToAnotherHostIsRefusedAndNothingReachesIt(Endpoint e, int code) {
        origin.enqueue(
                MockApi.redirect(code, other.url("/stolen/v1/endpoint").toString() + "?alt=sse&key=" + OTHER_SECRET));
        other.enqueue(MockApi.json(200, e.answer()));

        ProviderException x =
                assertThrows(ProviderException.class, () -> e.call().run(client(e)));

        assertEquals(0, other.getRequestCount(), "neither the key nor the prompt may reach the other host");
        assertEquals(1, origin.getRequestCount());
        assertEquals(Kind.BAD_REQUEST, x.kind(), x.getMessage());
        assertEquals(code, x.httpStatus());
        String m = x.getMessage();
        assertTrue(m.contains(e.id().displayName() + " at " + MockApi.originOf(origin)), m);
        assertTrue(m.contains("to another host, " + MockApi.originOf(other) + "/stolen/v1/endpoint"), m);
        assertTrue(m.contains("neither the API key nor the request was sent to " + MockApi.originOf(other)), m);
        assertTrue(m.contains("Check the base URL") && m.contains(e.id().baseUrlVariable()), m);
        assertTrue(m.contains("key=[REDACTED]"), m);
        assertFalse(m.contains(OTHER_SECRET), m);
        assertFalse(m.contains(MockApi.KEY), m);
    }

    @ParameterizedTest(name = "{0}, {1} on the same host")
    @MethodSource("everyEndpointAndCode")
    void aRedirectOnTheSameHostIsFollowedWithTheSameMethodBodyAndKey(Endpoint e, int code) throws Exception {
        origin.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                if (r.getTarget().startsWith("/moved")) {
                    return e.sse() ? MockApi.sse(e.answer()) : MockApi.json(200, e.answer());
                }
                return MockApi.redirect(code, "/moved" + r.getTarget());
            }
        });

        assertNotNull(e.call().run(client(e)));

        assertEquals(2, origin.getRequestCount());
        RecordedRequest first = origin.takeRequest(1, TimeUnit.SECONDS);
        RecordedRequest second = origin.takeRequest(1, TimeUnit.SECONDS);
        assertEquals("/moved" + first.getTarget(), second.getTarget());
        assertEquals(first.getMethod(), second.getMethod(), "the method is kept, also on 301 and 302");
        assertEquals(
                first.getBody() == null ? "" : first.getBody().utf8(),
                second.getBody() == null ? "" : second.getBody().utf8(),
                "the body is sent again unchanged");
        assertEquals(first.getHeaders().get(e.keyHeader()), second.getHeaders().get(e.keyHeader()));
        assertNotNull(second.getHeaders().get(e.keyHeader()));
    }

    @Test
    void sameHostRedirectsStopAfterFiveHops() {
        Endpoint e = endpoints().get(0);
        origin.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                return MockApi.redirect(307, "/loop" + r.getTarget());
            }
        });
        ProviderException x =
                assertThrows(ProviderException.class, () -> e.call().run(client(e)));
        assertEquals(Kind.BAD_REQUEST, x.kind());
        assertTrue(x.getMessage().startsWith("OpenAI redirected the request more than 5 times"), x.getMessage());
        assertTrue(x.getMessage().contains("check the base URL"), x.getMessage());
        assertEquals(6, origin.getRequestCount(), "the first request and five redirects");
    }

    @Test
    void aSeeOtherRedirectIsNotFollowedEvenOnTheSameHost() {
        Endpoint e = endpoints().get(6); // Anthropic Messages
        origin.enqueue(MockApi.redirect(303, "/elsewhere"));
        origin.enqueue(MockApi.json(200, e.answer()));
        ProviderException x =
                assertThrows(ProviderException.class, () -> e.call().run(client(e)));
        assertEquals(Kind.BAD_REQUEST, x.kind());
        assertEquals(303, x.httpStatus());
        assertTrue(
                x.getMessage()
                        .startsWith("Anthropic answered with a redirect (303) that CostBench does not"
                                + " follow. Check the base URL"),
                x.getMessage());
        assertEquals(1, origin.getRequestCount());
    }

    @Test
    void aRedirectToTheSameHostOverHttpsIsAnotherOrigin() {
        Endpoint e = endpoints().get(13); // Gemini model list
        HttpUrl u = origin.url("/v1beta/models");
        String https = "https://" + u.host() + ":" + u.port() + "/v1beta/models?key=" + MockApi.KEY;
        origin.enqueue(MockApi.redirect(301, https));
        ProviderException x =
                assertThrows(ProviderException.class, () -> e.call().run(client(e)));
        assertEquals(Kind.BAD_REQUEST, x.kind());
        assertTrue(
                x.getMessage()
                        .contains("to another host, https://" + u.host() + ":" + u.port()
                                + "/v1beta/models?key=[REDACTED]"),
                x.getMessage());
        assertFalse(x.getMessage().contains(MockApi.KEY));
        assertEquals(1, origin.getRequestCount());
    }
}
