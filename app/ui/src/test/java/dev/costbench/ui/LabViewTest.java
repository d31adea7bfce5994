// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.ExperimentSettings;
import dev.costbench.model.lab.ExperimentStatus;
import dev.costbench.model.lab.NewExperiment;
import dev.costbench.model.lab.NewVariant;
import dev.costbench.model.lab.TrialCell;
import dev.costbench.model.lab.run.ClientSource;
import dev.costbench.store.H2LabStore;
import dev.costbench.ui.common.FxTaskExecutor;
import dev.costbench.ui.common.RecordingDialogService;
import dev.costbench.ui.common.UiContext;
import dev.costbench.ui.lab.LabFixtures;
import dev.costbench.ui.lab.LabView;
import dev.costbench.ui.lab.LabViewModel;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
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
 * The A/B lab end to end over a real H2 store: a click in the history shows the verdict; Run ▶ without keys takes
 * the user to the results, which say why (issue 16). The view models' own tests cover the rest without a display.
 */
@FxTest
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class LabViewTest {

    private H2LabStore store;
    private Stage stage;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private FxTaskExecutor tasks;

    @Start
    void start(Stage s) throws Exception {
        stage = s;
        store = H2LabStore.open(Files.createTempDirectory("costbench-lab-ui"));
        Experiment e = store.createExperiment(new NewExperiment(
                "Verbose vs short support prompt",
                new BigDecimal("5"),
                10,
                ExperimentSettings.defaults(),
                List.of("gpt-4o-mini")));
        long base = store.addVariant(e.id(), new NewVariant("verbose", true, "{}", List.of()))
                .id();
        long opt = store.addVariant(e.id(), new NewVariant("short", false, "{}", List.of()))
                .id();
        long input = store.addInput(e.id(), "ticket 1", Map.of()).id();
        Random r = new Random(1);
        Instant t0 = Instant.parse("2026-11-25T10:00:00Z");
        for (int rep = 1; rep <= 10; rep++) {
            for (long v : new long[] {base, opt}) {
                long in = v == base ? 1200 : 700;
                long out = 100 + r.nextInt(20);
                BigDecimal cost = new BigDecimal(in * 15 + out * 60).movePointLeft(8); // $0.15 / $0.60 per 1M
                store.addTrial(LabFixtures.trial(
                        e.id(),
                        new TrialCell(v, input, "gpt-4o-mini", rep),
                        "h" + v + rep,
                        in,
                        out,
                        cost,
                        800L + r.nextInt(200),
                        "Your order ships tomorrow and arrives in two days.",
                        t0));
            }
        }
        store.setStatus(e.id(), ExperimentStatus.DONE);
        tasks = new FxTaskExecutor((job, x) -> dialogs.error(job, x.toString()));
        s.setScene(new Scene(new Label("…"), 1400, 900));
        s.show();
    }

    @AfterEach
    void close() {
        tasks.close();
        store.close();
    }

    private LabView show(FxRobot robot, ClientSource clients) {
        LabViewModel vm = new LabViewModel(
                new UiContext(tasks, dialogs),
                () -> store,
                () -> CatalogBuilder.builtIn(),
                clients,
                () -> new String[] {"s", "u"},
                null);
        LabView v = new LabView(vm);
        robot.interact(() -> stage.getScene().setRoot(v));
        return v;
    }

    @Test
    void aClickInTheHistoryShowsTheVerdictAndSearchFilters(FxRobot robot) throws Exception {
        LabView view = show(robot, null);
        LabViewModel vm = view.viewModel();
        @SuppressWarnings("unchecked")
        ListView<Experiment> history = robot.lookup("#lab-history").queryAs(ListView.class);
        assertEquals(1, history.getItems().size());
        robot.clickOn(robot.lookup("#lab-history .list-cell").nth(0).queryAs(Node.class));
        WaitForAsyncUtils.waitFor(
                15, TimeUnit.SECONDS, () -> vm.results().resultsProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#lab-results").query().isVisible());
        String verdict = robot.lookup(".lab-verdict").queryLabeled().getText();
        assertTrue(verdict.contains("Adopt"), verdict); // ~40 % cheaper, identical outputs
        robot.clickOn("#lab-search").write("nothing like this");
        assertEquals(0, history.getItems().size());
    }

    /** Issue 16: the reason is on the results page the user is taken to. */
    @Test
    void runWithoutKeysShowsWhyOnTheResults(FxRobot robot) throws Exception {
        LabView view = show(robot, LabFixtures.noKeys());
        robot.clickOn("#lab-new");
        // each variant's two text boxes say what they hold
        for (String id : List.of("lab-base-system", "lab-opt-system", "lab-base-user", "lab-opt-user")) {
            Node box = robot.lookup("#" + id).query();
            assertTrue(
                    robot.lookup(".label").queryAllAs(Label.class).stream().anyMatch(l -> l.getLabelFor() == box),
                    id + " has a label");
        }
        // fired, not clicked: the setup (with its image rows) may reach below the 900-px test window
        robot.interact(() -> robot.lookup("#lab-run").queryButton().fire());
        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.SECONDS,
                () -> view.viewModel().setup().runModel().finishedProperty().get() != null
                        && view.viewModel().results().resultsProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        Label status = robot.lookup("#lab-results-status").queryAs(Label.class);
        assertTrue(status.isVisible() && status.getText().contains("No Google Gemini API key"), status.getText());
        assertEquals("No trial could run", dialogs.last("error").headline());
        assertEquals(2, view.viewModel().history().all().size(), "the run is in the history");
    }
}
