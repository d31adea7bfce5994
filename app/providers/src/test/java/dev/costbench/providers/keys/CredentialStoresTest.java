// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.provider.CredentialStore;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.Secret;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialStoresTest {

    @TempDir
    Path dir;

    /** An in-memory stand-in for an OS store that works. */
    static final class MemoryStore implements CredentialStore {
        final Map<ProviderId, Secret> keys = new EnumMap<>(ProviderId.class);

        @Override
        public String describe() {
            return "memory";
        }

        @Override
        public Optional<Secret> load(ProviderId p) {
            return Optional.ofNullable(keys.get(p));
        }

        @Override
        public void save(ProviderId p, Secret k) {
            keys.put(p, k);
        }

        @Override
        public void delete(ProviderId p) {
            keys.remove(p);
        }
    }

    @Test
    void aWorkingOsStoreIsPreferred() {
        MemoryStore os = new MemoryStore();
        assertSame(os, CredentialStores.best(dir, () -> "pw".toCharArray(), () -> Optional.of(os)));
    }

    @Test
    void withoutAnOsStoreTheEncryptedFileInTheDataDirIsUsed() {
        CredentialStore s = CredentialStores.best(dir, () -> "pw".toCharArray(), Optional::empty);
        assertTrue(s instanceof EncryptedFileCredentialStore);
        assertEquals(dir.resolve("credentials.enc"), ((EncryptedFileCredentialStore) s).file());
        assertEquals("encrypted file", s.describe());
    }

    @Test
    void theProbeAnswersWithinItsTimeout() {
        long t0 = System.nanoTime();
        Optional<CredentialStore> os = CredentialStores.probedOsStore();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < CredentialStores.PROBE_TIMEOUT.toMillis() + 2000, "probe took " + ms + " ms");
        // headless Linux and CI have no Secret Service; a desktop may: either answer is fine, quickly
        os.ifPresent(s -> assertTrue(s instanceof OsCredentialStore));
    }

    @Test
    void thePropertyForcesTheFile() {
        System.setProperty("costbench.credentials", "file");
        try {
            assertTrue(CredentialStores.best(dir, () -> "pw".toCharArray()) instanceof EncryptedFileCredentialStore);
        } finally {
            System.clearProperty("costbench.credentials");
        }
    }
}
