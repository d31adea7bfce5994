// SPDX-License-Identifier: Apache-2.0
package dev.costbench.bench;

import dev.costbench.media.Av;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * Test media made at run time with the bundled ffmpeg binary (lavfi sources; nothing is downloaded or kept in git),
 * and the timing of that binary as the anchor of the media benchmarks.
 */
final class MediaFixtures {

    private MediaFixtures() {}

    /**
     * A media benchmark's command line, {@code DIR [size] [timed runs (default 3)]}: the folder the media is made in
     * (and {@code ffmpeg.log} in it), the size of that media in the benchmark's unit, and how many timed runs.
     */
    record Setup(Path dir, int size, int runs, Path log) {

        static Setup of(String[] args, int defaultSize) throws IOException {
            Path dir = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/media"));
            int size = args.length > 1 ? Integer.parseInt(args[1]) : defaultSize;
            int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
            return new Setup(dir, size, runs, dir.resolve("ffmpeg.log"));
        }
    }

    /** What the timed work returned in its last run, and the seconds of each timed run of it and of the anchor. */
    record Timings<T>(T last, double[] costbench, double[] anchor) {

        /** The median seconds of the CostBench runs. */
        double median() {
            return MediaFixtures.median(costbench);
        }

        /** The median seconds of the anchor runs. */
        double anchorMedian() {
            return MediaFixtures.median(anchor);
        }
    }

    /**
     * Times {@code work} and the ffmpeg {@code anchor} command {@code runs} times each, after one untimed round of both
     * (JIT, page cache, native loading); the order of the two alternates so that neither always runs right after the
     * other.
     */
    static <T> Timings<T> alternate(int runs, List<String> anchor, Path log, Callable<T> work) throws Exception {
        double[] cb = new double[runs];
        double[] anchorSeconds = new double[runs];
        T last = null;
        for (int i = -1; i < runs; i++) {
            double a = 0;
            if (i % 2 == 0) {
                a = time(anchor, log);
            }
            long t0 = System.nanoTime();
            last = work.call();
            double c = (System.nanoTime() - t0) / 1e9;
            if (i % 2 != 0) {
                a = time(anchor, log);
            }
            if (i >= 0) {
                cb[i] = c;
                anchorSeconds[i] = a;
            }
        }
        return new Timings<>(last, cb, anchorSeconds);
    }

    /** The bundled ffmpeg followed by the quiet, non-interactive options. */
    static List<String> ffmpeg(String... args) {
        List<String> cmd =
                new ArrayList<>(List.of(Av.ffmpegBinary(), "-hide_banner", "-nostdin", "-loglevel", "error", "-y"));
        cmd.addAll(Arrays.asList(args));
        return cmd;
    }

    /** Starts {@code cmd} with standard output discarded and standard error kept for a failure message. */
    static Process start(List<String> cmd, Path log) throws IOException {
        return new ProcessBuilder(cmd)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(log.toFile())
                .start();
    }

    /** Waits for {@code p} and fails with its standard error if it did not succeed. */
    static void await(Process p, List<String> cmd, Path log) throws IOException, InterruptedException {
        int rc = p.waitFor();
        if (rc != 0) {
            throw new IOException(
                    "ffmpeg failed (" + rc + "): " + String.join(" ", cmd) + "\n" + Files.readString(log));
        }
    }

    /** Runs {@code cmd} to completion; wall-clock seconds from start to exit. */
    static double time(List<String> cmd, Path log) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = start(cmd, log);
        await(p, cmd, log);
        return (System.nanoTime() - t0) / 1e9;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    static String json(double[] v) {
        return Arrays.stream(v)
                .mapToObj(x -> String.format(Locale.ROOT, "%.3f", x))
                .collect(Collectors.joining(",", "[", "]"));
    }

    static String json(List<Double> v) {
        return json(v.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
