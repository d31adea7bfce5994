// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.provider;

import java.util.List;
import java.util.function.Consumer;

/**
 * A client for one provider's API. Implementations live in {@code app/providers}; they retry 429/5xx/network
 * errors with backoff (honouring {@code Retry-After}), never retry 400/401/403/404, and map every failure to a
 * {@link ProviderException} whose message names the provider and says what to do.
 */
public interface ProviderClient {

    ProviderId id();

    /**
     * Sends one request. With {@code request.stream()} the text arrives in pieces through {@code onDelta} (may be
     * null) as the server sends them.
     */
    ChatResult complete(ChatRequest request, Consumer<String> onDelta, CancelToken cancel) throws ProviderException;

    /** The exact input-token count from the provider's counting endpoint. */
    TokenCountResult countTokens(ChatRequest request) throws ProviderException;

    /** The models the key can use (the cheapest real call: used by "Test connection" and {@code costbench ping}). */
    List<String> listModels() throws ProviderException;
}
