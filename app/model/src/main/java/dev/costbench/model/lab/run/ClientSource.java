// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import dev.costbench.model.provider.ProviderClient;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderId;

/**
 * The runner's way to a provider: the client to call, built with the user's key and base URL. Asked once per
 * provider per run, from a runner thread. A provider that cannot be used (no key) throws a {@link ProviderException}
 * of kind {@link ProviderException.Kind#NO_KEY} whose message says what to set; its cells are then left for later.
 */
@FunctionalInterface
public interface ClientSource {

    ProviderClient client(ProviderId provider) throws ProviderException;
}
