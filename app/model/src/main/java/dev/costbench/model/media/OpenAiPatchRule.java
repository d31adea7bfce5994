// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.media;

import java.util.Locale;

/**
 * OpenAI's patch method (provider-rules.md §1.3.3): 32-px patches, a patch budget (and for GPT-5.4/5.5 a pixel
 * limit), times a per-model multiplier. The documented and the measured multipliers disagree for several models
 * (CONFLICT); {@link ImageOptions#measuredMultiplier()} chooses. The product is rounded up (UNCONFIRMED).
 *
 * @param budget           patch budget at high detail (and auto, when auto means high)
 * @param maxDim           pixel limit at high detail, 0 for none
 * @param originalBudget   patch budget for detail original (0: original does not resize at all)
 * @param originalMaxDim   pixel limit for detail original (0: none)
 * @param autoIsOriginal   detail auto/omitted behaves as original (GPT-5.5, GPT-5.6) rather than high
 * @param documented       multiplier in OpenAI's vision guide
 * @param measured         multiplier users measure (and OpenAI's calculator uses)
 */
public record OpenAiPatchRule(
        int budget,
        int maxDim,
        int originalBudget,
        int originalMaxDim,
        boolean autoIsOriginal,
        double documented,
        double measured,
        boolean unconfirmed)
        implements ImageRule {

    @Override
    public ImageTokens tokens(int width, int height, ImageOptions options) {
        ImageRule.checkSize(width, height);
        ImageDetail d = options.detail();
        boolean original = d == ImageDetail.ORIGINAL || (d == ImageDetail.AUTO && autoIsOriginal);
        int cap = original ? originalBudget : budget;
        int limit = original ? originalMaxDim : maxDim;
        double w = width;
        double h = height;
        StringBuilder m = new StringBuilder(String.format(Locale.ROOT, "patches: %d×%d", width, height));
        if (limit > 0 && Math.max(w, h) > limit) {
            double s = limit / Math.max(w, h);
            w = Math.floor(w * s);
            h = Math.floor(h * s);
            m.append(String.format(Locale.ROOT, " → %.0f×%.0f (max %d px)", w, h, limit));
        }
        long patches = ceil32(w) * ceil32(h);
        if (cap > 0 && patches > cap) {
            double shrink = Math.sqrt(32.0 * 32.0 * cap / (w * h));
            double adj = shrink
                    * Math.min(
                            Math.floor(w * shrink / 32) / (w * shrink / 32),
                            Math.floor(h * shrink / 32) / (h * shrink / 32));
            w = (int) (w * adj);
            h = (int) (h * adj);
            m.append(String.format(Locale.ROOT, " → %.0f×%.0f (budget %d patches)", w, h, cap));
            patches = Math.min(ceil32(w) * ceil32(h), cap);
        }
        double mult = options.measuredMultiplier() ? measured : documented;
        long tokens = (long) Math.ceil(patches * mult - 1e-9);
        m.append(String.format(
                Locale.ROOT,
                " → %d patches × %s (%s multiplier) = %d",
                patches,
                trim(mult),
                options.measuredMultiplier() ? "measured" : "documented",
                tokens));
        if (documented != measured) {
            m.append(String.format(
                    Locale.ROOT, "; CONFLICT: documented %s vs measured %s", trim(documented), trim(measured)));
        }
        if (d == ImageDetail.LOW) {
            m.append("; detail low has no effect on patch models (UNCONFIRMED)");
        }
        return new ImageTokens(tokens, w, h, m.toString(), unconfirmed || documented != measured);
    }

    private static long ceil32(double v) {
        return (long) Math.ceil(v / 32 - 1e-9);
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? String.format(Locale.ROOT, "%.1f", d) : String.valueOf(d);
    }

    @Override
    public String describe() {
        return "OpenAI 32-px patches (budget " + budget + ", multiplier " + documented + " documented / " + measured
                + " measured)";
    }
}
