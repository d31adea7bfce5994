// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.media;

/**
 * How an image is sent.
 *
 * @param detail             OpenAI detail
 * @param resolution         Gemini media resolution
 * @param measuredMultiplier OpenAI patch models: use the multiplier measured by users (and OpenAI's own pricing
 *                           calculator) instead of the one in OpenAI's vision guide — provider-rules.md §7 CONFLICT 1.
 *                           The default is the documented one.
 */
public record ImageOptions(ImageDetail detail, MediaResolution resolution, boolean measuredMultiplier) {
    public static final ImageOptions DEFAULTS = new ImageOptions(ImageDetail.AUTO, MediaResolution.DEFAULT, false);

    public ImageOptions withDetail(ImageDetail d) {
        return new ImageOptions(d, resolution, measuredMultiplier);
    }

    public ImageOptions withResolution(MediaResolution r) {
        return new ImageOptions(detail, r, measuredMultiplier);
    }

    public ImageOptions withMeasuredMultiplier(boolean m) {
        return new ImageOptions(detail, resolution, m);
    }
}
