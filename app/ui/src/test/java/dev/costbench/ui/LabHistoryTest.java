// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.lab.ExperimentSettings;
import dev.costbench.model.lab.ExperimentSnapshot;
import dev.costbench.model.lab.ExperimentStatus;
import dev.costbench.model.lab.NewExperiment;
import dev.costbench.model.lab.NewTrial;
import dev.costbench.model.lab.NewVariant;
import dev.costbench.model.lab.TrialCell;
import dev.costbench.model.lab.run.ExperimentExport;
import dev.costbench.model.lab.run.ExperimentImport;
import dev.costbench.model.lab.stats.RunComparison;
import dev.costbench.store.H2LabStore;
import dev.costbench.ui.lab.LabView;
import dev.costbench.ui.lab.RepriceDialog;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The History part of the A/B lab: import a JSON export, compare two runs, re-price one, delete a trial. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class LabHistoryTest {

    private H2LabStore store;
    private LabView view;
    private Path dir;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("costbench-lab-history");
        store = H2LabStore.open(dir.resolve("data"));
        store.importExperiment(snapshot("Support prompt, last week", 1000, 900, "2026-11-18T10:00:00Z"));
        store.importExperiment(snapshot("Support prompt, today", 820, 600, "2026-11-25T10:00:00Z"));
        // the app's theme: it fixes cell heights, which the multi-line cells must override
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight()
                .getUserAgentStylesheet());
        view = new LabView(() -> store);
        stage.setScene(new Scene(view, 1500, 950));
        stage.show();
    }

    @AfterEach
    void close() {
        store.close();
        javafx.application.Platform.runLater(() -> javafx.application.Application.setUserAgentStylesheet(null));
    }

    /** Verbose vs short on gpt-4o-mini and a model no longer listed, 2 inputs × 5 repetitions. */
    static ExperimentSnapshot snapshot(String name, long baseIn, long latency, String when) {
        List<String> models = List.of("gpt-4o-mini", "gpt-4-0314-retired");
        List<NewVariant> variants = List.of(new NewVariant("verbose", true, "{\"system\":\"long\"}"),
                new NewVariant("short", false, "{\"system\":\"short\"}"));
        List<ExperimentSnapshot.Input> inputs = List.of(new ExperimentSnapshot.Input("ticket 1", Map.of()),
                new ExperimentSnapshot.Input("ticket 2", Map.of()));
        List<NewTrial> trials = new ArrayList<>();
        Instant t0 = Instant.parse(when);
        for (int rep = 1; rep <= 5; rep++) {
            for (int in = 0; in < 2; in++) {
                for (String m : models) {
                    for (int v = 0; v < 2; v++) {
                        long input = (baseIn + 13L * rep + 7L * in) / (v + 1);
                        long output = 100 + 3L * rep;
                        BigDecimal cost = new BigDecimal(input * 30 + output * 120).movePointLeft(8);
                        trials.add(new NewTrial(0, new TrialCell(v, in, m, rep), "h" + trials.size(),
                                new CanonicalUsage(input, 0, 0, 0, output, 0), cost, true, null, cost,
                                latency + 17L * rep + 40L * v, 200L, "stop", v == 0
                                ? "We are sorry. Your order ships tomorrow and arrives in two days."
                                : "Your order ships tomorrow, arriving in two days.", null, false, t0, t0));
                    }
                }
            }
        }
        return new ExperimentSnapshot(new NewExperiment(name, new BigDecimal("2"), 5, ExperimentSettings.defaults(),
                models), t0, ExperimentStatus.DONE, variants, inputs, trials);
    }

    private static void shot(FxRobot robot, Node node, String name) throws Exception {
        String d = System.getProperty("costbench.screenshots");
        if (d != null) { // pictures for the developer (mvn -Dcostbench.screenshots=/tmp/shots)
            var img = robot.capture(node).getImage();
            javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(img, null), "png",
                    Path.of(d, name).toFile());
        }
    }

    @Test
    void importCompareRepriceAndDeleteATrial(FxRobot robot) throws Exception {
        // the history shows each experiment's summary line
        assertEquals(2, view.history().getItems().size());
        assertEquals(40, view.history().getItems().get(0).succeeded());

        // import: a JSON export comes back as a new, marked experiment with the same trials
        Path f = dir.resolve("last-week.json");
        Files.writeString(f, ExperimentExport.json(store, 1));
        long[] imported = new long[1];
        robot.interact(() -> imported[0] = view.importFrom(f));
        assertEquals(3, imported[0]);
        assertEquals(3, view.experiments().size());
        assertTrue(ExperimentImport.isImported(store.loadExperiment(3)));
        assertEquals(store.trials(1).size(), store.trials(3).size());
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> view.results() != null
                && view.results().generation() >= 1);
        shot(robot, view, "history-import.png");

        // a file of an unknown format imports nothing and says why
        Path bad = dir.resolve("future.json");
        Files.writeString(bad, Files.readString(f).replace("\"format\" : 1", "\"format\" : 2"));
        robot.interact(() -> imported[0] = view.importFrom(bad));
        assertEquals(-1, imported[0]);
        assertTrue(view.lastImportError().contains("export format 2"), view.lastImportError());
        assertEquals(3, view.experiments().size());
        WaitForAsyncUtils.waitForFxEvents();
        shot(robot, robot.lookup("#lab-import-error").query(), "history-import-error.png");
        robot.interact(() -> robot.listTargetWindows().stream().filter(w -> w != view.getScene().getWindow())
                .forEach(Window::hide));

        // compare: select last week's and today's run, press Compare
        robot.interact(() -> {
            view.history().getSelectionModel().clearSelection();
            for (int i = 0; i < view.history().getItems().size(); i++) {
                long id = view.history().getItems().get(i).id();
                if (id == 1 || id == 2) {
                    view.history().getSelectionModel().select(i);
                }
            }
        });
        assertEquals(2, view.history().getSelectionModel().getSelectedItems().size());
        assertTrue(!robot.lookup("#lab-compare-button").query().isDisabled(), "Compare is enabled");
        robot.interact(() -> view.history().requestFocus());
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.C)
                .release(javafx.scene.input.KeyCode.C, javafx.scene.input.KeyCode.SHIFT,
                        javafx.scene.input.KeyCode.CONTROL); // the keyboard shortcut
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> view.compareView().generation() >= 1);
        WaitForAsyncUtils.waitForFxEvents();
        RunComparison c = view.compareView().comparison();
        assertNotNull(c);
        assertEquals(4, c.rows().size());
        RunComparison.Change cost = c.rows().get(0).change(RunComparison.Metric.COST_PER_CALL);
        assertTrue(cost.change() < 0 && cost.significant(), cost.toString());
        shot(robot, view, "history-compare.png");
        assertTrue(robot.lookup("#lab-compare-table .table-row-cell").queryAll().stream()
                .anyMatch(n -> !((javafx.scene.control.TableRow<?>) n).isEmpty()), "the rows are shown");

        // re-price today's run: the retired model is named, gpt-4o-mini is priced at the catalog's $0.15 / $0.60
        robot.interact(() -> {
            view.history().getSelectionModel().clearSelection();
            view.select(2);
        });
        RepriceDialog[] d = new RepriceDialog[1];
        robot.interact(() -> {
            d[0] = view.repriceDialog();
            d[0].show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(4, d[0].table().getItems().size());
        assertTrue(robot.lookup("#lab-reprice-missing").queryLabeled().getText().contains("gpt-4-0314-retired"));
        // 10 calls per variant at 5 repetitions: input tokens 820+13·rep+7·in (halved for "short"), output 100+3·rep
        assertTrue(d[0].total().getText().startsWith("Total of the calls priced then and now: "),
                d[0].total().getText());
        shot(robot, d[0].getDialogPane(), "history-reprice.png");
        robot.interact(() -> d[0].close());

        // delete one trial of today's run from the outputs view; the summary recomputes
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> view.results() != null
                && view.results().results() != null);
        long before = view.results().generation();
        robot.interact(() -> robot.lookup(".tab-pane").queryAs(javafx.scene.control.TabPane.class)
                .getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        shot(robot, view, "history-outputs.png");
        robot.clickOn("#lab-delete-trial");
        robot.clickOn("Delete the optimized variant's trial…");
        robot.clickOn("OK");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> view.results().generation() > before);
        assertEquals(39, store.trials(2).size());
        int succeeded = view.results().results().summaries().stream().mapToInt(s -> s.succeeded()).sum();
        assertEquals(39, succeeded);
    }
}
