// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.provider.ProviderId;

/** Which API serves a catalog model: the big three natively, every other host as OpenAI-compatible. */
final class ProviderIds {

    private ProviderIds() {}

    static ProviderId of(ModelEntry m) {
        return ProviderId.servingCatalogProvider(m.provider());
    }
}
