// SPDX-License-Identifier: Apache-2.0
package dev.costbench.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14 part 8: media are decoded whole before they are priced; unreadable and huge files fail clearly. */
class ImageCheckTest {

    @TempDir
    Path tmp;

    private Path jpeg(String name, int w, int h) throws Exception {
        Path p = tmp.resolve(name);
        ImageIO.write(ImagesTest.photo(w, h), "jpeg", p.toFile());
        return p;
    }

    @Test
    void aWholeJpegChecksClean() throws Exception {
        ImageCheck c = Images.check(jpeg("whole.jpg", 640, 480));
        assertTrue(c.whole(), c.warnings().toString());
        assertEquals(1.0, c.decodedFraction());
        assertEquals(640, c.info().width());
    }

    @Test
    void aTruncatedJpegIsReportedWithTheShareThatDecoded() throws Exception {
        byte[] all = Files.readAllBytes(jpeg("whole.jpg", 640, 480));
        Path cut = Files.write(tmp.resolve("cut.jpg"), Arrays.copyOf(all, all.length * 2 / 5));
        assertEquals(640, Images.probe(cut).width(), "the header alone looks whole");
        ImageCheck c = Images.check(cut);
        assertEquals(1, c.warnings().size(), c.warnings().toString());
        String w = c.warnings().get(0);
        Matcher m = Pattern.compile("^truncated: only (\\d+) % of the image decoded \\(cut\\.jpg, JPEG\\)")
                .matcher(w);
        assertTrue(m.find(), w);
        int pct = Integer.parseInt(m.group(1));
        assertTrue(pct > 10 && pct < 80, "about 40 % of the bytes: " + w);
        assertTrue(c.decodedFraction() < 0.8);
    }

    @Test
    void aTruncatedPngIsReportedToo() throws Exception {
        Path png = tmp.resolve("whole.png");
        ImageIO.write(ImagesTest.photo(300, 200), "png", png.toFile());
        byte[] all = Files.readAllBytes(png);
        Path cut = Files.write(tmp.resolve("cut.png"), Arrays.copyOf(all, all.length / 2));
        ImageCheck c = Images.check(cut);
        assertTrue(
                c.warnings().get(0).startsWith("truncated: only "), c.warnings().toString());
        assertTrue(c.decodedFraction() < 1.0);
    }

    @Test
    void anImageWithNoDecodableDataFailsNamingTheFileAndFormat() throws Exception {
        byte[] all = Files.readAllBytes(jpeg("whole.jpg", 640, 480));
        // keep the headers (about 600 bytes for the JDK's encoder), lose every scan byte
        int sos = 0;
        for (int i = 0; i + 1 < all.length; i++) {
            if ((all[i] & 0xff) == 0xff && (all[i + 1] & 0xff) == 0xda) {
                sos = i;
                break;
            }
        }
        Path head = Files.write(tmp.resolve("head.jpg"), Arrays.copyOf(all, sos + 14));
        try {
            ImageCheck c = Images.check(head);
            assertTrue(c.decodedFraction() < 0.05 && !c.whole(), "nothing real decoded: " + c);
        } catch (MediaException e) {
            assertTrue(e.getMessage().startsWith("head.jpg (JPEG, 640×480) could not be decoded"), e.getMessage());
        }
    }

    @Test
    void anUnreadableFileGivesAClearErrorNotAnIllegalArgumentException() throws Exception {
        // A write-only sysfs attribute cannot be opened for reading even by root.
        Path p = Path.of("/sys/bus/pci/rescan");
        assumeTrue(Files.isRegularFile(p));
        MediaException e = assertThrows(MediaException.class, () -> Images.probe(p));
        assertTrue(e.getMessage().startsWith("cannot read rescan"), e.getMessage());
        MediaException c = assertThrows(MediaException.class, () -> Images.check(p));
        assertTrue(c.getMessage().startsWith("cannot read rescan"), c.getMessage());
    }

    @Test
    void hugeFilesAreRefusedWithTheLimit() throws Exception {
        Path big = tmp.resolve("big.jpg");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.write(Files.readAllBytes(jpeg("small.jpg", 64, 64)));
            f.setLength(ImageCheck.MAX_BYTES + 1); // sparse: no disk used
        }
        MediaException e = assertThrows(MediaException.class, () -> Images.check(big));
        assertTrue(e.getMessage().contains("up to 104,857,600 bytes (100 MiB, the limit)"), e.getMessage());
    }

    @Test
    void hugePixelCountsAreRefusedWithTheLimit() throws Exception {
        // A PNG header claiming 20,000 × 20,000 pixels (400 megapixels) followed by nothing.
        Path p = tmp.resolve("huge.png");
        ImageIO.write(ImagesTest.photo(64, 64), "png", p.toFile());
        byte[] b = Files.readAllBytes(p);
        ByteBuffer.wrap(b, 16, 8).putInt(20_000).putInt(20_000);
        Files.write(p, b);
        MediaException e = assertThrows(MediaException.class, () -> Images.check(p));
        assertTrue(
                e.getMessage()
                        .contains("20,000×20,000 (400 megapixels); CostBench reads images up to 100 "
                                + "megapixels (the limit)"),
                e.getMessage());
    }
}
