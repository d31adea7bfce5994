// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.testkit;

import dev.costbench.providers.MockApi;
import java.io.IOException;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test against a fresh {@link MockWebServer}, started before each test and closed after it, and a record of the
 * waits between retries (nothing sleeps).
 */
public abstract class MockServerTest {

    protected MockWebServer server;
    protected MockApi.Waits waits;

    @BeforeEach
    final void startServer() throws IOException {
        server = new MockWebServer();
        server.start();
        waits = new MockApi.Waits();
    }

    @AfterEach
    final void closeServer() {
        server.close();
    }
}
