// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.media;

import java.util.Locale;

/** Gemini 2.x (provider-rules.md §3.2): 258 tokens up to 384×384, otherwise 258 per 768-px tile. */
public record GeminiTileRule() implements ImageRule {

    @Override
    public ImageTokens tokens(int width, int height, ImageOptions options) {
        ImageRule.checkSize(width, height);
        if (width <= 384 && height <= 384) {
            return new ImageTokens(258, width, height, "≤ 384×384: 258 tokens", false);
        }
        long tiles = (long) Math.ceil(width / 768.0) * (long) Math.ceil(height / 768.0);
        return new ImageTokens(
                258 * tiles,
                width,
                height,
                String.format(
                        Locale.ROOT,
                        "%d×%d → %d tiles of 768 px × 258 (tiling formula UNCONFIRMED; same result for common sizes)",
                        width,
                        height,
                        tiles),
                false);
    }

    @Override
    public String describe() {
        return "Gemini 2.x 768-px tiles × 258";
    }
}
