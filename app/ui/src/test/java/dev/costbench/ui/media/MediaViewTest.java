// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.ui.FxTest;
import dev.costbench.ui.common.FxTaskExecutor;
import dev.costbench.ui.common.RecordingDialogService;
import dev.costbench.ui.common.UiContext;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Media view on screen, end to end: real clicks on its controls, zoom by scrolling, crop by dragging, the frame
 * strip. What it computes is tested without a display in the *ViewModelTest classes.
 */
@FxTest
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class MediaViewTest {

    private static final Catalog CATALOG = CatalogBuilder.builtIn();

    @TempDir
    Path dir;

    private final RecordingDialogService dialogs = new RecordingDialogService();
    private FxTaskExecutor tasks;
    private MediaViewModel vm;

    @Start
    void start(Stage stage) {
        tasks = new FxTaskExecutor((job, e) -> dialogs.error(job, UiContext.describe(e)));
        vm = new MediaViewModel(new UiContext(tasks, dialogs), () -> CATALOG);
        stage.setScene(new Scene(new MediaView(vm), 1400, 900));
        stage.show();
    }

    @AfterEach
    void close() {
        vm.close();
        tasks.close();
    }

    private MediaCostRow row(String id) {
        return vm.rows().stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    }

    private static void await(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private boolean tokens(String id, long optimized) {
        MediaCostRow r = row(id);
        return !vm.busyProperty().get() && r != null && r.optimizedTokens() == optimized;
    }

    /** True when the node and all its parents are visible. */
    private static boolean shown(FxRobot robot, String id) {
        for (Node n = robot.lookup(id).query(); n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private List<ImageView> zoomed(FxRobot robot) {
        return List.copyOf(robot.lookup(n -> n instanceof ImageView v && v.getViewport() != null)
                .queryAllAs(ImageView.class));
    }

    @Test
    void anImageIsPricedZoomedAndCroppedWithTheMouse(FxRobot robot) throws Exception {
        Path photo = MediaFiles.photo(dir);
        robot.interact(() -> vm.load(photo));
        await(() -> tokens("gpt-4o", 765));
        Label opt = robot.lookup("#optimized-info").queryAs(Label.class);
        assertTrue(opt.getText().contains("1024 × 768"), opt.getText());
        assertTrue(robot.lookup("#media-summary").queryLabeled().getText().contains("models take images"));

        robot.clickOn("#long-edge").clickOn("Classification — 256 px");
        await(() -> tokens("gpt-4o", 255)); // 256×192: one tile
        assertTrue(opt.getText().contains("256 × 192"), opt.getText());

        // zoom together: scrolling over the optimized image zooms both, to the same part of the picture
        robot.moveTo(opt).moveBy(0, -80).scroll(5, VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(
                vm.image().zoom().zoom() > 1.2, "zoomed: " + vm.image().zoom().zoom());
        List<ImageView> views = zoomed(robot);
        assertEquals(2, views.size(), "both images zoomed");
        Rectangle2D a = views.get(0).getViewport();
        Rectangle2D b = views.get(1).getViewport();
        assertEquals(a.getMinX() / a.getWidth(), b.getMinX() / b.getWidth(), 0.01, "same region");
        robot.moveTo(robot.lookup("#original-info").queryAs(Label.class))
                .moveBy(0, -80)
                .doubleClickOn(MouseButton.PRIMARY);
        assertEquals(1, vm.image().zoom().zoom(), "double-click fits again");
        assertTrue(zoomed(robot).isEmpty());

        // crop: drag across the original
        Node original = robot.lookup("#original-info").query();
        robot.moveTo(original)
                .moveBy(-60, -200)
                .press(MouseButton.PRIMARY)
                .moveBy(120, 90)
                .release(MouseButton.PRIMARY);
        await(() ->
                vm.image().cropProperty().get() != null && !vm.busyProperty().get());
        assertNotNull(vm.image().cropProperty().get());
        assertTrue(opt.getText().contains("cropped to "), opt.getText());
        robot.clickOn("Reset crop");
        await(() -> !opt.getText().contains("cropped") && !vm.busyProperty().get());
        assertTrue(dialogs.all("error").isEmpty(), dialogs.shown().toString());
    }

    @Test
    void videoShowsItsFrameStripAndAudioItsOwnControls(FxRobot robot) throws Exception {
        Path clip = MediaFiles.clip(dir);
        robot.interact(() -> vm.load(clip));
        await(() -> tokens("gemini-2.5-flash", 8 * 258));
        assertFalse(shown(robot, "#long-edge"), "no image controls for video");
        assertFalse(shown(robot, "#trim-silence"));
        robot.clickOn("#strategy").clickOn("Scene change");
        await(() -> tokens("gemini-2.5-flash", 2 * 258));
        await(() ->
                robot.lookup("#frame-strip").queryAs(HBox.class).getChildren().size() == 2);

        Path talk = MediaFiles.talk(dir);
        robot.interact(() -> vm.load(talk));
        await(() ->
                tokens("gemini-2.5-flash", 128) || tokens("gemini-2.5-flash", 127) || tokens("gemini-2.5-flash", 129));
        assertTrue(shown(robot, "#trim-silence"));
        assertFalse(shown(robot, "#strategy"));
        robot.clickOn("#trim-silence");
        await(() -> tokens("gemini-2.5-flash", 160)); // nothing cut: 5 s × 32
        assertTrue(robot.lookup("#av-info").queryLabeled().getText().startsWith("talk.wav · 5.0 s"));
        assertTrue(dialogs.all("error").isEmpty(), dialogs.shown().toString());
    }
}
