// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.lab.run.RunPlan;
import dev.costbench.model.provider.ProviderId;

/** Which API serves a catalog model: the big three natively, every other host as OpenAI-compatible. */
final class ProviderIds {

    private ProviderIds() {}

    /** The same answer as the A/B lab's runs ({@link RunPlan#providerOf}), so a prompt and its A/B run agree. */
    static ProviderId of(ModelEntry m) {
        return RunPlan.providerOf(m);
    }
}
