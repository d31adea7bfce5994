// SPDX-License-Identifier: Apache-2.0
package dev.costbench.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled ffmpeg makes a clip from two lavfi sources, in the order given. */
class FfmpegCommandTest {

    @Test
    void makesAClipFromItsSourcesInOrder(@TempDir Path dir) throws Exception {
        Path clip = dir.resolve("pattern-and-tone.mp4");
        List<String> cmd = FfmpegCommand.fromLavfi(
                List.of("testsrc=size=160x120:rate=10:duration=1", "sine=frequency=440:sample_rate=16000:duration=1"),
                "-c:v",
                "mpeg4",
                "-c:a",
                "aac",
                "-shortest",
                clip.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        AvInfo info = Av.probe(clip);
        assertTrue(info.hasVideo() && info.hasAudio(), info.toString());
        assertEquals(160, info.width());
    }
}
