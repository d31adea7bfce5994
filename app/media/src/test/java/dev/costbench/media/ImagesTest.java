// SPDX-License-Identifier: Apache-2.0
package dev.costbench.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImagesTest {

    @TempDir
    Path tmp;

    static BufferedImage photo(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        Random r = new Random(3);
        for (int i = 0; i < 40; i++) {
            g.setColor(new Color(r.nextInt(0xffffff)));
            g.fillOval(r.nextInt(w), r.nextInt(h), 20 + r.nextInt(w / 2), 20 + r.nextInt(h / 2));
        }
        g.dispose();
        return img;
    }

    @Test
    void probeReadsTheHeaderAndIgnoresTheExtension() throws Exception {
        Path p = tmp.resolve("really-a-png.jpg");
        ImageIO.write(photo(640, 480), "png", p.toFile());
        ImageInfo info = Images.probe(p);
        assertEquals("png", info.format());
        assertEquals(640, info.width());
        assertEquals(480, info.height());
        assertEquals(Files.size(p), info.bytes());
    }

    @Test
    void tiffIsReadThroughTheJdksOwnPlugin() throws Exception {
        Path p = tmp.resolve("scan.tif");
        ImageIO.write(photo(800, 600), "tiff", p.toFile());
        ImageInfo info = Images.probe(p);
        assertEquals("tif", info.format().substring(0, 3));
        assertEquals(800, Images.read(p).getWidth());
    }

    @Test
    void badFilesGiveClearMessages() throws Exception {
        Path empty = Files.createFile(tmp.resolve("empty.png"));
        assertEquals(
                "empty.png is empty (0 bytes)",
                assertThrows(MediaException.class, () -> Images.probe(empty)).getMessage());
        Path text = Files.writeString(tmp.resolve("notes.jpg"), "not an image at all");
        assertTrue(assertThrows(MediaException.class, () -> Images.probe(text))
                .getMessage()
                .startsWith("notes.jpg is not an image CostBench can read"));
        Path png = tmp.resolve("whole.png");
        ImageIO.write(photo(300, 200), "png", png.toFile());
        byte[] all = Files.readAllBytes(png);
        Path truncated = Files.write(tmp.resolve("truncated.png"), Arrays.copyOf(all, all.length / 3));
        assertEquals(300, Images.probe(truncated).width(), "the header survives");
        assertThrows(MediaException.class, () -> Images.read(truncated));
        assertThrows(MediaException.class, () -> Images.probe(tmp.resolve("missing.png")));
    }

    @Test
    void resizeCropAndEncode() throws Exception {
        BufferedImage img = photo(4000, 3000);
        BufferedImage small = Images.fitLongEdge(img, 1024);
        assertEquals(1024, small.getWidth());
        assertEquals(768, small.getHeight());
        assertEquals(img, Images.fitLongEdge(img, 5000), "never upscales");
        BufferedImage c = Images.crop(img, 3900, 100, 500, 200);
        assertEquals(100, c.getWidth(), "clamped to the image");
        assertEquals(200, c.getHeight());
        byte[] q90 = Images.encode(small, "jpeg", 90);
        byte[] q30 = Images.encode(small, "jpg", 30);
        assertTrue(q30.length < q90.length, "lower quality, fewer bytes");
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(Images.encode(small, "png", 0)));
        assertEquals(1024, back.getWidth());
        BufferedImage alpha = new BufferedImage(10, 10, BufferedImage.TYPE_INT_ARGB);
        assertTrue(Images.encode(alpha, "jpeg", 80).length > 0, "alpha is flattened for JPEG");
        assertThrows(MediaException.class, () -> Images.encode(small, "tiff", 80));
        byte[] webp = Images.encode(small, "webp", 80);
        Path w = Files.write(tmp.resolve("small.bin"), webp);
        ImageInfo wi = Images.probe(w);
        assertEquals("webp", wi.format());
        assertEquals(1024, wi.width());
        assertEquals(768, Images.read(w).getHeight(), "WebP decodes too");
        assertTrue(Images.encode(small, "webp", 20).length < webp.length);
    }
}
