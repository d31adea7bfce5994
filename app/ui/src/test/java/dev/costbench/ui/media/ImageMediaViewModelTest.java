// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.lab.run.ExperimentSpec;
import dev.costbench.model.media.ImageDetail;
import dev.costbench.model.ratecard.RateAdjustment;
import dev.costbench.model.ratecard.RateCard;
import dev.costbench.ui.common.DirectTaskExecutor;
import dev.costbench.ui.common.RecordingDialogService;
import dev.costbench.ui.common.UiContext;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The image half of the Media view without a display: sizes, formats, crop, export and the A/B lab hand-off. */
class ImageMediaViewModelTest extends MediaViewModelTestBase {

    private ImageMediaViewModel img;
    private Path photo;

    @BeforeEach
    void setUp() throws Exception {
        img = vm.image();
        photo = MediaFiles.photo(dir);
    }

    @Test
    void aRateCardRepricesTheImagesItMatches() throws Exception {
        vm.load(photo);
        BigDecimal gpt = row("gpt-4o").originalUsd();
        BigDecimal gemini = row("gemini-2.5-flash").originalUsd();
        RateAdjustment commitment = new RateAdjustment("commitment", "openai", "*", null, new BigDecimal("-20"));
        vm.choices().rateCardProperty().set(new RateCard(List.of(commitment)));
        BigDecimal ratio = row("gpt-4o").originalUsd().divide(gpt, MathContext.DECIMAL64);
        assertEquals(0, new BigDecimal("0.8").compareTo(ratio), ratio.toPlainString());
        assertEquals(0, gemini.compareTo(row("gemini-2.5-flash").originalUsd()), "other providers keep list price");
        vm.choices().rateCardProperty().set(RateCard.NONE);
        assertEquals(0, gpt.compareTo(row("gpt-4o").originalUsd()));
    }

    @Test
    void tokensAndCostsFollowSizeAndQuality() {
        vm.load(photo);
        assertFalse(vm.avModeProperty().get());
        assertFalse(vm.busyProperty().get());
        assertEquals(765, row("gpt-4o").originalTokens()); // 2048×1536 → 1024×768 → 4 tiles
        assertEquals(765, row("gpt-4o").optimizedTokens()); // OCR preset: 1024×768, same tiles
        assertEquals(516, row("gemini-2.5-flash").optimizedTokens()); // 2 tiles of 768 px
        assertTrue(
                img.originalInfoProperty().get().startsWith("photo.png · PNG · 2048 × 1536 · "),
                img.originalInfoProperty().get());
        assertTrue(
                img.optimizedInfoProperty().get().startsWith("JPEG · 1024 × 768 · "),
                img.optimizedInfoProperty().get());
        assertTrue(
                vm.summaryProperty().get().contains("models take images · cheapest optimized: "),
                vm.summaryProperty().get());
        assertTrue(
                vm.summaryProperty().get().endsWith(" per 1,000 images"),
                vm.summaryProperty().get());

        byte[] before = img.optimizedBytesProperty().get();
        img.settings().qualityProperty().set(20);
        assertTrue(img.optimizedBytesProperty().get().length < before.length, "lower quality, fewer bytes");

        img.settings().presetProperty().set(3); // classification, 256 px
        assertEquals(255, row("gpt-4o").optimizedTokens()); // 256×192: one tile
        assertEquals(258, row("gemini-2.5-flash").optimizedTokens());
        assertTrue(row("gpt-4o").savingPercent() > 60);
        assertNotEquals(row("gpt-4o").originalUsd(), row("gpt-4o").optimizedUsd());
        assertTrue(dialogs.shown().isEmpty(), dialogs.shown().toString());
    }

    @Test
    void rowsAreSortedCheapestOptimizedFirstAndPricingChoicesApply() {
        vm.load(photo);
        List<MediaCostRow> rows = vm.rows();
        for (int i = 1; i < rows.size(); i++) {
            if (rows.get(i).optimizedUsd() != null) {
                assertTrue(
                        rows.get(i - 1).optimizedUsd() != null
                                && rows.get(i - 1)
                                                .optimizedUsd()
                                                .compareTo(rows.get(i).optimizedUsd())
                                        <= 0,
                        "sorted");
            }
        }
        vm.choices().detailProperty().set(ImageDetail.LOW);
        assertEquals(85, row("gpt-4o").optimizedTokens()); // low detail: the fixed base
    }

    @Test
    void customEdgeAndFormat() {
        vm.load(photo);
        assertFalse(img.settings().customEdgeEnabled().get());
        img.settings().presetProperty().set(ImageSettings.CUSTOM);
        assertTrue(img.settings().customEdgeEnabled().get());
        img.settings().customEdgeProperty().set("300");
        assertTrue(
                img.optimizedInfoProperty().get().startsWith("JPEG · 300 × 225"),
                img.optimizedInfoProperty().get());
        img.settings().customEdgeProperty().set("three hundred"); // unreadable: the original size
        assertTrue(
                img.optimizedInfoProperty().get().startsWith("JPEG · 2048 × 1536"),
                img.optimizedInfoProperty().get());
        img.settings().presetProperty().set(0);
        img.settings().formatProperty().set("PNG");
        assertFalse(img.settings().qualityEnabled().get(), "PNG has no quality");
        assertTrue(img.optimizedInfoProperty().get().startsWith("PNG · 2048 × 1536"));
        img.settings().formatProperty().set("WebP");
        assertTrue(img.optimizedInfoProperty().get().startsWith("WEBP · 2048 × 1536"));
    }

