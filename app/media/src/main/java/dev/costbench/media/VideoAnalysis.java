// SPDX-License-Identifier: Apache-2.0
package dev.costbench.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

/**
 * One decoding pass over a video at 64×36 grey (FFmpeg scales), recording each frame's time and its mean absolute
 * difference from the previous frame. The frame-sampling strategies then pick frames from that scan without
 * decoding again: every frame, uniform N fps, motion-adaptive, or one per scene (cuts where the
 * difference is above 0.08 and above 4 × the local median + 0.02).
 */
public final class VideoAnalysis {

    /** The result of the decoding pass. */
    public record Scan(AvInfo info, double[] times, double[] diffs, List<Double> cuts) {
        public int frames() {
            return times.length;
        }

        /** Scene spans from the cuts, in seconds. */
        public List<AudioAnalysis.Span> scenes() {
            List<AudioAnalysis.Span> out = new ArrayList<>();
            double start = 0;
            for (double c : cuts) {
                out.add(new AudioAnalysis.Span(start, c));
                start = c;
            }
            out.add(new AudioAnalysis.Span(start, Math.max(start, info.seconds())));
            return out;
        }
    }

    /** How frames are chosen. */
    public sealed interface Strategy permits All, Uniform, Adaptive, SceneChange {
        static Strategy parse(String s) {
            String k = s.trim().toLowerCase(Locale.ROOT);
            if (k.equals("all")) {
                return new All();
            }
            if (k.equals("adaptive")) {
                return new Adaptive(0.05);
            }
            if (k.equals("scene")) {
                return new SceneChange();
            }
            if (k.startsWith("uniform:")) {
                double fps = Double.parseDouble(k.substring(8));
                if (fps <= 0) {
                    throw new IllegalArgumentException("uniform needs a frame rate above 0, e.g. uniform:1");
                }
                return new Uniform(fps);
            }
            throw new IllegalArgumentException("unknown strategy '" + s + "' (all, uniform:FPS, adaptive, scene)");
        }

        String label();
    }

    /** Every decoded frame. */
    public record All() implements Strategy {
        public String label() {
            return "every frame";
        }
    }

    /** Uniform sampling at a frame rate. */
    public record Uniform(double fps) implements Strategy {
        public String label() {
            return "uniform " + fps + " fps";
        }
    }

    /** A frame whenever the picture has changed by more than the threshold since the last chosen frame. */
    public record Adaptive(double threshold) implements Strategy {
        public String label() {
            return "motion-adaptive (change > " + threshold + ")";
        }
    }

    /** The first frame and the frame after each cut. */
    public record SceneChange() implements Strategy {
        public String label() {
            return "scene change";
        }
    }

    private static final int W = 64;
    private static final int H = 36;

    private VideoAnalysis() {}

