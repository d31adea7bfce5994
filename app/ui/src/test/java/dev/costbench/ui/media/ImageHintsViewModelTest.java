// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.ui.common.DirectTaskExecutor;
import dev.costbench.ui.common.RecordingDialogService;
import dev.costbench.ui.common.UiContext;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Media view's hints without a display: a larger optimized file, size boxes in step, zoom over the whole pane. */
class ImageHintsViewModelTest {

    @TempDir
    Path dir;

    private final DirectTaskExecutor tasks = new DirectTaskExecutor();
    private final MediaViewModel vm =
            new MediaViewModel(new UiContext(tasks, new RecordingDialogService()), CatalogBuilder::builtIn);

    @AfterEach
    void tearDown() {
        vm.close();
        assertTrue(tasks.unhandled().isEmpty(), tasks.unhandled().toString());
    }

    /** A flat two-colour diagram: tiny as PNG, bigger as JPEG. */
    private Path diagram(int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLACK);
        for (int x = 0; x < w; x += 16) {
            g.drawLine(x, 0, x, h);
        }
        g.dispose();
        Path p = dir.resolve("diagram.png");
        ImageIO.write(img, "png", p.toFile());
        return p;
    }

    @Test
    void aLargerOptimizedFileSaysSoAndWhatToTry() throws Exception {
        vm.load(diagram(1000, 700));
        ImageMediaViewModel img = vm.image();
        String warning = img.sizeWarningProperty().get();
        assertTrue(warning.startsWith("The optimized JPEG is "), warning);
        assertTrue(warning.contains("the size of the original PNG: try WebP or PNG."), warning);
        assertTrue(warning.contains("Tokens follow pixels"), warning);

        img.settings().formatProperty().set("PNG");
        assertEquals("", img.sizeWarningProperty().get(), "a PNG as small as the original needs no hint");
    }

    @Test
    void aSmallerOptimizedFileHasNoHint() throws Exception {
        vm.load(MediaFiles.photo(dir));
        assertEquals("", vm.image().sizeWarningProperty().get());
    }

    @Test
    void theCustomEdgeShowsWhatThePresetGives() throws Exception {
        ImageSettings s = vm.image().settings();
        vm.load(diagram(1000, 700));
        assertEquals("1000", s.customEdgeProperty().get(), "OCR 1024 px on a 1000 px image keeps 1000 px");
        s.presetProperty().set(2);
        assertEquals("512", s.customEdgeProperty().get());
        s.presetProperty().set(0);
        assertEquals("1000", s.customEdgeProperty().get(), "original size: the image's own long edge");
        s.presetProperty().set(ImageSettings.CUSTOM);
        assertEquals("1000", s.customEdgeProperty().get(), "Custom starts from the size shown before");
        s.customEdgeProperty().set("640");
        assertEquals(640, s.targetEdge());

        s.presetProperty().set(0);
        vm.image().cropTo(0, 0, 0.5, 0.5);
        assertEquals("500", s.customEdgeProperty().get(), "a crop's long edge is the new original size");
        vm.image().resetCrop();
        assertEquals("1000", s.customEdgeProperty().get());
    }

    @Test
    void zoomedInTheShownPartTakesThePanesShape() {
        ZoomModel z = new ZoomModel();
        assertEquals(null, z.region(1000, 500, 400, 400));
        z.zoomAt(2, 0.5, 0.5);
        // Fitted: 0.4 screen px per image px (a 400 × 200 box in a 400 × 400 pane); at 2× 0.8 px: the pane shows
        // 500 × 500 image px, so the zoomed image fills the pane's height instead of staying in its 200 px box.
        assertArrayEquals(new double[] {250, 0, 500, 500}, z.region(1000, 500, 400, 400), 1e-9);
        z.zoomAt(8, 0.9, 0.1);
        // At 8× (3.2 px): 125 × 125 image px, kept inside the image at its top-right corner.
        assertArrayEquals(new double[] {837.5, 0, 125, 125}, z.region(1000, 500, 400, 400), 1e-9);
    }
}
