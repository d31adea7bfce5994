// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.ui.common.RecordingDialogService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Opening files in the Media view without a display: the chooser, and files that are damaged, empty or huge. */
class MediaViewModelTest extends MediaViewModelTestBase {

    private RecordingDialogService.Shown onlyError() {
        assertEquals(1, dialogs.all("error").size(), dialogs.shown().toString());
        return dialogs.last("error");
    }

    @Test
    void aFileThatIsNotMediaSaysSoAndWhatToDo() throws Exception {
        Path f = Files.writeString(dir.resolve("notes.jpg"), "not an image");
        vm.load(f);
        RecordingDialogService.Shown e = onlyError();
        assertEquals("Cannot open notes.jpg", e.headline());
        assertTrue(
                e.detail().startsWith("notes.jpg is not an image, audio or video file CostBench can read"), e.detail());
        assertTrue(e.detail().endsWith("Convert it to one of those and open it again."), e.detail());
        assertEquals(0, vm.rows().size());
        assertFalse(vm.busyProperty().get());
        assertEquals(
                ImageMediaViewModel.PROMPT, vm.image().originalInfoProperty().get());
    }

    @Test
    void emptyAndMissingFilesSaySo() throws Exception {
        vm.load(Files.createFile(dir.resolve("empty.png")));
        assertEquals("Cannot open empty.png", onlyError().headline());
        assertTrue(
                onlyError().detail().contains("empty.png is empty (0 bytes)"),
                onlyError().detail());
        vm.load(dir.resolve("gone.png"));
        assertEquals("Cannot open gone.png", dialogs.last("error").headline());
        assertTrue(
                dialogs.last("error").detail().contains("gone.png: no such file; check the file"),
                dialogs.last("error").detail());
        assertFalse(vm.busyProperty().get());
    }

    @Test
    void aBadFileAfterAGoodOneLosesNothing() throws Exception {
        Path photo = MediaFiles.photo(dir);
        vm.load(photo);
        List<MediaCostRow> rows = List.copyOf(vm.rows());
        String info = vm.image().originalInfoProperty().get();
        byte[] bytes = vm.image().optimizedBytesProperty().get();
        vm.load(Files.writeString(dir.resolve("broken.webp"), "this is not a picture either"));
        assertEquals("Cannot open broken.webp", onlyError().headline());
        assertEquals(rows, vm.rows());
        assertEquals(info, vm.image().originalInfoProperty().get());
        assertEquals(bytes, vm.image().optimizedBytesProperty().get());
        assertEquals(2, vm.experimentMedia().size(), "the lab still gets the open image");
    }

    @Test
    void aDamagedImageIsPricedFromItsHeaderWithAWarning() throws Exception {
        Path f = MediaFiles.truncated(MediaFiles.photo(dir), dir, 2000);
        vm.load(f);
        RecordingDialogService.Shown w = dialogs.last("warning");
        assertEquals("Tokens from the header only", w.headline());
        assertTrue(w.detail().startsWith("truncated.png could not be decoded"), w.detail());
        assertTrue(dialogs.all("error").isEmpty(), dialogs.shown().toString());
        assertEquals(765, row("gpt-4o").originalTokens()); // 2048×1536 from the header
        assertEquals(765, row("gpt-4o").optimizedTokens()); // 1024×768 by arithmetic
        assertNull(vm.image().optimizedBytesProperty().get(), "nothing to export");
        assertFalse(vm.image().croppableProperty().get());
        assertTrue(vm.image().optimizedInfoProperty().get().startsWith("JPEG · 1024 × 768"));
        IllegalStateException e = assertThrows(IllegalStateException.class, vm::experimentMedia);
        assertTrue(
                e.getMessage().startsWith("The Media view has no optimized version of truncated.png yet"),
                e.getMessage());
    }

    @Test
    void aHugeImageIsPricedFromItsHeaderAndNotDecoded() throws Exception {
        vm.load(MediaFiles.pngHeader(dir, "huge.png", 20_000, 20_000));
        RecordingDialogService.Shown w = dialogs.last("warning");
        assertEquals("Tokens from the header only", w.headline());
        assertTrue(w.detail().contains("CostBench decodes up to 100 megapixels"), w.detail());
        assertTrue(vm.image().originalInfoProperty().get().startsWith("huge.png · PNG · 20000 × 20000"));
        assertTrue(
                vm.image().optimizedInfoProperty().get().startsWith("JPEG · 1024 × 1024"),
                vm.image().optimizedInfoProperty().get());
        assertFalse(vm.rows().isEmpty());
    }

    @Test
    void theChooserOpensTheChosenFileAndCancelDoesNothing() throws Exception {
        vm.chooseFile();
        assertEquals("Open image", dialogs.last("openFile").headline());
        assertEquals(0, vm.rows().size());
        dialogs.answer(MediaFiles.photo(dir));
        vm.chooseFile();
        assertFalse(vm.rows().isEmpty());
        assertEquals(
                List.of("openFile", "openFile"),
                dialogs.shown().stream().map(RecordingDialogService.Shown::kind).toList());
    }
}
