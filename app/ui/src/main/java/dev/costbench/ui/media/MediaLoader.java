// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.media;

import dev.costbench.media.Av;
import dev.costbench.media.AvInfo;
import dev.costbench.media.ImageInfo;
import dev.costbench.media.Images;
import dev.costbench.media.MediaException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/** Opens a file as an image, or else as audio or video (background); says plainly what it is not. */
final class MediaLoader {

    /** What a file turned out to be. */
    sealed interface Loaded permits ImageFile, AvFile {
        Path path();
    }

    /**
     * An image; {@code image} and {@code preview} are null when only its header could be read ({@code warning}
     * says why: damaged, or too large to decode), and its tokens come from its size alone.
     */
    record ImageFile(Path path, ImageInfo info, BufferedImage image, BufferedImage preview, String warning)
            implements Loaded {}

    /** Audio or video. */
    record AvFile(Path path, AvInfo info) implements Loaded {}

    private MediaLoader() {}

    static Loaded load(Path path) throws IOException {
        ImageInfo info;
        try {
            info = Images.probe(path);
        } catch (IOException notAnImage) {
            return new AvFile(path, probeAv(path));
        }
        try {
            BufferedImage img = Images.read(path);
            return new ImageFile(path, info, img, Images.fitLongEdge(img, ImagePricing.PREVIEW_EDGE), null);
        } catch (IOException | RuntimeException e) {
            return new ImageFile(path, info, null, null, e.getMessage());
        }
    }

    private static AvInfo probeAv(Path path) throws IOException {
        try {
            return Av.probe(path);
        } catch (IOException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("not an audio or video file") || m.contains("neither an audio nor a video stream")) {
                throw new MediaException(
                        path.getFileName() + " is not an image, audio or video file CostBench can "
                                + "read (images: JPEG, PNG, WebP, GIF, BMP, TIFF; audio and video: whatever FFmpeg decodes). "
                                + "Convert it to one of those and open it again.",
                        e);
            }
            throw new MediaException(m + "; check the file, or choose another, and open it again.", e);
        }
    }
}
