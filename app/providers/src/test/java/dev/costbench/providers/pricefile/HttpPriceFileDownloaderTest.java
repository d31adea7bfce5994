// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.pricefile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpPriceFileDownloaderTest {

    private MockWebServer server;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private URI url(String path) {
        return server.url(path).uri();
    }

    @Test
    void downloadsTheFileWithAPlainGetAndNoCredentials() throws Exception {
        String body =
                "{\"data\":[{\"id\":\"openai/gpt-5\",\"pricing\":{\"prompt\":\"0.00000125\",\"completion\":\"0.00001\"}}]}";
        server.enqueue(new MockResponse.Builder()
                .body(body)
                .addHeader("Content-Type", "application/json")
                .build());
        byte[] got = new HttpPriceFileDownloader().download(url("/api/v1/models"));
        assertArrayEquals(body.getBytes(StandardCharsets.UTF_8), got);
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        assertEquals("GET", r.getMethod());
        assertEquals("/api/v1/models", r.getUrl().encodedPath());
        assertNull(r.getHeaders().get("Authorization"));
    }

    @Test
    void anErrorStatusSaysWhatToDo() {
        server.enqueue(new MockResponse.Builder().code(404).body("not found").build());
        IOException e =
                assertThrows(IOException.class, () -> new HttpPriceFileDownloader().download(url("/prices/data.json")));
        assertTrue(e.getMessage().contains("answered HTTP 404"), e.getMessage());
        assertTrue(e.getMessage().contains("check the address"), e.getMessage());
    }

    /** The message of the failure when the server gives {@code answer} to a downloader limited to 1000 bytes. */
    private String refusal(MockResponse answer, int seconds) {
        server.enqueue(answer);
        HttpPriceFileDownloader d = new HttpPriceFileDownloader(1000, Duration.ofSeconds(seconds));
        return assertThrows(IOException.class, () -> d.download(url("/prices.json")))
                .getMessage();
    }

    @Test
    void aFileOverTheLimitIsRefused() {
        String m = refusal(new MockResponse.Builder().body("x".repeat(5000)).build(), 10);
        assertTrue(m.contains("larger than"), m);
    }

    @Test
    void aServerThatDoesNotAnswerInTimeIsGivenUpOn() {
        String m = refusal(
                new MockResponse.Builder()
                        .body("{}")
                        .headersDelay(5, TimeUnit.SECONDS)
                        .build(),
                1);
        assertTrue(m.contains("did not answer within 1 seconds"), m);
    }

    @Test
    void onlyWebAddressesAreFetched() {
        IOException e = assertThrows(
                IOException.class, () -> new HttpPriceFileDownloader().download(URI.create("file:///etc/passwd")));
        assertTrue(e.getMessage().contains("not a web address"), e.getMessage());
    }
}
