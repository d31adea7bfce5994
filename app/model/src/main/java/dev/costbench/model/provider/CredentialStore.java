// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.provider;

import java.io.IOException;
import java.util.Optional;

/**
 * Where keys entered in Settings are kept: the operating system's credential store, or a passphrase-encrypted
 * file where there is none. Never a plain-text file.
 */
public interface CredentialStore {

    /** A short description for Settings, e.g. "Secret Service (GNOME Keyring)" or "encrypted file". */
    String describe();

    Optional<Secret> load(ProviderId provider) throws IOException;

    void save(ProviderId provider, Secret key) throws IOException;

    void delete(ProviderId provider) throws IOException;

    /** A secret of CostBench's own that is not a provider key (the team store's password), kept under a name. */
    default Optional<Secret> loadNamed(String name) throws IOException {
        return Optional.empty();
    }

    /** Keeps a named secret ({@link #loadNamed}). */
    default void saveNamed(String name, Secret secret) throws IOException {
        throw new IOException(describe() + " keeps provider keys only; the password was not saved.");
    }

    /** Forgets a named secret; nothing when there is none. */
    default void deleteNamed(String name) throws IOException {
        // nothing kept
    }
}
