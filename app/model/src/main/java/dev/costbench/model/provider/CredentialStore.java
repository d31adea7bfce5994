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
}
