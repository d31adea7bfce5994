// SPDX-License-Identifier: Apache-2.0
package dev.costbench.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadUpdateListener;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;

/**
 * An image file checked by decoding it whole, not only its header: a truncated or damaged file is priced from its
 * header as if it were whole, so the check says how much of it really decodes.
 *
 * @param info            format and size from the header
 * @param decodedFraction the share of the image's rows that decoded from real data (1 for a whole file)
 * @param warnings        what may mislead, e.g. "truncated: only 37 % of the image decoded"; empty for a whole file
 */
public record ImageCheck(ImageInfo info, double decodedFraction, List<String> warnings) {

    /** Images above this many pixels are refused (their size alone would exhaust memory when opened). */
    public static final long MAX_PIXELS = Images.MAX_DECODE_PIXELS;
    /** Image files above this many bytes are refused: 100 MiB. */
    public static final long MAX_BYTES = 100L * 1024 * 1024;
    /** The check decodes at most about this many pixels, sub-sampling larger images (every row is still read). */
    static final long CHECK_PIXELS = 4_000_000L;

    public ImageCheck {
        warnings = List.copyOf(warnings);
    }

    /** True when the whole image decoded without a warning. */
    public boolean whole() {
        return warnings.isEmpty();
    }

    /**
     * Reads the header, refuses files above {@link #MAX_BYTES} or {@link #MAX_PIXELS}, then decodes the whole image.
     *
     * @throws MediaException naming the file (and the format when known) when it cannot be read, is not an image, is
     *                        too large, or no part of it decodes
     */
    public static ImageCheck of(Path file) throws IOException {
        String name = String.valueOf(file.getFileName());
        if (!Files.isRegularFile(file)) {
            throw new MediaException(file + ": no such file");
        }
        long bytes = Files.size(file);
        if (bytes == 0) {
            throw new MediaException(name + " is empty (0 bytes)");
        }
        if (bytes > MAX_BYTES) {
            throw new MediaException(String.format(
                    Locale.ROOT,
                    "%s is %,d bytes; CostBench reads image files up to "
                            + "%,d bytes (100 MiB, the limit): export it smaller",
                    name,
                    bytes,
                    MAX_BYTES));
        }
        try {
            Files.newInputStream(file).close();
        } catch (AccessDeniedException e) {
            throw new MediaException("cannot read " + name + ": permission denied (check the file's permissions)", e);
        } catch (IOException e) {
            throw new MediaException("cannot read " + name + ": " + e.getMessage(), e);
        }
        ImageInfo info = Images.probe(file);
        if (info.width() <= 0 || info.height() <= 0) {
            throw new MediaException(name + " (" + format(info) + ") has no valid size in its header (" + info.width()
                    + "×" + info.height() + "): the file is damaged");
        }
        if (info.pixels() > MAX_PIXELS) {
            throw new MediaException(String.format(
                    Locale.ROOT,
                    "%s (%s) is %,d×%,d (%,d megapixels); CostBench "
                            + "reads images up to %,d megapixels (the limit): downscale it first",
                    name,
                    format(info),
                    info.width(),
                    info.height(),
                    info.pixels() / 1_000_000,
                    MAX_PIXELS / 1_000_000));
        }
        return decode(file, name, info);
    }

