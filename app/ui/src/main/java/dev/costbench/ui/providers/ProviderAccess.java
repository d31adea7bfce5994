// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.providers;

import dev.costbench.model.lab.run.ClientSource;
import dev.costbench.model.provider.CredentialStore;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.ProviderSettings;
import dev.costbench.model.provider.Secret;
import dev.costbench.model.provider.batch.BatchSource;
import dev.costbench.providers.ProviderConfig;
import dev.costbench.providers.Providers;
import dev.costbench.providers.batch.ProviderBatches;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The workbench's way to the providers: where keys and base URLs come from ({@link ProviderConfig}: environment,
 * then the credential store and providers.json) and the clients built from them.
 */
public final class ProviderAccess {

    private final ProviderConfig config;

    public ProviderAccess(ProviderConfig config) {
        this.config = config;
    }

    public String storeDescription() {
        CredentialStore s = config.store();
        return s == null ? "nowhere (no credential store on this machine)" : s.describe();
    }

    public ProviderSettings settings(ProviderId id) throws IOException {
        return config.resolve(id);
    }

    public String savedBaseUrl(ProviderId id) throws IOException {
        return "settings".equals(config.baseUrlSource(id, null)) ? config.baseUrl(id, null) : "";
    }

    public String baseUrlSource(ProviderId id) throws IOException {
        return config.baseUrlSource(id, null);
    }

    public void saveKey(ProviderId id, Secret key) throws IOException {
        if (config.store() == null) {
            throw new IOException("no credential store is available; set " + id.keyVariable() + " instead");
        }
        config.store().save(id, key);
    }

    public void deleteKey(ProviderId id) throws IOException {
        if (config.store() != null) {
            config.store().delete(id);
        }
    }

    /** Keeps a secret that is not a provider key (the team store's password) in the credential store. */
    public void saveNamedSecret(String name, String value) throws IOException {
        if (config.store() == null) {
            throw new IOException(
                    "no credential store is available on this computer; set COSTBENCH_STORE_PASSWORD " + "instead");
        }
        config.store().saveNamed(name, new Secret(value, "the Providers tab"));
    }

    /** A secret kept by {@link #saveNamedSecret}; empty when none is kept or it cannot be read. */
    public Optional<String> namedSecret(String name) {
        try {
            return config.store() == null
                    ? Optional.empty()
                    : config.store().loadNamed(name).map(Secret::reveal);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public void saveBaseUrl(ProviderId id, String url) throws IOException {
        config.saveSettings(id, url, config.defaultModels(id));
    }

    /** Clients for the Prompt view and Settings; a provider with no key fails with a message saying what to set. */
    public ClientSource clients() {
        return id -> {
            ProviderSettings s;
            try {
                s = config.resolve(id);
            } catch (IOException e) {
                throw new ProviderException(
                        id,
                        ProviderException.Kind.NO_KEY,
                        0,
                        "Cannot read the " + id.displayName() + " key: " + e.getMessage(),
                        null,
                        null,
                        e);
            }
            if (id != ProviderId.COMPATIBLE && (s.key() == null || s.key().isEmpty())) {
                throw new ProviderException(
                        id,
                        ProviderException.Kind.NO_KEY,
                        0,
                        "No " + id.displayName() + " API key: set " + id.keyVariable()
                                + " or paste one under Providers",
                        null,
                        null,
                        null);
            }
            return Providers.client(s);
        };
    }

    /** The providers' batch APIs (A/B batch runs), from the same keys and base URLs as the clients. */
    public BatchSource batches() {
        return new ProviderBatches(config, null);
    }

    /** The models saved as defaults for {@code id}. */
    public List<String> defaultModels(ProviderId id) throws IOException {
        return config.defaultModels(id);
    }
}
