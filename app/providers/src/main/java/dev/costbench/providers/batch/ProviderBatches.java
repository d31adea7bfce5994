// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.batch;

import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderException.Kind;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.ProviderSettings;
import dev.costbench.model.provider.batch.BatchApi;
import dev.costbench.model.provider.batch.BatchSource;
import dev.costbench.providers.ProviderConfig;
import dev.costbench.providers.anthropic.AnthropicBatch;
import dev.costbench.providers.gemini.GeminiBatch;
import dev.costbench.providers.openai.OpenAiBatch;
import java.io.IOException;
import java.util.Optional;

/**
 * The real batch APIs, built from the same settings as the live clients ({@link ProviderConfig}: key and base URL
 * from an override, the environment, the credential store and providers.json, else the provider's default), so a
 * base URL that points the live client at a gateway or a stand-in points the batch API there too.
 * OpenAI-compatible servers have no batch API: {@link #batch} is empty for them.
 */
public final class ProviderBatches implements BatchSource {

    private final ProviderConfig config;
    private final String baseUrlOverride;

    /**
     * @param config          where keys and base URLs come from
     * @param baseUrlOverride the command line's {@code --base-url}, or null
     */
    public ProviderBatches(ProviderConfig config, String baseUrlOverride) {
        this.config = config;
        this.baseUrlOverride = baseUrlOverride;
    }

    @Override
    public Optional<BatchApi> batch(ProviderId provider) throws ProviderException {
        if (provider == ProviderId.COMPATIBLE) {
            return Optional.empty();
        }
        ProviderSettings s;
        try {
            s = config.resolve(provider, baseUrlOverride, null);
        } catch (IOException e) {
            throw new ProviderException(
                    provider,
                    Kind.NO_KEY,
                    0,
                    "Cannot read the " + provider.displayName() + " key: " + e.getMessage(),
                    null,
                    null,
                    e);
        }
        if (s.key() == null || s.key().isEmpty()) {
            throw new ProviderException(
                    provider,
                    Kind.NO_KEY,
                    0,
                    "No " + provider.displayName() + " API key for its batch API: set " + provider.keyVariable()
                            + " or paste one under Providers",
                    null,
                    null,
                    null);
        }
        return Optional.of(of(s));
    }

    /** The batch API for {@code s}; OpenAI-compatible servers have none. */
    public static BatchApi of(ProviderSettings s) {
        switch (s.id()) {
            case OPENAI:
                return new OpenAiBatch(s);
            case ANTHROPIC:
                return new AnthropicBatch(s);
            case GEMINI:
                return new GeminiBatch(s);
            default:
                throw new IllegalArgumentException(s.id().displayName() + " has no batch API");
        }
    }
}
