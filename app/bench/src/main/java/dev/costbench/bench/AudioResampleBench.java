// SPDX-License-Identifier: Apache-2.0
package dev.costbench.bench;

import dev.costbench.media.AudioAnalysis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One hour of 44.1 kHz stereo audio to 16 kHz mono plus the silence map, as the Media view and
 * {@code costbench media --resample 16000 --trim-silence} run it ({@link AudioAnalysis#analyze}, −40 dB, 0.5 s
 * minimum gap). The hour is made first with the bundled ffmpeg: a one-minute pattern (tones 440/660 Hz, silences
 * of 2 s, 0.3 s and 10 s) looped 60 times, written as WAV, AAC (M4A) and MP3. Anchor in the same run: the same
 * ffmpeg binary doing the resample, {@code ffmpeg -i FILE -ar 16000 -ac 1 -f s16le -} with the output discarded.
 * {@code java dev.costbench.bench.AudioResampleBench DIR [minutes (default 60)] [timed runs (default 3)]}
 */
public final class AudioResampleBench {

    /** Gain of both tones over the minute: silent 20–22 s, 37–37.3 s (below the minimum gap) and 50–60 s. */
    private static final String GATE = "(lt(t,20)+gte(t,22)*lt(t,37)+gte(t,37.3)*lt(t,50))";

    private static final String[][] FORMATS = {
        {"wav", "-c:a", "pcm_s16le"},
        {"m4a", "-c:a", "aac", "-b:a", "128k"},
        {"mp3", "-c:a", "libmp3lame", "-b:a", "128k"}
    };

    private AudioResampleBench() {}

    public static void main(String[] args) throws Exception {
        MediaFixtures.Setup setup = MediaFixtures.Setup.of(args, 60);
        Path dir = setup.dir();
        int minutes = setup.size();
        Path pattern = dir.resolve("pattern-minute.wav");
        if (!Files.exists(pattern)) {
            Path made = dir.resolve("tmp-" + pattern.getFileName());
            MediaFixtures.time(
                    MediaFixtures.ffmpeg(
                            "-f",
                            "lavfi",
                            "-i",
                            "aevalsrc=exprs='0.3*sin(2*PI*440*t)*" + GATE + "|0.3*sin(2*PI*660*t)*" + GATE
                                    + "':s=44100:d=60:c=stereo",
                            "-c:a",
                            "pcm_s16le",
                            made.toString()),
                    setup.log());
            Files.move(made, pattern);
        }
        // Encode the missing files, two ffmpeg processes at a time (2 cores).
        List<Process> running = new ArrayList<>();
        List<List<String>> cmds = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        Path[] files = new Path[FORMATS.length];
        for (int f = 0; f < FORMATS.length; f++) {
            files[f] = dir.resolve("tones-" + minutes + "min." + FORMATS[f][0]);
            if (Files.exists(files[f])) {
                continue;
            }
            System.err.printf(
                    "audio bench: generating %s (%d min, 44.1 kHz stereo)%n", files[f].getFileName(), minutes);
            List<String> a =
                    new ArrayList<>(List.of("-stream_loop", String.valueOf(minutes - 1), "-i", pattern.toString()));
            a.addAll(List.of(FORMATS[f]).subList(1, FORMATS[f].length));
            a.add(dir.resolve("tmp-" + files[f].getFileName()).toString()); // renamed once complete
            List<String> cmd = MediaFixtures.ffmpeg(a.toArray(String[]::new));
            if (running.size() == 2) {
                MediaFixtures.await(running.remove(0), cmds.remove(0), logs.remove(0));
            }
            logs.add(dir.resolve("ffmpeg-" + FORMATS[f][0] + ".log"));
            running.add(MediaFixtures.start(cmd, logs.get(logs.size() - 1)));
            cmds.add(cmd);
        }
        for (int i = 0; i < running.size(); i++) {
            MediaFixtures.await(running.get(i), cmds.get(i), logs.get(i));
        }
        for (Path file : files) {
            Path made = dir.resolve("tmp-" + file.getFileName());
            if (Files.exists(made)) {
                Files.move(made, file, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        List<AudioAnalysis.Span> expected = new ArrayList<>();
        for (int m = 0; m < minutes; m++) {
            expected.add(new AudioAnalysis.Span(60 * m + 20, 60 * m + 22));
            expected.add(new AudioAnalysis.Span(60 * m + 50, 60 * m + 60));
        }

        boolean allExact = true;
        for (int f = 0; f < FORMATS.length; f++) {
            Path file = files[f];
            List<String> anchorCmd =
                    MediaFixtures.ffmpeg("-i", file.toString(), "-ar", "16000", "-ac", "1", "-f", "s16le", "-");
            // The untimed round also waits out the write-back of the files just made.
            MediaFixtures.Timings<AudioAnalysis.Result> timings = MediaFixtures.alternate(
                    setup.runs(),
                    anchorCmd,
                    setup.log(),
                    () -> AudioAnalysis.analyze(file, -40, 0.5, 1200, () -> false, p -> {}));
            AudioAnalysis.Result r = timings.last();
            // Lossy codecs smear the edges of a tone by a few milliseconds (and MP3 adds encoder delay).
            double tolerance = f == 0 ? 0.025 : 0.1;
            double worst = 0;
            boolean exact = r.silences().size() == expected.size();
            for (int i = 0; exact && i < expected.size(); i++) {
                worst = Math.max(
                        worst,
                        Math.max(
                                Math.abs(r.silences().get(i).start()
                                        - expected.get(i).start()),
                                Math.abs(r.silences().get(i).end()
                                        - expected.get(i).end())));
            }
            exact &= worst <= tolerance;
            allExact &= exact;
            System.err.printf(
                    Locale.ROOT,
                    "audio bench: %s: %d silences (expected %d), first %s, last %s, worst edge "
                            + "error %.3f s -> %s%n",
                    file.getFileName(),
                    r.silences().size(),
                    expected.size(),
                    r.silences().isEmpty() ? "-" : r.silences().get(0),
                    r.silences().isEmpty() ? "-" : r.silences().get(r.silences().size() - 1),
                    worst,
                    exact ? "match" : "MISMATCH");
            System.out.printf(
                    Locale.ROOT,
                    "{\"impl\":\"costbench\",\"mode\":\"audio-16k\",\"file\":\"%s\",\"format\":"
                            + "\"%s\",\"codec\":\"%s\",\"sample_rate\":%d,\"channels\":%d,\"seconds\":%.3f,\"bytes\":%d,"
                            + "\"decoded_seconds\":%.3f,\"runs\":%d,\"median_s\":%.3f,\"all_s\":%s,\"anchor_median_s\":%.3f,"
                            + "\"anchor_all_s\":%s,\"silences\":%d,\"expected_silences\":%d,\"worst_edge_error_s\":%.3f,"
                            + "\"speech_s\":%.3f,\"exact\":%b}%n",
                    file.getFileName(),
                    FORMATS[f][0],
                    r.info().audioCodec(),
                    r.info().sampleRate(),
                    r.info().channels(),
                    r.info().seconds(),
                    r.info().bytes(),
                    r.seconds(),
                    setup.runs(),
                    timings.median(),
                    MediaFixtures.json(timings.costbench()),
                    timings.anchorMedian(),
                    MediaFixtures.json(timings.anchor()),
                    r.silences().size(),
                    expected.size(),
                    worst,
                    r.speechSeconds(),
                    exact);
        }
        if (!allExact) {
            System.exit(3);
        }
    }
}
