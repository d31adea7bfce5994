// SPDX-License-Identifier: Apache-2.0
package dev.costbench.media;

import java.io.IOException;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * Decodes audio to 16 kHz mono (FFmpeg's resampler inside the grabber) and finds silences: 20 ms windows below a
 * level threshold, kept when at least {@code minGapSeconds} long. Streams the file: memory does not grow with its
 * length.
 */
public final class AudioAnalysis {

    /** A stretch of time in seconds. */
    public record Span(double start, double end) {
        public double length() {
            return end - start;
        }
    }

    /**
     * @param info        what the file is
     * @param seconds     decoded duration
     * @param resampledBytes size of the 16 kHz mono 16-bit PCM version (WAV)
     * @param silences    silent spans of at least the minimum gap
     * @param speechSeconds duration once the silences are cut
     * @param levels      peak level per display bucket (0..1), for a waveform
     */
    public record Result(
            AvInfo info,
            double seconds,
            long resampledBytes,
            List<Span> silences,
            double speechSeconds,
            float[] levels) {}

    public static final int RATE = 16_000;
    private static final int WINDOW = RATE / 50; // 20 ms

    private AudioAnalysis() {}

    public static Result analyze(
            Path file,
            double thresholdDb,
            double minGapSeconds,
            int buckets,
            BooleanSupplier cancelled,
            DoubleConsumer progress)
            throws IOException {
        AvInfo info = Av.probe(file);
        if (!info.hasAudio()) {
            throw new MediaException(file.getFileName() + " has no audio stream");
        }
        if (info.seconds() > Av.MAX_SECONDS) {
            throw new MediaException(String.format(
                    "%s is %.1f hours long; CostBench analyses up to %.0f hours",
                    file.getFileName(), info.seconds() / 3600, Av.MAX_SECONDS / 3600));
        }
        double threshold = Math.pow(10, thresholdDb / 20) * 32768; // RMS level in sample units
        List<Float> windowPeaks = new ArrayList<>();
        List<Span> silences = new ArrayList<>();
        long samples = 0;
        double silentFrom = -1;
        long windowFill = 0;
        double windowSum = 0;
        int windowPeak = 0;
        try (Pcm16k pcm = Pcm16k.open(file, cancelled)) {
            ShortBuffer sb;
            while ((sb = pcm.next()) != null) {
                while (sb.hasRemaining()) {
                    short s = sb.get();
                    windowSum += (double) s * s;
                    windowPeak = Math.max(windowPeak, Math.abs(s));
                    samples++;
                    if (++windowFill == WINDOW) {
                        double rms = Math.sqrt(windowSum / WINDOW);
                        double t = (double) (samples - WINDOW) / RATE;
                        if (rms < threshold) {
                            if (silentFrom < 0) {
                                silentFrom = t;
                            }
                        } else if (silentFrom >= 0) {
                            addSilence(silences, silentFrom, t, minGapSeconds);
                            silentFrom = -1;
                        }
                        windowPeaks.add(windowPeak / 32768f);
                        windowFill = 0;
                        windowSum = 0;
                        windowPeak = 0;
                    }
                }
                if (info.seconds() > 0 && (samples % (RATE * 10)) < 2048) {
                    progress.accept(Math.min(1, samples / (info.seconds() * RATE)));
                }
            }
        }
        double seconds = (double) samples / RATE;
        if (silentFrom >= 0) {
            addSilence(silences, silentFrom, seconds, minGapSeconds);
        }
        double silent = silences.stream().mapToDouble(Span::length).sum();
        float[] levels = new float[Math.max(1, buckets)];
        int n = windowPeaks.size();
        for (int i = 0; i < n; i++) {
            int b = (int) ((long) i * levels.length / Math.max(1, n));
            levels[b] = Math.max(levels[b], windowPeaks.get(i));
        }
        progress.accept(1);
        return new Result(info, seconds, 44 + samples * 2, silences, Math.max(0, seconds - silent), levels);
    }

    private static void addSilence(List<Span> out, double from, double to, double minGap) {
        if (to - from >= minGap) {
            out.add(new Span(from, to));
        }
    }
}
