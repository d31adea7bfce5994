// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers;

import dev.costbench.model.provider.CancelToken;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.ChatResult;
import dev.costbench.model.provider.ProviderClient;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.ProviderSettings;
import dev.costbench.model.provider.TokenCountResult;
import java.util.List;
import java.util.function.Consumer;

/** A client found by name, as the Anthropic and Gemini clients are. */
public final class FakeClient implements ProviderClient {
    final ProviderSettings settings;

    public FakeClient(ProviderSettings settings) {
        if (settings.baseUrl().contains("explode")) {
            throw new IllegalArgumentException("bad base URL");
        }
        this.settings = settings;
    }

    @Override
    public ProviderId id() {
        return settings.id();
    }

    @Override
    public ChatResult complete(ChatRequest request, Consumer<String> onDelta, CancelToken cancel) {
        throw new UnsupportedOperationException();
    }

    @Override
    public TokenCountResult countTokens(ChatRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<String> listModels() {
        return List.of();
    }
}
