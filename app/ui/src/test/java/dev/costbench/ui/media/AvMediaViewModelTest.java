// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.media.Av;
import dev.costbench.ui.common.DirectTaskExecutor;
import dev.costbench.ui.common.RecordingDialogService;
import dev.costbench.ui.common.UiContext;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Audio and video in the Media view without a display: analysis, strategies, trimming, exports, cancel, failures. */
class AvMediaViewModelTest extends MediaViewModelTestBase {

    @TempDir
    static Path media;

    private static Path clip;
    private static Path talk;

    private AvMediaViewModel av;

    @BeforeAll
    static void makeMedia() throws Exception {
        clip = MediaFiles.clip(media);
        talk = MediaFiles.talk(media);
    }

    @BeforeEach
    void setUp() {
        av = vm.av();
    }

    @Test
    void videoStrategiesArePricedAndTheirFramesExported() throws Exception {
        vm.load(clip);
        assertTrue(vm.avModeProperty().get());
        assertTrue(av.videoProperty().get());
        assertFalse(av.busyProperty().get());
        // baseline: Gemini's native 1 fps sampling, 8 frames, no audio track
        assertEquals(8 * 258, row("gemini-2.5-flash").originalTokens());
        assertEquals(8 * 258, row("gemini-2.5-flash").optimizedTokens()); // uniform 1 fps by default
        assertEquals(0, row("gemini-2.5-flash").savingPercent(), 0.01);
        assertTrue(
                av.infoProperty().get().startsWith("clip.mp4 · 8.0 s · "),
                av.infoProperty().get());
        assertTrue(
                av.infoProperty().get().contains(" · 80 frames, 1 scene cut(s)"),
                av.infoProperty().get());
        assertEquals(8, av.thumbnails().items().size());

        av.settings().strategyProperty().set(AvSettings.STRATEGIES.indexOf("Scene change"));
        assertEquals(2 * 258, row("gemini-2.5-flash").optimizedTokens());
        assertEquals(2 * 255, row("gpt-4o").optimizedTokens());
        assertEquals(75, row("gemini-2.5-flash").savingPercent(), 0.5);
        assertEquals(2, av.thumbnails().items().size());
        assertTrue(
                vm.summaryProperty().get().startsWith("baseline 1 fps (8 frames, Gemini's default) → "),
                vm.summaryProperty().get());
        assertTrue(
                vm.summaryProperty().get().endsWith(" per 1,000 files"),
                vm.summaryProperty().get());

        // frames sent smaller: 320×240 → 360p keeps the source (already smaller); the figures do not change
        av.settings().frameSizeProperty().set(AvSettings.FRAME_SIZES.indexOf("360p"));
        assertEquals(2 * 255, row("gpt-4o").optimizedTokens());

        av.settings().strategyProperty().set(0); // every frame, capped
        av.settings().maxFramesProperty().set("30");
        assertEquals(30 * 258, row("gemini-2.5-flash").optimizedTokens());
        assertEquals(AvThumbnails.MAX, av.thumbnails().items().size());
        assertEquals(6, av.thumbnails().moreProperty().get());
        av.settings().maxFramesProperty().set("many"); // unreadable: no cap
        assertEquals(80 * 258, row("gemini-2.5-flash").optimizedTokens());

        av.settings().strategyProperty().set(AvSettings.STRATEGIES.indexOf("Scene change"));
        Path frames = dir.resolve("frames");
        dialogs.answer(frames);
        av.exportFrames();
        assertEquals(
                "Export the chosen frames to a folder",
                dialogs.last("chooseFolder").headline());
        try (Stream<Path> l = Files.list(frames)) {
            assertEquals(2, l.count());
        }
        assertTrue(
                av.infoProperty().get().endsWith(" · exported 2 frames to " + frames),
                av.infoProperty().get());
        assertTrue(dialogs.all("error").isEmpty(), dialogs.shown().toString());
        assertEquals(
                MediaViewModel.NO_IMAGE,
                assertThrows(IllegalStateException.class, vm::experimentMedia).getMessage());
    }

