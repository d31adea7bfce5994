// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.media;

import java.util.Locale;

/**
 * Anthropic's legacy estimate (provider-rules.md §2.2 A): downscale to ≤ 1568 px and ≤ about 1,600 tokens, then
 * tokens ≈ w·h/750, rounded up. Kept as a fallback and for comparison with rule B.
 */
public record AnthropicLegacyRule() implements ImageRule {

    @Override
    public ImageTokens tokens(int width, int height, ImageOptions options) {
        ImageRule.checkSize(width, height);
        double w = width;
        double h = height;
        double s = Math.min(1, Math.min(1568 / Math.max(w, h), Math.sqrt(1600 * 750 / (w * h))));
        w *= s;
        h *= s;
        long tokens = (long) Math.ceil(w * h / 750 - 1e-9);
        return new ImageTokens(
                tokens, w, h, String.format(Locale.ROOT, "legacy estimate: %.0f×%.0f / 750 = %d", w, h, tokens), true);
    }

    @Override
    public String describe() {
        return "Anthropic legacy w·h/750";
    }
}
