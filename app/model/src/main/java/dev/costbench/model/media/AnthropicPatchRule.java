// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.media;

import java.util.Locale;

/**
 * Anthropic's current rule (provider-rules.md §2.2 B): resize to the model's largest native edge, then shrink
 * (aspect kept) until ⌈W/28⌉ × ⌈H/28⌉ fits the budget; tokens = ⌈W/28⌉ × ⌈H/28⌉. Standard models 1568/1568,
 * high-resolution models (Opus 4.7 and later) 2576/4784.
 */
public record AnthropicPatchRule(int maxEdge, int budget, boolean unconfirmed) implements ImageRule {

    @Override
    public ImageTokens tokens(int width, int height, ImageOptions options) {
        ImageRule.checkSize(width, height);
        double longEdge = Math.max(width, height);
        double ratio = Math.min(width, height) / longEdge;
        double l = Math.min(longEdge, maxEdge);
        long patches = patches(l, l * ratio);
        while (patches > budget && l > 28) {
            l = Math.floor(l) - 1; // shrink the long edge pixel by pixel, keeping the aspect ratio
            patches = patches(l, l * ratio);
        }
        double w = width >= height ? l : l * ratio;
        double h = width >= height ? l * ratio : l;
        String m = String.format(
                Locale.ROOT,
                "28-px patches: %d×%d → %.0f×%.0f → ⌈W/28⌉×⌈H/28⌉ = %d (max edge %d, " + "budget %d)",
                width,
                height,
                w,
                h,
                patches,
                maxEdge,
                budget);
        return new ImageTokens(patches, w, h, m, unconfirmed);
    }

    private static long patches(double a, double b) {
        return (long) Math.ceil(a / 28 - 1e-9) * (long) Math.ceil(b / 28 - 1e-9);
    }

    @Override
    public String describe() {
        return "Anthropic 28-px patches (max edge " + maxEdge + ", budget " + budget + ")";
    }
}