    private static ImageCheck decode(Path file, String name, ImageInfo info) throws IOException {
        List<String> decoderWarnings = new ArrayList<>();
        long[] rows = {0};
        BufferedImage img = null;
        Exception failure = null;
        int sub = 1;
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new MediaException("cannot read " + name + " (check the file's permissions)");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new MediaException(name + " is not an image CostBench can read");
            }
            ImageReader r = readers.next();
            try {
                r.setInput(in, true, true);
                r.addIIOReadWarningListener((IIOReadWarningListener) (src, w) -> decoderWarnings.add(w));
                r.addIIOReadUpdateListener(new RowCounter(rows));
                ImageReadParam p = r.getDefaultReadParam();
                while (info.pixels() / ((long) sub * sub) > CHECK_PIXELS) {
                    sub++;
                }
                if (sub > 1) {
                    p.setSourceSubsampling(sub, sub, 0, 0);
                }
                img = r.read(0, p);
            } catch (IOException | RuntimeException e) {
                failure = e;
            } finally {
                r.dispose();
            }
        }
        long height = (info.height() + sub - 1) / sub;
        double fraction;
        if (failure != null || img == null) {
            fraction = Math.min(1.0, rows[0] / (double) height);
            if (rows[0] == 0) {
                String why = failure == null ? "the decoder returned no image" : String.valueOf(failure.getMessage());
                throw new MediaException(
                        name + " (" + format(info) + ", " + info.width() + "×" + info.height()
                                + ") could not be decoded: the file is damaged or truncated (" + why
                                + "); re-export or "
                                + "download it again",
                        failure);
            }
        } else if (!decoderWarnings.isEmpty()) {
            fraction = decodedShare(img);
        } else {
            return new ImageCheck(info, 1.0, List.of());
        }
        List<String> warnings = new ArrayList<>();
        if (fraction < 1.0) {
            int pct = (int) Math.floor(fraction * 100);
            warnings.add(String.format(
                    Locale.ROOT,
                    "truncated: only %d %% of the image decoded (%s, %s): the "
                            + "provider may refuse it or see only the top part; its tokens are counted for the full %d×%d in "
                            + "its header. Re-export or download it again.",
                    pct,
                    name,
                    format(info),
                    info.width(),
                    info.height()));
        } else {
            warnings.add(name + " (" + format(info) + ") decoded with a warning: " + String.join("; ", decoderWarnings)
                    + ". The provider may refuse it.");
        }
        return new ImageCheck(info, fraction, warnings);
    }

    /**
     * After a premature end, JPEG decoders fill the rest of the image with one flat colour. The rows above that
     * flat band at the bottom are the ones that came from real data.
     */
    static double decodedShare(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int fill = img.getRGB(w - 1, h - 1);
        int y = h - 1;
        while (y >= 0 && uniform(img, y, w, fill)) {
            y--;
        }
        return (y + 1) / (double) h;
    }

    private static boolean uniform(BufferedImage img, int y, int w, int rgb) {
        for (int x = 0; x < w; x++) {
            if (img.getRGB(x, y) != rgb) {
                return false;
            }
        }
        return true;
    }

    private static String format(ImageInfo info) {
        return info.format().toUpperCase(Locale.ROOT);
    }

    /** Counts the rows a decoder delivered (the last row reported, for decoders that stop at the damage). */
    private static final class RowCounter implements IIOReadUpdateListener {
        private final long[] rows;

        RowCounter(long[] rows) {
            this.rows = rows;
        }

        @Override
        public void imageUpdate(
                ImageReader source,
                BufferedImage theImage,
                int minX,
                int minY,
                int width,
                int height,
                int periodX,
                int periodY,
                int[] bands) {
            rows[0] = Math.max(rows[0], minY + (long) (height - 1) * Math.max(1, periodY) + 1);
        }

        @Override
        public void passStarted(
                ImageReader source,
                BufferedImage theImage,
                int pass,
                int minPass,
                int maxPass,
                int minX,
                int minY,
                int periodX,
                int periodY,
                int[] bands) {}

        @Override
        public void passComplete(ImageReader source, BufferedImage theImage) {}

        @Override
        public void thumbnailPassStarted(
                ImageReader source,
                BufferedImage theThumbnail,
                int pass,
                int minPass,
                int maxPass,
                int minX,
                int minY,
                int periodX,
                int periodY,
                int[] bands) {}

        @Override
        public void thumbnailPassComplete(ImageReader source, BufferedImage theThumbnail) {}

        @Override
        public void thumbnailUpdate(
                ImageReader source,
                BufferedImage theThumbnail,
                int minX,
                int minY,
                int width,
                int height,
                int periodX,
                int periodY,
                int[] bands) {}
    }
}
