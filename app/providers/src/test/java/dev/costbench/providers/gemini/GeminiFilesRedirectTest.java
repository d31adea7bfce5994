// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.gemini;

import static dev.costbench.providers.testkit.ProviderMock.FAKE_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.Part;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderException.Kind;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.providers.MockApi;
import dev.costbench.providers.testkit.Answers;
import dev.costbench.providers.testkit.MockedProviderTest;
import dev.costbench.providers.testkit.Requests;
import java.io.IOException;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Redirects during a Files API upload (media over the inline limit): the upload start (which carries
 * {@code x-goog-api-key}), the upload of the bytes and the status check. None may take the key or the media to
 * another host; the bytes follow a same-origin redirect unchanged.
 */
class GeminiFilesRedirectTest extends MockedProviderTest {

    private MockWebServer other;
    private GeminiClient client;

    @BeforeEach
    void start() throws IOException {
        other = new MockWebServer();
        other.start();
        client = new GeminiClient(mock.engine(mock.settings(ProviderId.GEMINI, "/v1beta")))
                .withInlineLimit(200)
                .withPollInterval(Duration.ZERO);
    }

    @AfterEach
    void stop() {
        other.close();
    }

    private static ChatRequest bigVideo() {
        return Requests.oneTurn(
                "gemini-2.5-flash", 256, new Part.Text("Summarise."), new Part.Video(new byte[300], "video/mp4", null));
    }

    private MockResponse uploadStarted() {
        return new MockResponse.Builder()
                .code(200)
                .setHeader("X-Goog-Upload-URL", mock.server.url("/upload/v1beta/files?upload_id=ABCD"))
                .setHeader("X-Goog-Upload-Status", "active")
                .build();
    }

    private static String file(String state) {
        return "{\"name\": \"files/abc-123\", \"mimeType\": \"video/mp4\", \"state\": \"" + state + "\","
                + " \"uri\": \"https://generativelanguage.googleapis.com/v1beta/files/abc-123\"}";
    }

    private void assertRefused(ProviderException e, int code) {
        String m = e.getMessage();
        assertEquals(Kind.BAD_REQUEST, e.kind(), m);
        assertEquals(code, e.httpStatus());
        assertTrue(m.contains("through the Files API, and that failed"), m);
        assertTrue(
                m.contains("Google Gemini at " + MockApi.originOf(mock.server) + " redirected the request (" + code
                        + ") to another host, " + MockApi.originOf(other)),
                m);
        assertTrue(m.contains("Check the base URL") && m.contains("GEMINI_BASE_URL"), m);
        assertTrue(m.contains("key=[REDACTED]"), m);
        assertFalse(m.contains(FAKE_KEY), m);
        assertEquals(0, other.getRequestCount(), "nothing reaches the other host");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {301, 302, 307, 308})
    void theUploadStartIsNotRedirectedToAnotherHost(int code) {
        mock.enqueue(MockApi.redirect(code, other.url("/upload/v1beta/files").toString() + "?key=" + FAKE_KEY));
        ProviderException e = assertThrows(ProviderException.class, () -> client.complete(bigVideo(), null, null));
        assertRefused(e, code);
        assertEquals(1, mock.server.getRequestCount());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {301, 302, 307, 308})
    void theBytesAreNotRedirectedToAnotherHost(int code) {
        mock.enqueue(uploadStarted());
        mock.enqueue(MockApi.redirect(code, other.url("/upload/v1beta/files").toString() + "?upload_id=ABCD&key=x"));
        ProviderException e = assertThrows(ProviderException.class, () -> client.countTokens(bigVideo()));
        assertRefused(e, code);
        assertEquals(2, mock.server.getRequestCount());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {301, 302, 307, 308})
    void theStatusCheckIsNotRedirectedToAnotherHost(int code) {
        mock.enqueue(uploadStarted());
        mock.json(200, "{\"file\": " + file("PROCESSING") + "}");
        mock.enqueue(MockApi.redirect(code, other.url("/v1beta/files/abc-123").toString() + "?key=" + FAKE_KEY));
        ProviderException e = assertThrows(ProviderException.class, () -> client.complete(bigVideo(), null, null));
        assertRefused(e, code);
        assertEquals(3, mock.server.getRequestCount());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {301, 302, 307, 308})
    void theBytesFollowASameHostRedirectUnchanged(int code) throws Exception {
        mock.enqueue(uploadStarted());
        mock.enqueue(MockApi.redirect(code, "/upload/v1beta/files?upload_id=EFGH"));
        mock.json(200, "{\"file\": " + file("ACTIVE") + "}");
        mock.json(200, Answers.GEMINI_ANSWER);

        assertEquals("Hi", client.complete(bigVideo(), null, null).text());

        mock.take(); // the upload start
        RecordedRequest first = mock.take();
        RecordedRequest second = mock.take();
        assertEquals("/upload/v1beta/files?upload_id=EFGH", second.getTarget());
        assertEquals("POST", second.getMethod());
        assertEquals(300, second.getBodySize());
        assertEquals(first.getBody(), second.getBody());
        assertEquals("upload, finalize", second.getHeaders().get("X-Goog-Upload-Command"));
        assertEquals(0, other.getRequestCount());
    }

    @Test
    void aSeeOtherAnswerToTheUploadStartIsNotFollowed() {
        mock.enqueue(MockApi.redirect(303, "/upload/v1beta/files/elsewhere"));
        mock.json(200, "{}");
        ProviderException e = assertThrows(ProviderException.class, () -> client.complete(bigVideo(), null, null));
        assertEquals(Kind.BAD_REQUEST, e.kind(), e.getMessage());
        assertTrue(
                e.getMessage()
                        .contains("Google Gemini answered with a redirect (303) that CostBench does not follow"
                                + " while starting the file upload. Check the base URL"),
                e.getMessage());
        assertEquals(1, mock.server.getRequestCount());
    }
}
