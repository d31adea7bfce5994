// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.media;

/**
 * Audio tokens per second (provider-rules.md §1.4, §3.4): Gemini 32/s for input; OpenAI's Realtime and audio
 * models 10/s for user audio and 20/s for assistant audio (the Chat Completions figure is UNCONFIRMED).
 */
public record AudioRule(double inputPerSecond, double outputPerSecond, boolean unconfirmed) {

    public long inputTokens(double seconds) {
        return (long) Math.ceil(seconds * inputPerSecond - 1e-9);
    }

    public long outputTokens(double seconds) {
        return (long) Math.ceil(seconds * outputPerSecond - 1e-9);
    }
}
