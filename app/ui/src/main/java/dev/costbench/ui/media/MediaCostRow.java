// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.media;

import dev.costbench.model.catalog.ModelEntry;
import java.math.BigDecimal;

/**
 * One line in the Media view: tokens and cost of the original and of the optimized version (an image re-encoded,
 * audio resampled and trimmed, or the frames a sampling strategy keeps) on a catalog model, or on a per-minute
 * transcription service (then the token columns are -1 and shown empty).
 *
 * @param provider the provider's name for people ("OpenAI", "Google"), not the catalog id
 */
public record MediaCostRow(
        String id,
        String name,
        String provider,
        long originalTokens,
        BigDecimal originalUsd,
        long optimizedTokens,
        BigDecimal optimizedUsd,
        String method,
        boolean unconfirmed) {

    public static MediaCostRow of(
            ModelEntry m,
            long originalTokens,
            BigDecimal originalUsd,
            long optimizedTokens,
            BigDecimal optimizedUsd,
            String method,
            boolean unconfirmed) {
        return new MediaCostRow(
                m.id(),
                m.name(),
                m.providerName(),
                originalTokens,
                originalUsd,
                optimizedTokens,
                optimizedUsd,
                method,
                unconfirmed);
    }

    /** Saving in percent of the original cost, or null when either side is unpriced. */
    public Double savingPercent() {
        if (originalUsd == null || optimizedUsd == null || originalUsd.signum() == 0) {
            return null;
        }
        return 100.0 * (1 - optimizedUsd.doubleValue() / originalUsd.doubleValue());
    }
}
