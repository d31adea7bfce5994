// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.provider.batch;

import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderId;
import java.util.Optional;

/** Where the lab gets a provider's batch API (the app wires the real ones; tests wire stand-ins). */
public interface BatchSource {

    /**
     * The provider's batch API, or empty when the provider has none (OpenAI-compatible local servers).
     *
     * @throws ProviderException when the provider has one but it cannot be used now (no key)
     */
    Optional<BatchApi> batch(ProviderId provider) throws ProviderException;
}
