// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.media;

import java.util.Locale;

/**
 * Video tokens. Gemini takes video natively: frames per second × tokens per frame (by media resolution) plus
 * 32 tokens per second of audio (provider-rules.md §3.3). Other providers get sampled frames sent as images, each
 * priced by the model's image rule.
 */
public interface VideoRule {

    /** Tokens for {@code seconds} of video sampled at {@code fps}, frames of {@code w}×{@code h}. */
    VideoTokens tokens(double seconds, double fps, int w, int h, boolean audio, ImageOptions options);

    /** The result, with the number of frames sent. */
    record VideoTokens(long tokens, long frames, String method) {}

    /** Gemini's native video input. */
    record GeminiNative(int perFrameDefault, int perFrameLow, int perFrameHigh, int audioPerSecond)
            implements VideoRule {
        @Override
        public VideoTokens tokens(double seconds, double fps, int w, int h, boolean audio, ImageOptions options) {
            int perFrame;
            switch (options.resolution()) {
                case LOW:
                    perFrame = perFrameLow;
                    break;
                case HIGH:
                case ULTRA_HIGH:
                    perFrame = perFrameHigh;
                    break;
                default:
                    perFrame = perFrameDefault;
            }
            long frames = (long) Math.ceil(seconds * fps - 1e-9);
            long audioTokens = audio ? (long) Math.ceil(seconds * audioPerSecond - 1e-9) : 0;
            long t = frames * perFrame + audioTokens;
            return new VideoTokens(
                    t,
                    frames,
                    String.format(
                            Locale.ROOT,
                            "native video: %d frames × %d + %s = %d " + "(plus a little metadata)",
                            frames,
                            perFrame,
                            audio ? audioTokens + " audio tokens (32/s)" : "no audio",
                            t));
        }
    }

    /** Frames sent as separate images (OpenAI, Anthropic). */
    record FramesAsImages(ImageRule image) implements VideoRule {
        @Override
        public VideoTokens tokens(double seconds, double fps, int w, int h, boolean audio, ImageOptions options) {
            long frames = (long) Math.ceil(seconds * fps - 1e-9);
            ImageTokens one = image.tokens(w, h, options);
            long t = frames * one.tokens();
            return new VideoTokens(
                    t,
                    frames,
                    String.format(
                            Locale.ROOT,
                            "%d frames sent as images × %d tokens " + "(%s)%s",
                            frames,
                            one.tokens(),
                            one.method(),
                            audio ? "; the audio track is not sent" : ""));
        }
    }
}
