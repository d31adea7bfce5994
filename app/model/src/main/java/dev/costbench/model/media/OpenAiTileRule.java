// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.media;

import java.util.Locale;

/**
 * OpenAI's tile method (provider-rules.md §1.3.2): low detail costs BASE; otherwise fit into 2048×2048, scale the
 * shortest side down to 768 (512 for GPT Image input), count 512-px tiles: BASE + TILE × tiles.
 */
public record OpenAiTileRule(int base, int tile, int shortSide, boolean unconfirmed) implements ImageRule {

    @Override
    public ImageTokens tokens(int width, int height, ImageOptions options) {
        ImageRule.checkSize(width, height);
        if (options.detail() == ImageDetail.LOW) {
            return new ImageTokens(base, 512, 512, "detail low: " + base + " tokens whatever the size", unconfirmed);
        }
        double w = width;
        double h = height;
        if (Math.max(w, h) > 2048) {
            double s = 2048 / Math.max(w, h);
            w *= s;
            h *= s;
        }
        if (Math.min(w, h) > shortSide) {
            double s = shortSide / Math.min(w, h);
            w *= s;
            h *= s;
        }
        long tiles = (long) Math.ceil(w / 512 - 1e-9) * (long) Math.ceil(h / 512 - 1e-9);
        String m = String.format(
                Locale.ROOT,
                "tiles: %d×%d → %.0f×%.0f → %d tiles of 512 px → %d + %d × %d",
                width,
                height,
                w,
                h,
                tiles,
                base,
                tile,
                tiles);
        return new ImageTokens(base + tile * tiles, w, h, m, unconfirmed);
    }

    @Override
    public String describe() {
        return "OpenAI tiles (base " + base + ", tile " + tile + ")";
    }
}
