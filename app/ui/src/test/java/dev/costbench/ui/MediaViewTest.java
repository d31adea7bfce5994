// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.ui.media.MediaCostRow;
import dev.costbench.ui.media.MediaView;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Opens an image in the Media view, checks tokens and cost, moves the quality slider and the size preset. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class MediaViewTest {

    private static final Catalog CATALOG = CatalogBuilder.builtIn();
    private MediaView view;

    @Start
    void start(Stage stage) {
        view = new MediaView(() -> CATALOG);
        stage.setScene(new Scene(view, 1400, 900));
        stage.show();
    }

    @AfterEach
    void close() {
        view.close();
    }

    private MediaCostRow row(String id) {
        return view.rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    private void waitForNewResult(long after) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.generation() > after);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void imageTokensAndCostsFollowTheControls(FxRobot robot) throws Exception {
        BufferedImage img = new BufferedImage(2048, 1536, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        Random r = new Random(5);
        for (int i = 0; i < 300; i++) {
            g.setColor(new Color(r.nextInt(0xffffff)));
            g.fillRect(r.nextInt(2048), r.nextInt(1536), 5 + r.nextInt(200), 5 + r.nextInt(200));
        }
        g.dispose();
        Path f = Files.createTempFile("costbench-media", ".png");
        ImageIO.write(img, "png", f.toFile());

        robot.interact(() -> view.load(f));
        waitForNewResult(0);
        assertEquals(765, row("gpt-4o").originalTokens()); // 2048×1536 → 1024×768 → 4 tiles
        assertEquals(765, row("gpt-4o").optimizedTokens()); // OCR preset: 1024×768, same tiles
        assertEquals(516, row("gemini-2.5-flash").optimizedTokens()); // 2 tiles of 768 px
        Label opt = robot.lookup("#optimized-info").queryAs(Label.class);
        assertTrue(opt.getText().contains("1024 × 768"), opt.getText());

        long g1 = view.generation();
        byte[] before = view.optimizedBytes();
        robot.interact(() -> view.qualitySlider().setValue(20));
        waitForNewResult(g1);
        assertTrue(view.optimizedBytes().length < before.length, "lower quality, fewer bytes");

        long g2 = view.generation();
        robot.interact(() -> view.presetBox().getSelectionModel().select(3)); // classification, 256 px
        waitForNewResult(g2);
        assertEquals(255, row("gpt-4o").optimizedTokens()); // 256×192: one tile
        assertEquals(258, row("gemini-2.5-flash").optimizedTokens());
        assertTrue(row("gpt-4o").savingPercent() > 60);
        assertNotEquals(row("gpt-4o").originalUsd(), row("gpt-4o").optimizedUsd());

        // zoom together: scrolling over the original zooms both, to the same part of the picture
        robot.moveTo(robot.lookup("#optimized-info").queryAs(Label.class)).moveBy(0, -80);
        robot.scroll(5, javafx.geometry.VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.zoom() > 1.2, "zoomed: " + view.zoom());
        javafx.geometry.Rectangle2D a = robot.lookup(n -> n instanceof javafx.scene.image.ImageView
                && ((javafx.scene.image.ImageView) n).getViewport() != null).queryAllAs(javafx.scene.image.ImageView.class)
                .stream().map(javafx.scene.image.ImageView::getViewport).findFirst().orElseThrow();
        var views = robot.lookup(n -> n instanceof javafx.scene.image.ImageView
                && ((javafx.scene.image.ImageView) n).getViewport() != null).queryAllAs(javafx.scene.image.ImageView.class);
        assertEquals(2, views.size(), "both images zoomed");
        for (javafx.scene.image.ImageView v : views) {
            javafx.geometry.Rectangle2D vp = v.getViewport();
            assertEquals(a.getMinX() / 1, vp.getMinX() * (a.getWidth() / vp.getWidth()), 2.0, "same region");
        }
        robot.interact(() -> view.zoomAt(1, 0.5, 0.5));
    }

    @Test
    void aFileThatIsNotAnImageShowsAMessage(FxRobot robot) throws Exception {
        Path f = Files.writeString(Files.createTempFile("costbench-media", ".jpg"), "not an image");
        robot.interact(() -> view.load(f));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup(n -> n instanceof Label && ((Label) n).getText() != null
                        && ((Label) n).getText().contains("is not an image, audio or video file CostBench can read")).tryQuery().isPresent());
        assertEquals(0, view.rows().size());
    }

    private static void ffmpeg(String... args) throws Exception {
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(dev.costbench.media.Av.ffmpegBinary(),
                "-hide_banner", "-loglevel", "error", "-y"));
        cmd.addAll(java.util.Arrays.asList(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor());
    }

    @Test
    void videoStrategiesAndAudioTrimmingAreAnalysedAndPriced(FxRobot robot) throws Exception {
        Path dir = Files.createTempDirectory("costbench-av");
        Path mp4 = dir.resolve("clip.mp4");
        ffmpeg("-f", "lavfi", "-i", "testsrc=size=320x240:rate=10:duration=4", "-f", "lavfi", "-i",
                "smptebars=size=320x240:rate=10:duration=4", "-filter_complex",
                "[0:v][1:v]concat=n=2:v=1:a=0,format=yuv420p[v]", "-map", "[v]", "-c:v", "libopenh264", mp4.toString());
        robot.interact(() -> view.load(mp4));
        waitForNewResult(0);
        // baseline: Gemini's native 1 fps sampling, 8 frames, no audio track
        assertEquals(8 * 258, row("gemini-2.5-flash").originalTokens());
        assertEquals(8 * 258, row("gemini-2.5-flash").optimizedTokens()); // uniform 1 fps by default
        assertEquals(0, row("gemini-2.5-flash").savingPercent(), 0.01);
        long g1 = view.generation();
        robot.interact(() -> view.strategyBox().getSelectionModel().select("Scene change"));
        waitForNewResult(g1);
        assertEquals(2 * 258, row("gemini-2.5-flash").optimizedTokens());
        assertEquals(2 * 255, row("gpt-4o").optimizedTokens());
        assertEquals(75, row("gemini-2.5-flash").savingPercent(), 0.5);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#frame-strip").queryAs(javafx.scene.layout.HBox.class)
                .getChildren().size() == 2);

        // frames sent smaller: 320×240 → 360p keeps the source (already smaller); the figures do not change
        long g3 = view.generation();
        robot.interact(() -> view.avPane().frameSizeBox().getSelectionModel().select("360p"));
        waitForNewResult(g3);
        assertEquals(2 * 255, row("gpt-4o").optimizedTokens());

        Path frames = Files.createDirectory(dir.resolve("frames"));
        robot.interact(() -> view.avPane().exportFramesTo(frames));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            try (var l = Files.list(frames)) {
                return l.count() == 2;
            }
        });

        Path wav = dir.resolve("talk.wav");
        ffmpeg("-f", "lavfi", "-i", "sine=frequency=300:sample_rate=44100:duration=2", "-f", "lavfi", "-i",
                "anullsrc=r=44100:cl=mono:d=1", "-f", "lavfi", "-i", "sine=frequency=500:sample_rate=44100:duration=2",
                "-filter_complex", "[0:a][1:a][2:a]concat=n=3:v=0:a=1", wav.toString());
        long g2 = view.generation();
        robot.interact(() -> view.load(wav));
        waitForNewResult(g2);
        assertEquals(160, row("gemini-2.5-flash").originalTokens()); // 5 s × 32
        assertEquals(128, row("gemini-2.5-flash").optimizedTokens(), 2); // 4 s once the 1 s silence is cut
        assertTrue(row("gemini-2.5-flash").savingPercent() > 15);
        // per-minute transcription next to native audio: whisper-1 $0.006/min, billed to the second
        assertEquals(0, new java.math.BigDecimal("0.0005").compareTo(row("whisper-1").originalUsd()));
        assertEquals(0, new java.math.BigDecimal("0.0004").compareTo(row("whisper-1").optimizedUsd()));
        assertTrue(row("gpt-4o-transcribe").unconfirmed(), "token-billed transcription stays UNCONFIRMED");

        Path out = dir.resolve("talk-16k-trimmed.wav");
        robot.interact(() -> view.avPane().exportAudioTo(out));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Files.exists(out));
        assertEquals(44 + 2 * 16_000 * 4, Files.size(out), 2 * 1600);
    }
}