    @Test
    void audioIsPricedBeforeAndAfterCuttingSilencesNextToTranscription() throws Exception {
        vm.load(talk);
        assertFalse(av.videoProperty().get());
        assertEquals(160, row("gemini-2.5-flash").originalTokens()); // 5 s × 32
        assertEquals(128, row("gemini-2.5-flash").optimizedTokens(), 2); // 4 s once the 1 s silence is cut
        assertTrue(row("gemini-2.5-flash").savingPercent() > 15);
        // per-minute transcription next to native audio: whisper-1 $0.006/min, billed to the second
        assertEquals(0, new BigDecimal("0.0005").compareTo(row("whisper-1").originalUsd()));
        assertEquals(0, new BigDecimal("0.0004").compareTo(row("whisper-1").optimizedUsd()));
        assertEquals(-1, row("whisper-1").optimizedTokens());
        assertTrue(row("gpt-4o-transcribe").unconfirmed(), "token-billed transcription stays UNCONFIRMED");
        assertEquals(1, av.audioProperty().get().silences().size());
        assertTrue(
                vm.summaryProperty().get().startsWith("16 kHz mono, silences cut: 4."),
                vm.summaryProperty().get());

        Path out = dir.resolve("talk-16k-trimmed.wav");
        dialogs.answer(out);
        av.exportAudio();
        assertEquals("talk-16k-trimmed.wav", dialogs.last("saveFile").detail());
        assertEquals(44 + 2 * 16_000 * 4, Files.size(out), 2 * 1600);

        av.exportAudioTo(dir.resolve("no such folder").resolve("x.wav"));
        assertEquals(
                "Could not export the audio to x.wav", dialogs.last("error").headline());
        assertTrue(
                dialogs.last("error")
                        .detail()
                        .endsWith("Choose another place (one you can write to, with room) " + "and export again."),
                dialogs.last("error").detail());
        assertFalse(av.busyProperty().get());
        dialogs.shown().clear();

        av.settings().trimProperty().set(false);
        assertEquals(160, row("gemini-2.5-flash").optimizedTokens());
        av.settings().silenceDbProperty().set(-20); // the tones are louder: still one silence
        assertEquals(1, av.audioProperty().get().silences().size());
        var analysed = av.audioProperty().get();
        av.settings().minGapProperty().set(2); // analysed again
        assertNotSame(analysed, av.audioProperty().get());
        assertTrue(dialogs.all("error").isEmpty(), dialogs.shown().toString());
    }

    @Test
    void anAnalysisInFlightShowsProgressAndCanBeCancelled() throws Exception {
        DirectTaskExecutor held = DirectTaskExecutor.held();
        AvMediaViewModel a = new AvMediaViewModel(new UiContext(held, dialogs), () -> CATALOG, new PricingChoices());
        a.show(new MediaLoader.AvFile(clip, Av.probe(clip)));
        assertTrue(a.busyProperty().get(), "progress bar and Cancel show");
        a.cancel();
        held.runPending();
        assertFalse(a.busyProperty().get());
        assertTrue(
                a.infoProperty().get().endsWith(" · analysis cancelled"),
                a.infoProperty().get());
        assertTrue(a.rows().isEmpty());
        assertTrue(dialogs.shown().isEmpty(), dialogs.shown().toString());
        a.close();
    }

    @Test
    void aFileThatVanishesBeforeItsAnalysisSaysSoAndKeepsTheFiguresShown() throws Exception {
        Path copy = Files.copy(talk, dir.resolve("copy.wav"));
        vm.load(copy);
        var before = List.copyOf(vm.rows());
        Files.delete(copy);
        av.settings().silenceDbProperty().set(-30);
        RecordingDialogService.Shown e = dialogs.last("error");
        assertEquals("Cannot analyse copy.wav", e.headline());
        assertTrue(e.detail().contains("The figures shown are unchanged"), e.detail());
        assertEquals(before, vm.rows());
        assertFalse(av.busyProperty().get());
    }

    @Test
    void playbackPlaysOrSaysThereIsNoAudioOutput() {
        vm.load(talk);
        av.play(true);
        boolean played = av.infoProperty().get().endsWith(" · playing trimmed");
        RecordingDialogService.Shown e = dialogs.last("error");
        assertTrue(
                played
                        || e != null
                                && e.headline().equals("Cannot play audio")
                                && e.detail().endsWith("Export the WAV and play it in another program."),
                dialogs.shown().toString());
        av.stopPlayback();
    }

    @Test
    void anImageAfterAudioShowsTheImageAgain() throws Exception {
        vm.load(talk);
        assertTrue(vm.avModeProperty().get());
        vm.load(MediaFiles.photo(dir));
        assertFalse(vm.avModeProperty().get());
        assertEquals(2, vm.experimentMedia().size());
        assertTrue(vm.summaryProperty().get().contains("models take images"));
    }
}
