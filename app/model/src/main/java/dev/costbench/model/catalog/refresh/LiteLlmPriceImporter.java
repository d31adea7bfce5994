// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.catalog.refresh;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.LiteLlmImporter;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** LiteLLM's {@code model_prices_and_context_window.json}, read by {@link LiteLlmImporter}. */
final class LiteLlmPriceImporter implements PriceImporter {

    @Override
    public Proposal read(InputStream in, String origin, Catalog existing) throws IOException {
        LiteLlmImporter.Result r = LiteLlmImporter.convert(in, origin, existing);
        return new Proposal(
                ImportSource.LITELLM,
                origin,
                LocalDate.now(ZoneOffset.UTC).toString(),
                r.catalog(),
                r.warnings(),
                r.skipped());
    }
}
