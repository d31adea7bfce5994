// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.keys;

import dev.costbench.model.provider.CredentialStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Picks where keys entered in Settings are kept: the operating system's store when a write-read-delete probe
 * works within {@link #PROBE_TIMEOUT}, else {@link EncryptedFileCredentialStore} in the data directory. Set the
 * system property {@code costbench.credentials} (or the environment variable {@code COSTBENCH_CREDENTIALS}) to
 * {@code file} to skip the OS store.
 */
public final class CredentialStores {

    /** The encrypted file's name in the data directory. */
    public static final String FILE_NAME = "credentials.enc";

    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(CredentialStores.class.getName());

    private CredentialStores() {}

    /** The best store on this machine; {@code passphrase} is asked only if the encrypted file is used. */
    public static CredentialStore best(Path dataDir, Supplier<char[]> passphrase) {
        String pref = System.getProperty("costbench.credentials", System.getenv("COSTBENCH_CREDENTIALS"));
        if (pref != null && pref.trim().toLowerCase(Locale.ROOT).equals("file")) {
            return encryptedFile(dataDir, passphrase);
        }
        return best(dataDir, passphrase, CredentialStores::probedOsStore);
    }

    /** As {@link #best(Path, Supplier)} with the OS store supplied (tests pass a fake or an empty one). */
    public static CredentialStore best(
            Path dataDir, Supplier<char[]> passphrase, Supplier<Optional<CredentialStore>> osStore) {
        Optional<CredentialStore> os = osStore.get();
        return os.isPresent() ? os.get() : encryptedFile(dataDir, passphrase);
    }

    public static EncryptedFileCredentialStore encryptedFile(Path dataDir, Supplier<char[]> passphrase) {
        return new EncryptedFileCredentialStore(dataDir.resolve(FILE_NAME), passphrase);
    }

    /**
     * The OS store if it opens and passes the probe in time (a locked keyring that waits for a user prompt, or a
     * D-Bus that never answers, counts as not working).
     */
    public static Optional<CredentialStore> probedOsStore() {
        CompletableFuture<Optional<CredentialStore>> f = new CompletableFuture<>();
        Thread t = new Thread(
                () -> {
                    try {
                        OsCredentialStore s = OsCredentialStore.open();
                        f.complete(s.probe() ? Optional.of(s) : Optional.empty());
                    } catch (IOException | RuntimeException | LinkageError e) {
                        LOG.log(Level.FINE, "no OS credential store: {0}", e.getMessage());
                        f.complete(Optional.empty());
                    }
                },
                "credential-store-probe");
        t.setDaemon(true);
        t.start();
        try {
            return f.get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.info("The OS credential store did not answer within " + PROBE_TIMEOUT.toSeconds()
                    + " s: keys go to the encrypted file");
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty();
        }
    }
}
