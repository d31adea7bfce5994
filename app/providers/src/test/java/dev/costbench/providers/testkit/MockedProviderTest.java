// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.testkit;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A client test against a fresh {@link ProviderMock}, started before each test and closed after it. */
public abstract class MockedProviderTest {

    protected ProviderMock mock;

    @BeforeEach
    final void startMock() throws IOException {
        mock = new ProviderMock();
    }

    @AfterEach
    final void closeMock() {
        mock.close();
    }
}
