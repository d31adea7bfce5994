// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.media.Av;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Audio and video clips the media tests make with the ffmpeg CostBench finds (generated, never checked in). */
final class Clips {

    private Clips() {}

    /** 2 s of a 300 Hz tone, 1 s of silence, 2 s of a 500 Hz tone: mono, 44.1 kHz. */
    static Path toneGapTone(Path wav) throws IOException, InterruptedException {
        List<String> parts = List.of(
                "sine=frequency=300:sample_rate=44100:duration=2",
                "anullsrc=r=44100:cl=mono:d=1",
                "sine=frequency=500:sample_rate=44100:duration=2");
        return make(wav, parts, "-filter_complex", "[0:a][1:a][2:a]concat=n=3:v=0:a=1");
    }

    /** Two 4 s scenes (a test pattern, then colour bars) at 320×240 and 10 frames a second, H.264, no sound. */
    static Path twoScenes(Path mp4) throws IOException, InterruptedException {
        List<String> scenes =
                List.of("testsrc=size=320x240:rate=10:duration=4", "smptebars=size=320x240:rate=10:duration=4");
        return make(mp4, scenes, "-filter_complex", "[0:v][1:v]concat=n=2:v=1:a=0,format=yuv420p[v]", "-map", "[v]");
    }

    /** 2 s of a test pattern at 160×120 and 10 frames a second, H.264, no sound. */
    static Path shortVideo(Path mp4) throws IOException, InterruptedException {
        return make(mp4, List.of("testsrc=size=160x120:rate=10:duration=2"), "-pix_fmt", "yuv420p");
    }

    /**
     * Makes {@code out} from the generated (lavfi) inputs {@code sources}, in order, with {@code options}; an MP4
     * is encoded with OpenH264 (the encoder the bundled ffmpeg has).
     */
    private static Path make(Path out, List<String> sources, String... options)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>();
        for (String source : sources) {
            args.addAll(List.of("-f", "lavfi", "-i", source));
        }
        args.addAll(Arrays.asList(options));
        if (out.toString().endsWith(".mp4")) {
            args.addAll(List.of("-c:v", "libopenh264"));
        }
        args.add(out.toString());
        ffmpeg(args.toArray(new String[0]));
        return out;
    }

    /** Runs ffmpeg quietly, overwriting its output; fails the test when it does not finish well within 120 s. */
    private static void ffmpeg(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Av.ffmpegBinary(), "-hide_banner", "-loglevel", "error", "-y"));
        cmd.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, "ffmpeg made no clip: " + said);
    }
}
