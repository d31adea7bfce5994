// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import dev.costbench.model.media.MediaResolution;
import java.math.BigDecimal;

/**
 * Video sent with each request.
 *
 * @param hours                video per request
 * @param fps                  frames per second sent (1 is Gemini's default sampling)
 * @param width                frame width in pixels (frames sent as images, or for cropping and downscaling)
 * @param height               frame height in pixels
 * @param audio                the audio track is sent too (Gemini: 32 tokens per second)
 * @param resolution           Gemini media resolution
 * @param tokensPerFrame       measured or typed tokens per frame; replaces the model's rule for every model
 * @param audioTokensPerSecond typed audio tokens per second; replaces the model's rule
 */
public record VideoInput(
        BigDecimal hours,
        BigDecimal fps,
        int width,
        int height,
        boolean audio,
        MediaResolution resolution,
        Long tokensPerFrame,
        Long audioTokensPerSecond) {

    public VideoInput {
        hours = hours == null ? BigDecimal.ZERO : hours;
        fps = fps == null ? BigDecimal.ONE : fps;
        resolution = resolution == null ? MediaResolution.DEFAULT : resolution;
    }
}
