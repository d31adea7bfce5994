// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.media;

import dev.costbench.model.catalog.ModelEntry;
import java.math.BigDecimal;

/**
 * One model's line in the Media view: tokens and cost of the original and of the optimized version (an image
 * re-encoded, audio resampled and trimmed, or the frames a sampling strategy keeps).
 */
public record MediaCostRow(ModelEntry model, long originalTokens, BigDecimal originalUsd, long optimizedTokens,
                           BigDecimal optimizedUsd, String method, boolean unconfirmed) {

    /** Saving in percent of the original cost, or null when either side is unpriced. */
    public Double savingPercent() {
        if (originalUsd == null || optimizedUsd == null || originalUsd.signum() == 0) {
            return null;
        }
        return 100.0 * (1 - optimizedUsd.doubleValue() / originalUsd.doubleValue());
    }
}
