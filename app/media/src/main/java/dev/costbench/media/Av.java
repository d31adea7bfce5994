// SPDX-License-Identifier: Apache-2.0
package dev.costbench.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacv.FFmpegFrameGrabber;

/** Opening audio and video files with FFmpeg (javacv), with errors a user can act on. */
public final class Av {

    /** Files longer than this are refused: hours of media are not previewed here. */
    public static final double MAX_SECONDS = 4 * 3600;

    private Av() {}

    /** A started grabber for {@code file}; the caller closes it. */
    static FFmpegFrameGrabber open(Path file) throws IOException {
        return open(file, g -> {});
    }

    /** A grabber configured by {@code setup} before it starts; the caller closes it. */
    static FFmpegFrameGrabber open(Path file, Consumer<FFmpegFrameGrabber> setup) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new MediaException(file + ": no such file");
        }
        if (Files.size(file) == 0) {
            throw new MediaException(file.getFileName() + " is empty (0 bytes)");
        }
        FFmpegFrameGrabber g;
        try {
            avutil.av_log_set_level(avutil.AV_LOG_ERROR);
            g = new FFmpegFrameGrabber(file.toFile());
            setup.accept(g);
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw notLoaded(e);
        }
        try {
            g.start();
        } catch (FFmpegFrameGrabber.Exception | RuntimeException e) {
            try {
                g.close();
            } catch (Exception ignored) {
                // nothing more to release
            }
            throw new MediaException(
                    file.getFileName() + " is not an audio or video file FFmpeg can read (or it is "
                            + "truncated or uses an unsupported codec)",
                    e);
        } catch (UnsatisfiedLinkError e) {
            throw notLoaded(e);
        }
        return g;
    }

    /** FFmpeg's native libraries failed to load: what is missing, and the package that brings it where known. */
    private static MediaException notLoaded(Throwable e) {
        return new MediaException(
                "FFmpeg could not be loaded"
                        + (String.valueOf(e.getMessage()).contains("libpulse")
                                ? ": install libpulse0 (sudo apt-get install libpulse0)"
                                : ": " + e.getMessage()),
                e);
    }

    /** A started grabber that delivers the audio as 16 kHz mono signed 16-bit samples (what speech models take). */
    static FFmpegFrameGrabber open16kMono(Path file) throws IOException {
        return open(file, x -> {
            x.setSampleRate(AudioAnalysis.RATE);
            x.setAudioChannels(1);
            x.setSampleFormat(avutil.AV_SAMPLE_FMT_S16);
        });
    }

    /** Reads what the file holds without decoding it. */
    public static AvInfo probe(Path file) throws IOException {
        try (FFmpegFrameGrabber g = open(file)) {
            boolean video = g.hasVideo() && g.getImageWidth() > 0;
            boolean audio = g.hasAudio() && g.getAudioChannels() > 0;
            if (!video && !audio) {
                throw new MediaException(file.getFileName() + " has neither an audio nor a video stream");
            }
            return new AvInfo(
                    g.getFormat(),
                    Files.size(file),
                    g.getLengthInTime() / 1e6,
                    video,
                    video ? g.getImageWidth() : 0,
                    video ? g.getImageHeight() : 0,
                    video ? g.getFrameRate() : 0,
                    video ? g.getVideoCodecName() : null,
                    audio,
                    audio ? g.getSampleRate() : 0,
                    audio ? g.getAudioChannels() : 0,
                    audio ? g.getAudioCodecName() : null);
        } catch (FFmpegFrameGrabber.Exception e) {
            throw new MediaException(file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** The bundled {@code ffmpeg} command-line binary (used by tests to make media, and as a benchmark anchor). */
    public static String ffmpegBinary() {
        return Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
    }
}
