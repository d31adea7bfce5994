// SPDX-License-Identifier: Apache-2.0
package dev.costbench.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled ffmpeg makes media from lavfi sources, taken as inputs in the order given. */
class FfmpegCommandTest {

    @Test
    void makesMediaFromItsSourcesInOrder(@TempDir Path dir) throws Exception {
        Path wav = dir.resolve("tone-then-silence.wav");
        Process p = new ProcessBuilder(FfmpegCommand.fromLavfi(
                        List.of("sine=frequency=440:sample_rate=16000:duration=1", "anullsrc=r=16000:cl=mono:d=0.5"),
                        "-filter_complex",
                        "[0:a][1:a]concat=n=2:v=0:a=1",
                        wav.toString()))
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        AvInfo info = Av.probe(wav);
        assertTrue(info.hasAudio() && !info.hasVideo(), info.toString());
        assertEquals(1.5, info.seconds(), 0.05);
        assertEquals(16000, info.sampleRate(), "the tone (input 0) comes first and sets the rate");
    }
}
