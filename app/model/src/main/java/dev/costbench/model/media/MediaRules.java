// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.media;

import dev.costbench.model.catalog.ModelEntry;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a model's media rules from its catalog entry ({@code media.image}, {@code media.video},
 * {@code media.audio}; see resources/pricing/SCHEMA.md). A model without an image rule does not take images.
 */
public final class MediaRules {

    private MediaRules() {}

    public static Optional<ImageRule> image(ModelEntry m) {
        Map<String, Object> spec = map(m.media().get("image"));
        if (spec == null) {
            return Optional.empty();
        }
        boolean unconfirmed = "UNCONFIRMED".equals(spec.get("status"));
        String rule = String.valueOf(spec.get("rule"));
        switch (rule) {
            case "openai-tile":
                return Optional.of(new OpenAiTileRule(
                        i(spec, "base", 85), i(spec, "tile", 170), i(spec, "shortSide", 768), unconfirmed));
            case "openai-patch":
                double doc = d(spec, "documented", 1.0);
                return Optional.of(new OpenAiPatchRule(
                        i(spec, "budget", 1536),
                        i(spec, "maxDim", 2048),
                        i(spec, "originalBudget", 0),
                        i(spec, "originalMaxDim", 0),
                        Boolean.TRUE.equals(spec.get("autoIsOriginal")),
                        doc,
                        d(spec, "measured", doc),
                        unconfirmed));
            case "anthropic-patch":
                return Optional.of(
                        new AnthropicPatchRule(i(spec, "maxEdge", 1568), i(spec, "budget", 1568), unconfirmed));
            case "anthropic-legacy":
                return Optional.of(new AnthropicLegacyRule());
            case "gemini-tiles":
                return Optional.of(new GeminiTileRule());
            case "gemini-resolution":
                return Optional.of(new GeminiResolutionRule());
            default:
                return Optional.empty();
        }
    }

    /** Native video for Gemini; frames as images where the model takes images; empty otherwise. */
    public static Optional<VideoRule> video(ModelEntry m) {
        Map<String, Object> spec = map(m.media().get("video"));
        if (spec != null && "gemini-native".equals(spec.get("rule"))) {
            int def = i(spec, "perFrame", 258);
            return Optional.of(new VideoRule.GeminiNative(
                    def, i(spec, "perFrameLow", def), i(spec, "perFrameHigh", def), i(spec, "audioPerSecond", 32)));
        }
        return image(m).map(VideoRule.FramesAsImages::new);
    }

    public static Optional<AudioRule> audio(ModelEntry m) {
        Map<String, Object> spec = map(m.media().get("audio"));
        if (spec == null) {
            return Optional.empty();
        }
        return Optional.of(new AudioRule(
                d(spec, "inputPerSecond", 0), d(spec, "outputPerSecond", 0), "UNCONFIRMED".equals(spec.get("status"))));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map ? (Map<String, Object>) o : null;
    }

    private static int i(Map<String, Object> m, String k, int dflt) {
        Object v = m.get(k);
        return v instanceof Number ? ((Number) v).intValue() : dflt;
    }

    private static double d(Map<String, Object> m, String k, double dflt) {
        Object v = m.get(k);
        return v instanceof Number ? ((Number) v).doubleValue() : dflt;
    }
}
