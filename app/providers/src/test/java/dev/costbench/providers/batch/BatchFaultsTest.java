// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderException.Kind;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.batch.BatchApi;
import dev.costbench.providers.MockApi;
import dev.costbench.providers.testkit.BatchStandIn;
import dev.costbench.providers.testkit.MockedProviderTest;
import dev.costbench.providers.testkit.ProviderMock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 401, 429 with Retry-After, 5xx and a body that is not JSON on every call of every batch client: rate limits are
 * waited out as the server asks, server errors retried except on the call that creates a batch (a second attempt
 * could create and bill it twice), and no message or kept body holds the key.
 */
class BatchFaultsTest extends MockedProviderTest {

    /** One call of a batch client and the request (method, part of the path) that serves it. */
    enum Call {
        SUBMIT,
        POLL,
        RESULTS,
        CANCEL
    }

    record Case(BatchFixture f, Call call) {
        @Override
        public String toString() {
            return f + " " + call.name().toLowerCase();
        }

        String method() {
            return call == Call.POLL || call == Call.RESULTS ? "GET" : "POST";
        }

        String pathPart() {
            switch (call) {
                case SUBMIT:
                    return f.createPath();
                case POLL:
                    return f.id() == ProviderId.ANTHROPIC ? "/v1/messages/batches/" : "/batches/";
                case RESULTS:
                    return f.id() == ProviderId.OPENAI
                            ? "/content"
                            : f.id() == ProviderId.ANTHROPIC ? "/results" : "/batches/";
                default:
                    return f.id() == ProviderId.GEMINI ? ":cancel" : "/cancel";
            }
        }
    }

    static Stream<Case> cases() {
        List<Case> out = new ArrayList<>();
        for (BatchFixture f : BatchFixture.all()) {
            for (Call c : Call.values()) {
                out.add(new Case(f, c));
            }
        }
        return out.stream();
    }

    private BatchStandIn standIn;
    private String batchId;

    /** Submits a batch (unless the case is about submitting) so that the call under test has one to act on. */
    private BatchApi prepare(Case c) throws ProviderException {
        standIn = c.f().standIn().pollsUntilDone(c.call() == Call.CANCEL ? 5 : 1);
        mock.server.setDispatcher(standIn);
        BatchApi api = c.f().api(mock);
        if (c.call() != Call.SUBMIT) {
            batchId = api.submit(c.f().items(2), null).batchId();
        }
        return api;
    }

    private Object run(Case c, BatchApi api) throws ProviderException {
        switch (c.call()) {
            case SUBMIT:
                return api.submit(c.f().items(2), null);
            case POLL:
                return api.poll(batchId);
            case RESULTS:
                List<Object> out = new ArrayList<>();
                api.results(batchId, out::add);
                return out;
            default:
                return api.cancel(batchId);
        }
    }

    private long requestsMatching(Case c) {
        return standIn.recorded().stream()
                .filter(r -> r.getMethod().equals(c.method())
                        && r.getUrl().encodedPath().contains(c.pathPart()))
                .count();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aRateLimitIsWaitedOutAsTheServerAsks(Case c) throws ProviderException {
        BatchApi api = prepare(c);
        standIn.fault(
                c.method(),
                c.pathPart(),
                MockApi.json(429, "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"rate_limit_error\"}}")
                        .newBuilder()
                        .setHeader("Retry-After", "2")
                        .build());
        run(c, api);
        assertTrue(mock.sleeps.contains(Duration.ofSeconds(2)), mock.sleeps.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aServerErrorIsRetriedExceptWhenCreatingTheBatch(Case c) throws ProviderException {
        BatchApi api = prepare(c);
        long before = requestsMatching(c);
        standIn.fault(c.method(), c.pathPart(), MockApi.json(500, "{\"error\":{\"message\":\"internal error\"}}"));
        if (c.call() != Call.SUBMIT) {
            run(c, api);
            assertEquals(1, mock.sleeps.size(), mock.sleeps.toString());
            return;
        }
        ProviderException e = assertThrows(ProviderException.class, () -> run(c, api));
        assertEquals(Kind.SERVER, e.kind());
        assertTrue(e.getMessage().contains("did not send it again"), e.getMessage());
        assertTrue(e.getMessage().contains(c.f().id().displayName() + " console"), e.getMessage());
        assertEquals(before + 1, requestsMatching(c), "the create call is sent once");
        assertTrue(standIn.batchIds().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void anAnswerThatIsNotJsonIsReportedAsMalformed(Case c) throws ProviderException {
        BatchApi api = prepare(c);
        standIn.fault(c.method(), c.pathPart(), MockApi.json(200, "<html>gateway says hello</html>"));
        ProviderException e = assertThrows(ProviderException.class, () -> run(c, api));
        assertEquals(Kind.MALFORMED, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains(c.f().id().displayName()), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aRejectedKeySaysSoAndNeverShowsTheKey(Case c) throws ProviderException {
        BatchApi api = prepare(c);
        // the provider echoes the key it received, as some gateways do
        String body = "{\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid key " + ProviderMock.FAKE_KEY
                + "\"}}";
        standIn.fault(c.method(), c.pathPart(), MockApi.json(401, body));
        ProviderException e = assertThrows(ProviderException.class, () -> run(c, api));
        assertEquals(Kind.AUTH, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("API key"), e.getMessage());
        ProviderMock.assertKeyRedacted(e);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aRedirectToAnotherHostIsRefusedBeforeTheKeyTravels(Case c) throws Exception {
        BatchApi api = prepare(c);
        try (ProviderMock other = new ProviderMock()) {
            standIn.fault(
                    c.method(),
                    c.pathPart(),
                    new MockResponse.Builder()
                            .code(307)
                            .setHeader("Location", other.server.url("/steal").toString())
                            .build());
            ProviderException e = assertThrows(ProviderException.class, () -> run(c, api));
            assertFalse(e.getMessage().contains(ProviderMock.FAKE_KEY));
            assertEquals(0, other.server.getRequestCount(), "nothing reached the other host");
        }
    }
}
