// SPDX-License-Identifier: Apache-2.0
package dev.costbench.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;

/** Writes chosen video frames as JPEG files named by their time. */
public final class FrameExport {

    private FrameExport() {}

    /** Decodes the frames at {@code times} (seconds), scaled to {@code longEdge} px, for a thumbnail strip. */
    public static List<BufferedImage> thumbnails(Path video, double[] times, int longEdge, BooleanSupplier cancelled)
            throws IOException {
        List<BufferedImage> out = new ArrayList<>();
        try (FFmpegFrameGrabber g = Av.open(video);
                Java2DFrameConverter conv = new Java2DFrameConverter()) {
            for (double t : times) {
                if (cancelled.getAsBoolean()) {
                    throw new MediaException("cancelled");
                }
                g.setTimestamp((long) (t * 1e6));
                Frame f = g.grabImage();
                if (f != null) {
                    out.add(Images.fitLongEdge(deepCopy(conv.convert(f)), longEdge));
                }
            }
        } catch (FFmpegFrameGrabber.Exception e) {
            throw new MediaException(video.getFileName() + " could not be read: " + e.getMessage(), e);
        }
        return out;
    }

    /** The converter reuses its buffer between frames: keep a copy. */
    private static BufferedImage deepCopy(BufferedImage img) {
        BufferedImage c = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        c.getGraphics().drawImage(img, 0, 0, null);
        return c;
    }

    /** Exports the frames at {@code times} (seconds) into {@code dir}; returns the files written. */
    public static List<Path> export(Path video, double[] times, Path dir, int quality) throws IOException {
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        try (FFmpegFrameGrabber g = Av.open(video);
                Java2DFrameConverter conv = new Java2DFrameConverter()) {
            for (double t : times) {
                g.setTimestamp((long) (t * 1e6));
                Frame f = g.grabImage();
                if (f == null) {
                    continue;
                }
                BufferedImage img = conv.convert(f);
                Path p = dir.resolve(String.format(Locale.ROOT, "frame-%010.3fs.jpg", t));
                Files.write(p, Images.encode(img, "jpeg", quality));
                out.add(p);
            }
        } catch (FFmpegFrameGrabber.Exception e) {
            throw new MediaException(video.getFileName() + " could not be read: " + e.getMessage(), e);
        }
        return out;
    }
}
