// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import dev.costbench.store.H2LabStore;
import dev.costbench.ui.common.FxTaskExecutor;
import dev.costbench.ui.common.RecordingDialogService;
import dev.costbench.ui.common.UiContext;
import dev.costbench.ui.lab.LabView;
import dev.costbench.ui.lab.LabViewModel;
import dev.costbench.ui.lab.TwoRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
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
 * The History part of the A/B lab end to end: compare two runs with the keyboard shortcut, re-price one in its
 * window, delete a trial from the outputs' menu. The view models' tests cover import, export and the numbers.
 */
@FxTest
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class LabHistoryTest {

    private H2LabStore store;
    private LabView view;
    private FxTaskExecutor tasks;
    private final RecordingDialogService dialogs = new RecordingDialogService();

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("costbench-lab-history");
        store = H2LabStore.open(dir.resolve("data"));
        TwoRuns.importInto(store);
        // the app's theme: it fixes cell heights, which the multi-line cells must override
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        tasks = new FxTaskExecutor((job, x) -> dialogs.error(job, x.toString()));
        view = new LabView(new LabViewModel(new UiContext(tasks, dialogs), () -> store));
        stage.setScene(new Scene(view, 1500, 950));
        stage.show();
    }

    @AfterEach
    void close() {
        tasks.close();
        store.close();
        Platform.runLater(() -> Application.setUserAgentStylesheet(null));
    }

    private static void shot(FxRobot robot, Node node, String name) throws Exception {
        String d = System.getProperty("costbench.screenshots");
        if (d != null) { // pictures for the developer (mvn -Dcostbench.screenshots=/tmp/shots)
            var img = robot.capture(node).getImage();
            ImageIO.write(
                    SwingFXUtils.fromFXImage(img, null), "png", Path.of(d, name).toFile());
        }
    }

    @Test
    void compareRepriceAndDeleteATrial(FxRobot robot) throws Exception {
        LabViewModel vm = view.viewModel();
        assertEquals(2, vm.history().shown().size());
        // compare: Ctrl+click both runs, then the keyboard shortcut
        robot.clickOn(robot.lookup("#lab-history .list-cell").nth(0).queryAs(Node.class));
        robot.press(KeyCode.CONTROL)
                .clickOn(robot.lookup("#lab-history .list-cell").nth(1).queryAs(Node.class))
                .release(KeyCode.CONTROL);
        assertEquals(2, vm.history().selection().size());
        assertFalse(robot.lookup("#lab-compare-button").query().isDisabled(), "Compare is enabled");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(
                15, TimeUnit.SECONDS, () -> vm.compare().shownProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#lab-compare").query().isVisible());
        assertTrue(
                robot.lookup("#lab-compare-table .table-row-cell").queryAll().stream()
                        .anyMatch(n -> !((TableRow<?>) n).isEmpty()),
                "the rows are shown");
        shot(robot, view, "history-compare.png");

        // re-price today's run: its window names the retired model
        robot.interact(() -> vm.select(2));
        robot.clickOn("#lab-reprice-button");
        WaitForAsyncUtils.waitFor(
                15,
                TimeUnit.SECONDS,
                () -> robot.lookup("#lab-reprice-missing").tryQuery().isPresent());
        assertTrue(robot.lookup("#lab-reprice-missing").queryLabeled().getText().contains("gpt-4-0314-retired"));
        assertEquals(
                4,
                robot.lookup("#lab-reprice-table").queryTableView().getItems().size());
        shot(robot, robot.lookup("#lab-reprice").query(), "history-reprice.png");
        robot.interact(() -> robot.listTargetWindows().stream()
                .filter(w -> w != view.getScene().getWindow())
                .forEach(Window::hide));

        // delete one trial of today's run from the outputs view; the summary recomputes
        WaitForAsyncUtils.waitFor(
                15, TimeUnit.SECONDS, () -> vm.results().resultsProperty().get() != null);
        robot.interact(() -> robot.lookup(".tab-pane")
                .queryAs(TabPane.class)
                .getSelectionModel()
                .select(1));
        WaitForAsyncUtils.waitForFxEvents();
        dialogs.answer(true);
        robot.clickOn("#lab-delete-trial");
        robot.clickOn("Delete the optimized variant's trial…");
        WaitForAsyncUtils.waitFor(
                15,
                TimeUnit.SECONDS,
                () -> vm.results().resultsProperty().get() != null
                        && vm.results().resultsProperty().get().summaries().stream()
                                        .mapToInt(s -> s.succeeded())
                                        .sum()
                                == 39);
        assertNotNull(dialogs.last("confirm"));
        assertEquals(39, store.trials(2).size());
    }
}