    public static Scan scan(Path file, BooleanSupplier cancelled, DoubleConsumer progress) throws IOException {
        AvInfo info = Av.probe(file);
        if (!info.hasVideo()) {
            throw new MediaException(file.getFileName() + " has no video stream");
        }
        if (info.seconds() > Av.MAX_SECONDS) {
            throw new MediaException(String.format(
                    "%s is %.1f hours long; CostBench analyses up to %.0f hours",
                    file.getFileName(), info.seconds() / 3600, Av.MAX_SECONDS / 3600));
        }
        double[] times = new double[1024];
        double[] diffs = new double[1024];
        int n = 0;
        byte[] prev = null;
        byte[] cur = new byte[W * H];
        try (FFmpegFrameGrabber g = Av.open(file, x -> {
            x.setImageWidth(W);
            x.setImageHeight(H);
            x.setPixelFormat(avutil.AV_PIX_FMT_GRAY8);
        })) {
            Frame f;
            while ((f = g.grabImage()) != null) {
                if (cancelled.getAsBoolean()) {
                    throw new MediaException("cancelled");
                }
                ByteBuffer buf = (ByteBuffer) f.image[0];
                int stride = f.imageStride;
                for (int y = 0; y < H; y++) {
                    for (int x = 0; x < W; x++) {
                        cur[y * W + x] = buf.get(y * stride + x);
                    }
                }
                double d = 0;
                if (prev != null) {
                    long sum = 0;
                    for (int i = 0; i < cur.length; i++) {
                        sum += Math.abs((cur[i] & 0xff) - (prev[i] & 0xff));
                    }
                    d = sum / (255.0 * cur.length);
                } else {
                    prev = new byte[cur.length];
                }
                System.arraycopy(cur, 0, prev, 0, cur.length);
                if (n == times.length) {
                    times = Arrays.copyOf(times, n * 2);
                    diffs = Arrays.copyOf(diffs, n * 2);
                }
                times[n] = g.getTimestamp() / 1e6;
                diffs[n] = d;
                n++;
                if (n % 300 == 0 && info.seconds() > 0) {
                    progress.accept(Math.min(1, times[n - 1] / info.seconds()));
                }
            }
        } catch (FFmpegFrameGrabber.Exception e) {
            throw new MediaException(file.getFileName() + " could not be decoded: " + e.getMessage(), e);
        }
        times = Arrays.copyOf(times, n);
        diffs = Arrays.copyOf(diffs, n);
        progress.accept(1);
        return new Scan(info, times, diffs, cuts(times, diffs));
    }

    static List<Double> cuts(double[] times, double[] diffs) {
        List<Double> cuts = new ArrayList<>();
        for (int i = 1; i < diffs.length; i++) {
            int a = Math.max(1, i - 15);
            int b = Math.min(diffs.length, i + 16);
            double[] w = Arrays.copyOfRange(diffs, a, b);
            Arrays.sort(w);
            double median = w[w.length / 2];
            if (diffs[i] > 0.08 && diffs[i] > 4 * median + 0.02) {
                cuts.add(times[i]);
            }
        }
        return cuts;
    }

    /** Indices of the frames a strategy picks, thinned evenly to at most {@code maxFrames} (0: no cap). */
    public static int[] select(Scan scan, Strategy strategy, int maxFrames) {
        List<Integer> picked = new ArrayList<>();
        double[] t = scan.times();
        if (strategy instanceof All) {
            for (int i = 0; i < t.length; i++) {
                picked.add(i);
            }
        } else if (strategy instanceof Uniform u) {
            double next = 0;
            for (int i = 0; i < t.length; i++) {
                if (t[i] + 1e-6 >= next) {
                    picked.add(i);
                    next += 1 / u.fps();
                    while (next <= t[i]) {
                        next += 1 / u.fps();
                    }
                }
            }
        } else if (strategy instanceof Adaptive a) {
            double acc = Double.MAX_VALUE;
            for (int i = 0; i < t.length; i++) {
                acc += scan.diffs()[i];
                if (acc > a.threshold()) {
                    picked.add(i);
                    acc = 0;
                }
            }
        } else {
            if (t.length > 0) {
                picked.add(0);
            }
            for (double c : scan.cuts()) {
                int i = Arrays.binarySearch(t, c);
                picked.add(i >= 0 ? i : -i - 1);
            }
        }
        if (maxFrames > 0 && picked.size() > maxFrames) {
            List<Integer> thin = new ArrayList<>();
            for (int k = 0; k < maxFrames; k++) {
                thin.add(picked.get((int) ((long) k * picked.size() / maxFrames)));
            }
            picked = thin;
        }
        return picked.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Share of scenes (between cuts) that contain at least one picked frame. */
    public static double sceneCoverage(Scan scan, int[] picked) {
        List<AudioAnalysis.Span> scenes = scan.scenes();
        int covered = 0;
        for (AudioAnalysis.Span s : scenes) {
            for (int i : picked) {
                double time = scan.times()[i];
                if (time >= s.start() - 1e-6 && time < s.end() + 1e-6) {
                    covered++;
                    break;
                }
            }
        }
        return scenes.isEmpty() ? 0 : (double) covered / scenes.size();
    }
}
