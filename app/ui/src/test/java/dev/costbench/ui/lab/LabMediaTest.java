// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.store.H2LabStore;
import dev.costbench.ui.FxTest;
import dev.costbench.ui.common.DirectTaskExecutor;
import dev.costbench.ui.common.RecordingDialogService;
import dev.costbench.ui.common.UiContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Button;
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

/**
 * Images in A/B variants on screen: a thumbnail per file with its input tokens on each checked model (a model that
 * takes no images says so), "Attach image…" through the dialog service, the ✕ button. The view models' tests cover
 * the estimate and the run. {@code -Dcostbench.screenshot.dir=/tmp} saves a picture of the setup.
 */
@FxTest
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class LabMediaTest {

    private H2LabStore store;
    private LabView view;
    private Path dir;
    private final RecordingDialogService dialogs = new RecordingDialogService();

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("costbench-lab-media");
        store = H2LabStore.open(dir.resolve("db"));
        view = new LabView(new LabViewModel(
                new UiContext(new DirectTaskExecutor(), dialogs),
                () -> store,
                () -> LabFixtures.CATALOG,
                LabFixtures.answering(new ArrayList<>()),
                () -> new String[] {"s", "u"},
                null));
        stage.setScene(new Scene(view, 1400, 1000));
        stage.show();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void anAttachedImageShowsItsTokensPerModelAndIsRemoved(FxRobot robot) throws Exception {
        SetupViewModel setup = view.viewModel().setup();
        // o3-mini after gpt-4o-mini: ControlsFX once reported that pair as [null, gpt-4o-mini]
        robot.interact(() -> {
            view.showSetup();
            setup.checkedModels().setAll("gpt-4o-mini", "claude-haiku-4-5", "o3-mini");
        });
        dialogs.answer(List.of(LabFixtures.image(dir, "receipt-2048.png")));
        robot.interact(() -> robot.lookup("#lab-base-attach").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Attach image", dialogs.last("openFiles").headline());
        assertEquals(1, robot.lookup("#lab-base-media .media-thumb").queryAll().size());
        String caption =
                robot.lookup("#lab-base-media .media-caption").queryLabeled().getText();
        assertTrue(caption.startsWith("receipt-2048.png · 1536×2048 · 42 KB\n"), caption);
        // OpenAI tiles at gpt-4o-mini's rates: 2833 + 4 × 5667; Anthropic 28-px patches within the 1568 budget
        assertTrue(
                caption.contains("gpt-4o-mini 25,501 tok")
                        && caption.contains("claude-haiku-4-5 1,564 tok")
                        && caption.contains("o3-mini: takes no images"),
                caption);
        screenshot(robot, "lab-media-setup.png");
        robot.interact(() -> robot.lookup("#lab-base-media .button")
                .match(n -> "✕".equals(((Button) n).getText()))
                .queryButton()
                .fire());
        assertTrue(setup.variants().baselineMedia().isEmpty());
        assertEquals(0, robot.lookup("#lab-base-media .media-thumb").queryAll().size());
        robot.interact(() -> robot.lookup("#lab-from-media").queryButton().fire());
        assertEquals(
                "The Media view is not available here.",
                robot.lookup("#lab-error").queryLabeled().getText());
    }

    private void screenshot(FxRobot robot, String name) throws Exception {
        String d = System.getProperty("costbench.screenshot.dir");
        if (d != null) {
            var img = robot.capture(view).getImage();
            ImageIO.write(
                    SwingFXUtils.fromFXImage(img, null), "png", Path.of(d, name).toFile());
        }
    }
}
