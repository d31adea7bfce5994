// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.lab.stats.Check;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.store.H2LabStore;
import dev.costbench.ui.FxTest;
import dev.costbench.ui.common.FxTaskExecutor;
import dev.costbench.ui.common.RecordingDialogService;
import dev.costbench.ui.common.UiContext;
import java.io.File;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
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
 * The A/B lab's LLM judge and the editable checks end to end, over a real H2 store and a fake provider: the judge
 * switched on in the setup, the checks editor refusing a bad regex and Apply, the Judge dialog's buttons.
 * {@code -Dcostbench.screenshot.dir=/tmp} saves pictures of the views.
 */
@FxTest
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class LabJudgeTest {

    private H2LabStore store;
    private Stage stage;
    private FxTaskExecutor tasks;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final List<ChatRequest> sent = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage s) throws Exception {
        stage = s;
        store = H2LabStore.open(Files.createTempDirectory("costbench-lab-judge"));
        tasks = new FxTaskExecutor((job, x) -> dialogs.error(job, x.toString()));
        s.setScene(new Scene(new Label("…"), 1500, 950));
        s.show();
    }

    @AfterEach
    void close() {
        tasks.close();
        store.close();
    }

    private LabView view(FxRobot robot) {
        LabView v = new LabView(new LabViewModel(
                new UiContext(tasks, dialogs),
                () -> store,
                () -> LabFixtures.CATALOG,
                LabFixtures.answering(sent),
                () -> new String[] {"sys", "user"},
                null));
        robot.interact(() -> stage.getScene().setRoot(v));
        return v;
    }

    @Test
    void theJudgeSwitchedOnInTheSetupIsEstimatedAndRunAfterTheTrials(FxRobot robot) throws Exception {
        LabView v = view(robot);
        SetupViewModel setup = v.viewModel().setup();
        robot.interact(() -> {
            v.showSetup();
            setup.checkedModels().setAll("gpt-4o-mini");
        });
        // the setup's form is found once its scroll pane has been laid out (a pulse after it was shown)
        robot.interact(() -> ((TitledPane) robot.lookup("#setup-judge").query()).setExpanded(true));
        robot.interact(
                () -> robot.lookup("#setup-judge-on").queryAs(CheckBox.class).fire());
        fire(robot, "#lab-estimate");
        String judgeEstimate =
                robot.lookup("#lab-judge-estimate").queryLabeled().getText();
        assertTrue(
                judgeEstimate.startsWith("Then the judge $") && judgeEstimate.contains("18 calls to gpt-4o-mini"),
                judgeEstimate + " / " + setup.errorProperty().get());
        shot(robot, v, "judge-setup.png");
        fire(robot, "#lab-run");
        WaitForAsyncUtils.waitFor(
                60,
                TimeUnit.SECONDS,
                () -> setup.runModel().finishedProperty().get() != null
                        && v.viewModel().results().resultsProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(36, sent.size(), "18 trials, each output judged once");
        String spend = robot.lookup("#lab-spend").queryLabeled().getText();
        assertTrue(spend.contains(" · judge $") && spend.contains("18 scored"), spend);
        shot(robot, v, "judge-results.png");
    }

    /** The lab showing the results of a finished experiment whose short variant answers less warmly. */
    private LabView showingFinished(FxRobot robot) throws Exception {
        long id = LabFixtures.finished(store, 4, "We are very sorry; it ships tomorrow.", "It ships on Monday.");
        LabView v = view(robot);
        robot.interact(() -> v.viewModel().select(id));
        WaitForAsyncUtils.waitFor(
                15,
                TimeUnit.SECONDS,
                () -> v.viewModel().results().resultsProperty().get() != null);
        return v;
    }

    @Test
    void theChecksEditorRefusesABadRegexAndApplyRecomputes(FxRobot robot) throws Exception {
        LabView v = showingFinished(robot);
        ResultsViewModel results = v.viewModel().results();
        robot.interact(() -> ((TitledPane) robot.lookup("#results-quality").query()).setExpanded(true));
        robot.interact(() ->
                ((ComboBox<Check.Kind>) robot.lookup("#results-check-kind").query()).setValue(Check.Kind.REGEX));
        robot.clickOn("#results-check-arg").write("(order");
        fire(robot, "#results-check-add");
        assertTrue(
                robot.lookup("#results-check-error")
                        .queryLabeled()
                        .getText()
                        .startsWith("Not added: invalid " + "regex"),
                robot.lookup("#results-check-error").queryLabeled().getText());
        robot.doubleClickOn("#results-tolerance").write("100");
        fire(robot, "#results-apply");
        WaitForAsyncUtils.waitFor(
                15,
                TimeUnit.SECONDS,
                () -> !results.verdicts().isEmpty()
                        && results.verdicts().get(0).text().contains("Adopt"));
        robot.doubleClickOn("#results-tolerance").write("lots");
        fire(robot, "#results-apply");
        assertTrue(
                robot.lookup("#results-quality-error").queryLabeled().getText().contains("must be numbers"));
    }

    @Test
    void theJudgeDialogScoresAStoredExperiment(FxRobot robot) throws Exception {
        LabView v = showingFinished(robot);
        ResultsViewModel results = v.viewModel().results();
        robot.clickOn("#lab-judge");
        WaitForAsyncUtils.waitFor(
                15,
                TimeUnit.SECONDS,
                () -> robot.lookup("#judge-estimate").tryQuery().isPresent()
                        && !robot.lookup("#judge-estimate")
                                .queryLabeled()
                                .getText()
                                .isEmpty());
        String est = robot.lookup("#judge-estimate").queryLabeled().getText();
        assertTrue(est.startsWith("Estimated cost: judge $") && est.contains("8 calls to gpt-4o-mini"), est);
        fire(robot, "#judge-start");
        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.SECONDS,
                () -> results.judgingProperty().get().resultProperty().get() != null);
        WaitForAsyncUtils.waitFor(
                15, TimeUnit.SECONDS, () -> results.spendProperty().get().contains("8 scored"));
        assertEquals(8, store.judgeScores(results.current().id()).size());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#judge-progress-text").queryLabeled().getText().startsWith("scored 8 outputs"));
        robot.interact(
                () -> robot.listTargetWindows().stream().filter(w -> w != stage).forEach(Window::hide));
    }

    private static void shot(FxRobot robot, Node node, String name) throws Exception {
        String dir = System.getProperty("costbench.screenshot.dir");
        if (dir != null) {
            WaitForAsyncUtils.waitForFxEvents();
            var img = robot.capture(node).getImage();
            ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", new File(dir, name));
        }
    }

    /** Presses a button as a click would, wherever it is laid out (the test screen may be smaller than the window). */
    private static void fire(FxRobot robot, String id) {
        robot.interact(() -> robot.lookup(id).queryAs(ButtonBase.class).fire());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
