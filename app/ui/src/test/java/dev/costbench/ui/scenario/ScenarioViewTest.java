// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.ui.FxTest;
import dev.costbench.ui.common.FxTaskExecutor;
import dev.costbench.ui.common.RecordingDialogService;
import dev.costbench.ui.common.UiContext;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Real clicks in the scenario planner, on the real task executor: a lever toggled, a wrong volume typed, a second
 * scenario compared, a lever added from the menu. The figures themselves are checked in {@link ScenarioViewModelTest}.
 */
@FxTest
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ScenarioViewTest {

    private static final Catalog CATALOG = CatalogBuilder.builtIn();
    private FxTaskExecutor tasks;
    private ScenarioViewModel vm;

    @Start
    void start(Stage stage) {
        tasks = new FxTaskExecutor((job, e) -> {
            throw new AssertionError(job, e);
        });
        vm = new ScenarioViewModel(
                new UiContext(tasks, new RecordingDialogService()), () -> CATALOG, () -> null, f -> Optional.empty());
        stage.setScene(new Scene(new ScenarioView(vm), 1500, 950));
        stage.show();
    }

    @AfterEach
    void tearDown() {
        vm.close();
        tasks.close();
    }

    private static void await(Supplier<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> condition.get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Toggles a lever's check box as a click does. Not a mouse click: the lever list sits under the request form, and
     * under load a layout pass could move the box between computing the click's point and the click (CI saw the
     * click miss); the keyboard and mouse paths stay covered by the volume field below and the other tests.
     */
    private static void toggle(FxRobot robot, String id) {
        CheckBox box = robot.lookup(id).queryAs(CheckBox.class);
        robot.interact(box::fire);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void togglingALeverAndTypingAWrongVolume(FxRobot robot) throws Exception {
        await(() -> text(robot, "#scenario-totals").startsWith("Monthly $135,000.00 → $4,680.00"));
        assertEquals("saves $4,680.00/mo", text(robot, "#lever-saving-batch-api"));

        toggle(robot, "#lever-batch-api");
        await(() -> text(robot, "#scenario-totals").startsWith("Monthly $135,000.00 → $9,360.00"));
        assertEquals("off", text(robot, "#lever-saving-batch-api"));
        toggle(robot, "#lever-batch-api");
        await(() -> text(robot, "#scenario-totals").startsWith("Monthly $135,000.00 → $4,680.00"));
        assertTrue(robot.lookup("#lever-batch-api").queryAs(CheckBox.class).isSelected());

        TextField volume = robot.lookup("#field-volume").queryAs(TextField.class);
        robot.doubleClickOn(volume)
                .push(KeyCode.END)
                .push(KeyCode.SHIFT, KeyCode.HOME)
                .write("-5");
        VBox errors = robot.lookup("#scenario-errors").queryAs(VBox.class);
        await(() -> !errors.getChildren().isEmpty());
        assertTrue(volume.getStyle().contains("c0392b"), "the wrong field is marked");
        assertTrue(
                text(robot, "#scenario-totals").startsWith("Monthly $135,000.00 → $4,680.00"),
                "the last valid figures stay");
        robot.push(KeyCode.END).push(KeyCode.SHIFT, KeyCode.HOME).write("50000");
        await(() -> errors.getChildren().isEmpty());
        assertEquals("", volume.getStyle());
        assertEquals(
                "50000",
                vm.scenario().workload().requestTypes().get(0).volume().amount().toPlainString());
    }

    @Test
    void comparingAndAddingALeverFromTheMenu(FxRobot robot) throws Exception {
        await(() -> !text(robot, "#scenario-totals").isEmpty());
        ComboBox<?> compare = robot.lookup("#scenario-compare").queryAs(ComboBox.class);
        robot.clickOn(compare)
                .clickOn("Support tickets — one million a month, each with an image and a voice note (sample)");
        await(() -> robot.lookup("#compare-waterfall").tryQuery().isPresent());
        await(() -> vm.results().compareTotalsProperty().get().startsWith("“Support tickets"));
        robot.clickOn("#scenario-compare-close");
        await(() -> robot.lookup("#compare-waterfall").tryQuery().isEmpty());
        assertEquals(null, compare.getValue());

        // the levers are below the form: scroll down to them first
        robot.interact(
                () -> robot.lookup(".scroll-pane").queryAs(ScrollPane.class).setVvalue(1));
        robot.clickOn("#add-lever").clickOn("Prompt caching");
        await(() -> robot.lookup("#lever-prompt-caching-4").tryQuery().isPresent());
        assertTrue(robot.lookup("#slider-prompt-caching-4").tryQuery().isPresent());
        await(() -> !text(robot, "#lever-saving-prompt-caching-4").isEmpty());
    }
}
