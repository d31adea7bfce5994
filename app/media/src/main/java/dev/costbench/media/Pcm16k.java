// SPDX-License-Identifier: Apache-2.0
package dev.costbench.media;

import java.io.IOException;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

/**
 * A file's audio decoded as 16 kHz mono signed 16-bit samples (what speech models take), one decoded frame at a
 * time, for the passes that read every sample: the silence analysis and the WAV export.
 */
final class Pcm16k implements AutoCloseable {

    private final Path file;
    private final FFmpegFrameGrabber grabber;
    private final BooleanSupplier cancelled;

    private Pcm16k(Path file, FFmpegFrameGrabber grabber, BooleanSupplier cancelled) {
        this.file = file;
        this.grabber = grabber;
        this.cancelled = cancelled;
    }

    /** Starts decoding {@code file}; every frame asks {@code cancelled} first. */
    static Pcm16k open(Path file, BooleanSupplier cancelled) throws IOException {
        return new Pcm16k(file, Av.open16kMono(file), cancelled);
    }

    /**
     * The samples of the next frame that has any, or null at the end of the audio.
     *
     * @throws MediaException "cancelled" once {@code cancelled} says so, or when the file cannot be decoded
     */
    ShortBuffer next() throws MediaException {
        try {
            Frame f;
            while ((f = grabber.grabSamples()) != null) {
                if (cancelled.getAsBoolean()) {
                    throw new MediaException("cancelled");
                }
                if (f.samples != null) {
                    return (ShortBuffer) f.samples[0];
                }
            }
            return null;
        } catch (FFmpegFrameGrabber.Exception e) {
            throw new MediaException(file.getFileName() + " could not be decoded: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        grabber.close();
    }
}
