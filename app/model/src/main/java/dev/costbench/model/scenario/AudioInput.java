// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import java.math.BigDecimal;

/**
 * Audio sent with each request, either to a speech-to-text service billed per minute or to the model as audio
 * tokens.
 *
 * @param seconds       audio per request
 * @param clipSeconds   typical length of one clip (transcription routing sends clips shorter than its threshold to
 *                      the API and the rest to a local model, seed 000 §2.2); defaults to {@code seconds}
 * @param mode          transcribe (per minute) or native (audio tokens at the model's audio price)
 * @param transcription id of a built-in transcription service ({@code resources/pricing/transcription.json}),
 *                      used when {@code perMinute} is not typed
 * @param perMinute     typed API price per minute (overrides {@code transcription})
 */
public record AudioInput(
        BigDecimal seconds, BigDecimal clipSeconds, Mode mode, String transcription, BigDecimal perMinute) {

    /** Where the audio goes. */
    public enum Mode {
        TRANSCRIBE,
        NATIVE
    }

    public AudioInput {
        seconds = seconds == null ? BigDecimal.ZERO : seconds;
        clipSeconds = clipSeconds == null ? seconds : clipSeconds;
        mode = mode == null ? Mode.TRANSCRIBE : mode;
    }
}
