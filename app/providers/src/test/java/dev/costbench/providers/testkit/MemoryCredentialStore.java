// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.testkit;

import dev.costbench.model.provider.CredentialStore;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.Secret;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** An in-memory credential store that works, standing in for an OS store or the encrypted file. */
public final class MemoryCredentialStore implements CredentialStore {

    private final Map<ProviderId, Secret> keys = new EnumMap<>(ProviderId.class);

    @Override
    public String describe() {
        return "test store";
    }

    @Override
    public Optional<Secret> load(ProviderId p) {
        return Optional.ofNullable(keys.get(p));
    }

    /** Keeps {@code k} as read back from this store. */
    @Override
    public void save(ProviderId p, Secret k) {
        keys.put(p, new Secret(k.reveal(), describe()));
    }

    @Override
    public void delete(ProviderId p) {
        keys.remove(p);
    }
}
