// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.provider.CredentialStore;
import dev.costbench.providers.testkit.MemoryCredentialStore;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

// sets costbench.credentials for a while: not beside a test that reads it
@ResourceLock(Resources.SYSTEM_PROPERTIES)
class CredentialStoresTest {

    @TempDir
    Path dir;

    @Test
    void aWorkingOsStoreIsPreferred() {
        MemoryCredentialStore os = new MemoryCredentialStore();
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
