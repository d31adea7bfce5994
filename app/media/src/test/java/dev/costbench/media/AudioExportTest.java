// SPDX-License-Identifier: Apache-2.0
package dev.costbench.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioExportTest {

    @TempDir
    Path tmp;

    @Test
    void trimmedAudioIsWrittenAs16kMonoWavWithoutTheSilences() throws Exception {
        Path in = tmp.resolve("talk.wav");
        AvTest.ffmpegGenerated(
                List.of(
                        "sine=frequency=300:sample_rate=44100:duration=1",
                        "anullsrc=r=44100:cl=stereo:d=2",
                        "sine=frequency=500:sample_rate=44100:duration=1"),
                "-filter_complex",
                "[0:a]aformat=channel_layouts=stereo[a0];[2:a]aformat=channel_layouts=stereo[a2];"
                        + "[a0][1:a][a2]concat=n=3:v=0:a=1[a]",
                "-map",
                "[a]",
                in.toString());
        AudioAnalysis.Result r = AudioAnalysis.analyze(in, -40, 0.5, 100, () -> false, p -> {});
        assertEquals(1, r.silences().size());

        Path full = tmp.resolve("full.wav");
        assertEquals(4.0, AudioExport.writeWav(in, List.of(), full, () -> false), 0.05);
        Path trimmed = tmp.resolve("trimmed.wav");
        assertEquals(2.0, AudioExport.writeWav(in, r.silences(), trimmed, () -> false), 0.05);

        AvInfo t = Av.probe(trimmed);
        assertEquals(16_000, t.sampleRate());
        assertEquals(1, t.channels());
        assertEquals(2.0, t.seconds(), 0.05);
        assertEquals(r.speechSeconds(), t.seconds(), 0.05);
        assertEquals(44 + 2 * 16_000 * 2, Files.size(trimmed), 2 * 800);
    }

    @Test
    void aFailedExportLeavesNoFileBehind() throws Exception {
        Path in = Files.writeString(tmp.resolve("broken.mp3"), "not audio");
        Path out = tmp.resolve("out.wav");
        assertThrows(IOException.class, () -> AudioExport.writeWav(in, List.of(), out, () -> false));
        assertFalse(Files.exists(out));
        try (var s = Files.list(tmp)) {
            assertEquals(1, s.count(), "only the input remains");
        }
    }
}
