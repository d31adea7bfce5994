// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.batch;

import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.batch.BatchApi;
import dev.costbench.model.provider.batch.BatchSource;
import java.util.Optional;

/**
 * The batch APIs of a build whose batch clients are not wired in yet (they are built in {@code app/providers} from the
 * same settings as the live clients): the OpenAI-compatible server has none, and every other provider answers that
 * this build cannot submit batches, so the user runs live. The command line and the workbench use it until the real
 * {@link BatchSource} is wired; tests pass their own.
 */
public final class UnwiredBatches implements BatchSource {

    public static final UnwiredBatches INSTANCE = new UnwiredBatches();

    private UnwiredBatches() {}

    @Override
    public Optional<BatchApi> batch(ProviderId provider) throws ProviderException {
        if (provider == ProviderId.COMPATIBLE) {
            return Optional.empty();
        }
        throw new ProviderException(
                provider,
                ProviderException.Kind.BAD_REQUEST,
                0,
                "this CostBench build has no " + provider.displayName() + " batch client yet; run the experiment live",
                null,
                null,
                null);
    }
}
