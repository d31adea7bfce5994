// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.keys;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.KeyringStorageType;
import com.github.javakeyring.PasswordAccessException;
import dev.costbench.model.provider.CredentialStore;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.Secret;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * Keys in the operating system's credential store through {@code com.github.javakeyring:java-keyring} (JNA on
 * macOS and Windows, D-Bus on Linux): macOS Keychain, Windows Credential Manager, the freedesktop Secret Service
 * (GNOME Keyring, KeePassXC, …) or KWallet. Entries are service {@value #SERVICE}, account the provider's name in
 * lower case ({@code openai}, {@code anthropic}, …).
 *
 * <p>Limits of the library (1.0.4, the newest on Maven Central): it cannot tell "no such entry" from other read
 * failures (both are a {@link PasswordAccessException}), so {@link #load} reports both as absent; that is why
 * {@link CredentialStores#best} only picks this store after a write-read-delete probe worked. On Linux it needs a
 * Secret Service on the session D-Bus; headless machines and CI have none, and the encrypted file is used there.
 */
public final class OsCredentialStore implements CredentialStore {

    /** The service name entries are filed under. */
    public static final String SERVICE = "CostBench";

    private final Keyring keyring;

    private OsCredentialStore(Keyring keyring) {
        this.keyring = keyring;
    }

    /** Opens the platform's store; fails when there is none (e.g. Linux without a Secret Service). */
    public static OsCredentialStore open() throws IOException {
        try {
            return new OsCredentialStore(Keyring.create());
        } catch (BackendNotSupportedException | RuntimeException | LinkageError e) {
            throw new IOException("No operating-system credential store is available (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public String describe() {
        KeyringStorageType t = keyring.getKeyringStorageType();
        if (t == null) {
            return "system credential store";
        }
        switch (t) {
            case OSX_KEYCHAIN:
            case LEGACY_OSX_KEYCHAIN:
                return "macOS Keychain";
            case WINDOWS_CREDENTIAL_STORE:
                return "Windows Credential Manager";
            case GNOME_KEYRING:
                return "Secret Service (GNOME Keyring)";
            case KWALLET:
                return "KWallet";
            default:
                return "system credential store";
        }
    }

    @Override
    public Optional<Secret> load(ProviderId provider) {
        return read(account(provider)).map(v -> new Secret(v, describe()));
    }

    @Override
    public void save(ProviderId provider, Secret key) throws IOException {
        write(account(provider), key.reveal());
    }

    @Override
    public void delete(ProviderId provider) throws IOException {
        if (read(account(provider)).isEmpty()) {
            return;
        }
        try {
            keyring.deletePassword(SERVICE, account(provider));
        } catch (PasswordAccessException | RuntimeException e) {
            throw new IOException(
                    describe() + " refused to delete the " + provider.displayName() + " key ("
                            + e.getClass().getSimpleName() + ")",
                    e);
        }
    }

    /**
     * Writes, reads back and deletes a random test entry; true when all three worked. Used to decide whether
     * the store can be trusted on this machine.
     */
    boolean probe() {
        String account = "probe-" + Long.toHexString(Double.doubleToLongBits(Math.random()));
        String value = Long.toHexString(System.nanoTime());
        try {
            write(account, value);
            boolean ok = read(account).map(value::equals).orElse(false);
            keyring.deletePassword(SERVICE, account);
            return ok;
        } catch (IOException | PasswordAccessException | RuntimeException | LinkageError e) {
            return false;
        }
    }

    private Optional<String> read(String account) {
        try {
            String v = keyring.getPassword(SERVICE, account);
            return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
        } catch (PasswordAccessException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private void write(String account, String value) throws IOException {
        try {
            keyring.setPassword(SERVICE, account, value);
        } catch (PasswordAccessException | RuntimeException e) {
            // the library's messages never contain the value, but keep only the type to be sure
            throw new IOException(
                    describe() + " refused to store the key (" + e.getClass().getSimpleName() + ")",
                    e instanceof PasswordAccessException ? null : e);
        }
    }

    @Override
    public Optional<Secret> loadNamed(String name) {
        return read(name).map(v -> new Secret(v, describe()));
    }

    @Override
    public void saveNamed(String name, Secret secret) throws IOException {
        write(name, secret.reveal());
    }

    @Override
    public void deleteNamed(String name) throws IOException {
        if (read(name).isPresent()) {
            try {
                keyring.deletePassword(SERVICE, name);
            } catch (PasswordAccessException e) {
                throw new IOException("Could not delete " + name + " from " + describe() + ": " + e.getMessage(), e);
            }
        }
    }

    private static String account(ProviderId p) {
        return p.name().toLowerCase(Locale.ROOT);
    }
}
