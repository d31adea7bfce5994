// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.media;

/**
 * Gemini 3 and later (provider-rules.md §3.2): a fixed budget per image by {@code media_resolution} — LOW 280,
 * MEDIUM 560, HIGH (default) 1120, ULTRA_HIGH 2240 — whatever the size. These are maxima; measured counts are
 * slightly below (about 1,065–1,101 at the default).
 */
public record GeminiResolutionRule() implements ImageRule {

    @Override
    public ImageTokens tokens(int width, int height, ImageOptions options) {
        ImageRule.checkSize(width, height);
        long t;
        switch (options.resolution()) {
            case LOW:
                t = 280;
                break;
            case MEDIUM:
                t = 560;
                break;
            case ULTRA_HIGH:
                t = 2240;
                break;
            default:
                t = 1120;
        }
        String level = options.resolution() == MediaResolution.DEFAULT
                ? "default (HIGH)"
                : options.resolution().name();
        return new ImageTokens(
                t,
                width,
                height,
                "media resolution " + level + ": up to " + t + " tokens per image whatever the size",
                false);
    }

    @Override
    public String describe() {
        return "Gemini media resolution (280 / 560 / 1120 / 2240)";
    }
}
