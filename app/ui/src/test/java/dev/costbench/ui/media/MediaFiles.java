// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.costbench.media.FfmpegCommand;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Media files for the Media view's tests: a busy photo-like PNG, a damaged and a huge one, a clip and a talk. */
final class MediaFiles {

    private MediaFiles() {}

    /** A 2048 × 1536 PNG of random rectangles (compresses like a photo, not like a flat colour). */
    static Path photo(Path dir) throws IOException {
        BufferedImage img = new BufferedImage(2048, 1536, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        Random r = new Random(5);
        for (int i = 0; i < 300; i++) {
            g.setColor(new Color(r.nextInt(0xffffff)));
            g.fillRect(r.nextInt(2048), r.nextInt(1536), 5 + r.nextInt(200), 5 + r.nextInt(200));
        }
        g.dispose();
        Path f = dir.resolve("photo.png");
        ImageIO.write(img, "png", f.toFile());
        return f;
    }

    /** The first {@code keep} bytes of {@code src}: a valid header, the pixels cut off. */
    static Path truncated(Path src, Path dir, int keep) throws IOException {
        Path f = dir.resolve("truncated.png");
        Files.write(f, Arrays.copyOf(Files.readAllBytes(src), keep));
        return f;
    }

    /** A PNG whose header says {@code w} × {@code h} (valid signature, IHDR with its CRC, IEND) and no pixels. */
    static Path pngHeader(Path dir, String name, int w, int h) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(out);
        d.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream i = new DataOutputStream(ihdr);
        i.writeInt(w);
        i.writeInt(h);
        i.write(new byte[] {8, 2, 0, 0, 0});
        chunk(d, "IHDR", ihdr.toByteArray());
        chunk(d, "IEND", new byte[0]);
        Path f = dir.resolve(name);
        Files.write(f, out.toByteArray());
        return f;
    }

    private static void chunk(DataOutputStream d, String type, byte[] data) throws IOException {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        d.writeInt(data.length);
        d.write(t);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        d.writeInt((int) crc.getValue());
    }

    /** 8 s of video at 10 fps, no audio: 4 s of one test pattern, then 4 s of another (one scene cut). */
    static Path clip(Path dir) throws Exception {
        Path mp4 = dir.resolve("clip.mp4");
        ffmpeg(
                List.of("testsrc=size=320x240:rate=10:duration=4", "smptebars=size=320x240:rate=10:duration=4"),
                "-filter_complex",
                "[0:v][1:v]concat=n=2:v=1:a=0,format=yuv420p[v]",
                "-map",
                "[v]",
                "-c:v",
                "libopenh264",
                mp4.toString());
        return mp4;
    }

    /** 5 s of 44.1 kHz mono audio: 2 s of tone, 1 s of silence, 2 s of tone. */
    static Path talk(Path dir) throws Exception {
        Path wav = dir.resolve("talk.wav");
        ffmpeg(
                List.of(
                        "sine=frequency=300:sample_rate=44100:duration=2",
                        "anullsrc=r=44100:cl=mono:d=1",
                        "sine=frequency=500:sample_rate=44100:duration=2"),
                "-filter_complex",
                "[0:a][1:a][2:a]concat=n=3:v=0:a=1",
                wav.toString());
        return wav;
    }

    /** Runs the bundled ffmpeg over one lavfi input per filter in {@code sources}, then {@code args}. */
    private static void ffmpeg(List<String> sources, String... args) throws Exception {
        List<String> cmd = FfmpegCommand.fromLavfi(sources, args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor());
    }
}
