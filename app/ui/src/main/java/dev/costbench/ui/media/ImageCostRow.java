// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.media;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.media.ImageTokens;
import java.math.BigDecimal;

/** One model's line in the Media view: the original image and the optimized one. */
public record ImageCostRow(ModelEntry model, ImageTokens original, BigDecimal originalUsd, ImageTokens optimized,
                           BigDecimal optimizedUsd) {

    /** Saving in percent of the original cost, or null when either side is unpriced. */
    public Double savingPercent() {
        if (originalUsd == null || optimizedUsd == null || originalUsd.signum() == 0) {
            return null;
        }
        return 100.0 * (1 - optimizedUsd.doubleValue() / originalUsd.doubleValue());
    }
}