    @Test
    void anEncodingFailureSaysSoAndKeepsTheLastResult() {
        vm.load(photo);
        List<MediaCostRow> rows = List.copyOf(vm.rows());
        byte[] bytes = img.optimizedBytesProperty().get();
        img.settings().formatProperty().set("GIF"); // no encoder for it
        RecordingDialogService.Shown e = dialogs.last("error");
        assertEquals("Could not process the image", e.headline());
        assertTrue(e.detail().startsWith("unsupported output format 'gif'"), e.detail());
        assertTrue(e.detail().endsWith("Choose another format or size; the original file is unchanged."), e.detail());
        assertEquals(rows, vm.rows());
        assertArrayEquals(bytes, img.optimizedBytesProperty().get());
        assertFalse(vm.busyProperty().get());
    }

    @Test
    void cropFromFractionsOfTheOriginalAndReset() {
        vm.load(photo);
        img.settings().presetProperty().set(0);
        img.cropTo(0.5, 0.5, 0, 0); // dragged up and left
        assertEquals(new Crop(0, 0, 1024, 768), img.cropProperty().get());
        assertTrue(img.optimizedInfoProperty().get().startsWith("JPEG · 1024 × 768"));
        assertTrue(img.optimizedInfoProperty().get().endsWith(" · cropped to 1024×768 at (0, 0)"));
        img.cropTo(0.2, 0.2, 0.2, 0.9); // no width: ignored
        assertEquals(new Crop(0, 0, 1024, 768), img.cropProperty().get());
        img.cropTo(0.75, 0.5, 1.5, 1.2); // past the edge: clamped
        assertEquals(new Crop(1536, 768, 512, 768), img.cropProperty().get());
        img.resetCrop();
        assertNull(img.cropProperty().get());
        assertTrue(img.optimizedInfoProperty().get().startsWith("JPEG · 2048 × 1536"));
        assertFalse(img.optimizedInfoProperty().get().contains("cropped"));
    }

    @Test
    void zoomIsSharedClampedAndFits() {
        ZoomModel z = img.zoom();
        assertNull(z.region(1000, 500));
        z.zoomAt(4, 0.05, 0.5);
        assertEquals(4, z.zoom());
        assertEquals(0.125, z.stateProperty().get().cx(), 1e-9); // the shown quarter stays inside the image
        assertArrayEquals(new double[] {0, 187.5, 250, 125}, z.region(1000, 500), 1e-9);
        z.zoomAt(1000, 0.5, 0.5);
        assertEquals(32, z.zoom());
        z.panTo(2, -1);
        assertEquals(1 - 0.5 / 32, z.stateProperty().get().cx(), 1e-9);
        z.fit();
        assertEquals(1, z.zoom());
        z.zoomAt(3, 0.9, 0.9);
        vm.load(photo);
        assertEquals(1, z.zoom(), "a new image is shown whole");
    }

    @Test
    void exportWritesTheOptimizedBytesOrSaysWhyNot() throws Exception {
        vm.load(photo);
        Path out = dir.resolve("photo-optimized.jpg");
        dialogs.answer(out);
        img.exportOptimized();
        assertEquals("photo-optimized.jpg", dialogs.last("saveFile").detail());
        assertArrayEquals(img.optimizedBytesProperty().get(), Files.readAllBytes(out));
        assertEquals("Saved photo-optimized.jpg", dialogs.last("notify").headline());

        dialogs.answer(dir.resolve("no such folder").resolve("x.jpg"));
        img.exportOptimized();
        assertEquals("Could not save x.jpg", dialogs.last("error").headline());
        assertTrue(
                dialogs.last("error").detail().contains("Choose another folder"),
                dialogs.last("error").detail());

        img.exportOptimized(); // cancelled: nothing happens
        assertEquals(1, dialogs.all("error").size());
    }

    @Test
    void theOpenImageGoesToTheLabAsOriginalAndOptimized() throws Exception {
        IllegalStateException none = assertThrows(IllegalStateException.class, vm::experimentMedia);
        assertEquals(MediaViewModel.NO_IMAGE, none.getMessage());
        vm.load(photo);
        img.settings().formatProperty().set("PNG");
        List<ExperimentSpec.MediaSpec> media = vm.experimentMedia();
        assertEquals(
                List.of(
                        ExperimentSpec.MediaSpec.of("photo.png", Files.readAllBytes(photo)),
                        ExperimentSpec.MediaSpec.of(
                                "photo-optimized.png",
                                img.optimizedBytesProperty().get())),
                media);
        Files.delete(photo);
        IllegalStateException gone = assertThrows(IllegalStateException.class, vm::experimentMedia);
        assertTrue(gone.getMessage().startsWith("Cannot read "), gone.getMessage());
        assertTrue(gone.getMessage().endsWith("Open the image in the Media view again."), gone.getMessage());
    }

    @Test
    void whileAFileOpensOrTheOptimizedVersionIsMadeTheViewIsBusy() {
        DirectTaskExecutor held = DirectTaskExecutor.held();
        MediaViewModel m = new MediaViewModel(new UiContext(held, dialogs), () -> CATALOG);
        m.load(photo);
        assertTrue(m.busyProperty().get());
        assertEquals(
                MediaViewModel.NO_IMAGE,
                assertThrows(IllegalStateException.class, m::experimentMedia).getMessage());
        held.runPending();
        assertFalse(m.busyProperty().get());
        byte[] at85 = m.image().optimizedBytesProperty().get();
        m.image().settings().qualityProperty().set(50);
        m.image().settings().qualityProperty().set(40);
        assertTrue(m.busyProperty().get());
        held.runPending();
        assertFalse(m.busyProperty().get());
        assertTrue(m.image().optimizedBytesProperty().get().length < at85.length);
        assertTrue(held.unhandled().isEmpty());
        m.close();
    }
}
