// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.testkit;

import dev.costbench.model.provider.ProviderId;
import dev.costbench.providers.http.HttpEngine;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;

/**
 * A batch client test against a fresh stand-in: before each test, {@link #standIn} serves the {@link ProviderMock}
 * (accepting {@link ProviderMock#FAKE_KEY}) and {@link #batch} is a client on it whose retry waits are recorded.
 *
 * @param <S> the stand-in
 * @param <B> the batch client
 */
public abstract class StandInTest<S extends BatchStandIn, B> extends MockedProviderTest {

    protected S standIn;
    protected B batch;
    private final Function<String, S> standIns;
    private final ProviderId provider;
    private final String prefix;
    private final Function<HttpEngine, B> clients;

    /**
     * @param standIns the stand-in for a key
     * @param provider whose API it is
     * @param prefix   the base URL's path on the mock ("/v1", "/", "/v1beta")
     * @param clients  the client on an engine
     */
    protected StandInTest(
            Function<String, S> standIns, ProviderId provider, String prefix, Function<HttpEngine, B> clients) {
        this.standIns = standIns;
        this.provider = provider;
        this.prefix = prefix;
        this.clients = clients;
    }

    @BeforeEach
    final void serve() {
        standIn = standIns.apply(ProviderMock.FAKE_KEY);
        mock.server.setDispatcher(standIn);
        batch = clients.apply(mock.engine(mock.settings(provider, prefix)));
    }
}
