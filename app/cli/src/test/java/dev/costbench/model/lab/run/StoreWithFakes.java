// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import dev.costbench.model.provider.ProviderClient;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.store.H2LabStore;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A runner test's world: the real H2 store in a temporary directory, and a scripted client per provider. */
abstract class StoreWithFakes {

    @TempDir
    Path dir;

    H2LabStore store;

    /** The scripted clients; a provider without one answers as if it had no key. */
    final Map<ProviderId, FakeClient> fakes = new EnumMap<>(ProviderId.class);

    @BeforeEach
    final void openStore() {
        store = H2LabStore.open(dir);
    }

    @AfterEach
    final void closeStore() {
        store.close();
    }

    /** The scripted client of {@code id}; NO_KEY when there is none. */
    final ProviderClient client(ProviderId id) throws ProviderException {
        FakeClient c = fakes.get(id);
        if (c == null) {
            throw FakeClient.error(id, ProviderException.Kind.NO_KEY, 0);
        }
        return c;
    }
}
