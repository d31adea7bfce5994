// SPDX-License-Identifier: Apache-2.0
package dev.costbench.media;

/** What an audio or video file holds, as FFmpeg reports it. */
public record AvInfo(
        String container,
        long bytes,
        double seconds,
        boolean hasVideo,
        int width,
        int height,
        double fps,
        String videoCodec,
        boolean hasAudio,
        int sampleRate,
        int channels,
        String audioCodec) {}
