// SPDX-License-Identifier: Apache-2.0
package dev.costbench.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Audio and video analysis on media the test makes with the bundled ffmpeg (lavfi sources; nothing in git). */
class AvTest {

    @TempDir
    static Path tmp;

    static Path video;
    static Path audio;

    static void ffmpeg(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Av.ffmpegBinary(), "-hide_banner", "-loglevel", "error", "-y"));
        cmd.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "ffmpeg timed out");
        assertEquals(0, p.exitValue(), out);
    }

    /** Runs ffmpeg on the generated (lavfi) inputs {@code sources}, in order, then {@code rest}: filters, output. */
    static void ffmpegGenerated(List<String> sources, String... rest) throws Exception {
        List<String> args = new ArrayList<>();
        for (String source : sources) {
            args.addAll(List.of("-f", "lavfi", "-i", source));
        }
        args.addAll(Arrays.asList(rest));
        ffmpeg(args.toArray(new String[0]));
    }

    @BeforeAll
    static void makeMedia() throws Exception {
        video = tmp.resolve("cuts.mp4");
        // Three 3-second scenes (cuts at 3 s and 6 s) with a tone, 320×240 at 25 fps.
        ffmpegGenerated(
                List.of(
                        "testsrc=size=320x240:rate=25:duration=3",
                        "smptebars=size=320x240:rate=25:duration=3",
                        "color=c=darkgreen:size=320x240:rate=25:duration=3",
                        "sine=frequency=440:sample_rate=44100:duration=9"),
                "-filter_complex",
                "[0:v][1:v][2:v]concat=n=3:v=1:a=0,format=yuv420p[v]",
                "-map",
                "[v]",
                "-map",
                "3:a",
                "-c:v",
                "libopenh264",
                "-b:v",
                "1M",
                "-c:a",
                "aac",
                video.toString());
        audio = tmp.resolve("speech.wav");
        // tone 1 s, silence 1.5 s, tone 1 s, silence 0.3 s, tone 1 s (44.1 kHz stereo)
        ffmpegGenerated(
                List.of(
                        "sine=frequency=300:sample_rate=44100:duration=1",
                        "anullsrc=r=44100:cl=mono:d=1.5",
                        "sine=frequency=500:sample_rate=44100:duration=1",
                        "anullsrc=r=44100:cl=mono:d=0.3",
                        "sine=frequency=700:sample_rate=44100:duration=1"),
                "-filter_complex",
                "[0:a][1:a][2:a][3:a][4:a]concat=n=5:v=0:a=1,aformat=channel_layouts=stereo[a]",
                "-map",
                "[a]",
                audio.toString());
    }

    @Test
    void probeReadsStreams() throws Exception {
        AvInfo v = Av.probe(video);
        assertTrue(v.hasVideo() && v.hasAudio());
        assertEquals(320, v.width());
        assertEquals(25, v.fps(), 0.01);
        assertEquals(9, v.seconds(), 0.2);
        AvInfo a = Av.probe(audio);
        assertTrue(a.hasAudio() && !a.hasVideo());
        assertEquals(2, a.channels());
        assertEquals(44_100, a.sampleRate());
    }

    @Test
    void sceneCutsAreFoundAtTheirTimes() throws Exception {
        VideoAnalysis.Scan s = VideoAnalysis.scan(video, () -> false, p -> {});
        assertEquals(225, s.frames(), 2);
        assertEquals(2, s.cuts().size(), "cuts: " + s.cuts());
        assertEquals(3.0, s.cuts().get(0), 0.05);
        assertEquals(6.0, s.cuts().get(1), 0.05);
        int[] scene = VideoAnalysis.select(s, new VideoAnalysis.SceneChange(), 0);
        assertEquals(3, scene.length);
        assertEquals(1.0, VideoAnalysis.sceneCoverage(s, scene), 1e-9);
        int[] uniform = VideoAnalysis.select(s, VideoAnalysis.Strategy.parse("uniform:1"), 0);
        assertEquals(9, uniform.length);
        assertEquals(225, VideoAnalysis.select(s, new VideoAnalysis.All(), 0).length, 2);
        assertEquals(5, VideoAnalysis.select(s, new VideoAnalysis.All(), 5).length);
        int[] adaptive = VideoAnalysis.select(s, VideoAnalysis.Strategy.parse("adaptive"), 0);
        assertTrue(adaptive.length >= 3 && adaptive.length < 225, "adaptive picked " + adaptive.length);
    }

    @Test
    void silencesAreFoundAndTrimmed() throws Exception {
        AudioAnalysis.Result r = AudioAnalysis.analyze(audio, -40, 0.5, 200, () -> false, p -> {});
        assertEquals(4.8, r.seconds(), 0.05);
        assertEquals(1, r.silences().size(), "silences: " + r.silences()); // the 0.3 s gap is below the minimum
        assertEquals(1.0, r.silences().get(0).start(), 0.03);
        assertEquals(2.5, r.silences().get(0).end(), 0.03);
        assertEquals(3.3, r.speechSeconds(), 0.06);
        assertEquals(44 + 2L * Math.round(r.seconds() * 16_000), r.resampledBytes(), 64);
        assertEquals(200, r.levels().length);
    }

    @Test
    void badMediaGivesClearMessages() throws Exception {
        Path empty = Files.createFile(tmp.resolve("empty.mp4"));
        assertEquals(
                "empty.mp4 is empty (0 bytes)",
                assertThrows(MediaException.class, () -> Av.probe(empty)).getMessage());
        byte[] all = Files.readAllBytes(video);
        Path truncated = Files.write(tmp.resolve("truncated.mp4"), Arrays.copyOf(all, 2000));
        assertThrows(MediaException.class, () -> VideoAnalysis.scan(truncated, () -> false, p -> {}));
        Path text = Files.writeString(tmp.resolve("clip.mp4"), "this is not a video");
        assertTrue(assertThrows(MediaException.class, () -> Av.probe(text))
                .getMessage()
                .startsWith("clip.mp4 is not an audio or video file FFmpeg can read"));
        assertTrue(assertThrows(MediaException.class, () -> VideoAnalysis.scan(audio, () -> false, p -> {}))
                .getMessage()
                .endsWith("has no video stream"));
        assertEquals(
                "cancelled",
                assertThrows(MediaException.class, () -> VideoAnalysis.scan(video, () -> true, p -> {}))
                        .getMessage());
    }
}
