// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.media;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.cost.CostBreakdown;
import dev.costbench.model.cost.CostEngine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Tokens and dollars of one image on every model that takes images. */
public final class MediaCosts {

    /** One model's figure; {@code usd} is null when the model's input price is not listed. */
    public record ImageCost(ModelEntry model, ImageTokens tokens, BigDecimal usd) {
    }

    private MediaCosts() {
    }

    public static List<ImageCost> image(List<ModelEntry> models, int width, int height, ImageOptions options,
                                        BillingOptions billing) {
        List<ImageCost> out = new ArrayList<>();
        for (ModelEntry m : models) {
            MediaRules.image(m).ifPresent(rule -> {
                ImageTokens t = rule.tokens(width, height, options);
                CostBreakdown b = CostEngine.price(m, new CanonicalUsage(t.tokens(), 0, 0, 0, 0, 0), billing);
                out.add(new ImageCost(m, t, b.complete() ? b.total() : null));
            });
        }
        return out;
    }
}
