// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli.command;

import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.batch.BatchApi;
import dev.costbench.model.provider.batch.BatchSource;
import dev.costbench.providers.ProviderConfig;
import java.util.Optional;

/**
 * The command line's way to the providers' batch APIs. The clients themselves are built in {@code app/providers}
 * (OpenAI, Anthropic and Gemini batch clients, from the same settings as the live clients); until they are wired
 * here, every provider but the OpenAI-compatible one (which has no batch API) answers that this build cannot submit
 * batches yet. Tests pass their own source to {@link dev.costbench.cli.Cli}.
 */
final class CliBatches {

    private CliBatches() {}

    static BatchSource of(ProviderConfig config) {
        return provider -> {
            if (provider == ProviderId.COMPATIBLE) {
                return Optional.<BatchApi>empty();
            }
            throw new ProviderException(
                    provider,
                    ProviderException.Kind.BAD_REQUEST,
                    0,
                    "this CostBench build has no " + provider.displayName() + " batch client yet; run the experiment "
                            + "live (without --batch)",
                    null,
                    null,
                    null);
        };
    }
}
