// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.ExperimentSettings;
import dev.costbench.model.lab.ExperimentStatus;
import dev.costbench.model.lab.NewExperiment;
import dev.costbench.model.lab.NewTrial;
import dev.costbench.model.lab.NewVariant;
import dev.costbench.model.lab.TrialCell;
import dev.costbench.store.H2LabStore;
import dev.costbench.ui.lab.LabView;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
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

/** The A/B lab's history and results over a real H2 store holding a finished experiment. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class LabViewTest {

    private H2LabStore store;
    private LabView view;
    private long experimentId;

    @Start
    void start(Stage stage) throws Exception {
        store = H2LabStore.open(Files.createTempDirectory("costbench-lab-ui"));
        Experiment e = store.createExperiment(new NewExperiment("Verbose vs short support prompt", new BigDecimal("5"),
                10, ExperimentSettings.defaults(), List.of("gpt-4o-mini")));
        experimentId = e.id();
        long base = store.addVariant(e.id(), new NewVariant("verbose", true, "{}", List.of())).id();
        long opt = store.addVariant(e.id(), new NewVariant("short", false, "{}", List.of())).id();
        long input = store.addInput(e.id(), "ticket 1", Map.of()).id();
        Random r = new Random(1);
        Instant t0 = Instant.parse("2026-11-25T10:00:00Z");
        for (int rep = 1; rep <= 10; rep++) {
            for (long v : new long[] {base, opt}) {
                long in = v == base ? 1200 : 700;
                long out = 100 + r.nextInt(20);
                BigDecimal cost = new BigDecimal(in * 15 + out * 60).movePointLeft(8); // $0.15 / $0.60 per 1M
                store.addTrial(new NewTrial(e.id(), new TrialCell(v, input, "gpt-4o-mini", rep), "h" + v + rep,
                        new CanonicalUsage(in, 0, 0, 0, out, 0), cost, true, null, cost, 800L + r.nextInt(200),
                        200L, "stop", "Your order ships tomorrow and arrives in two days.", null, false, t0, t0));
            }
        }
        store.setStatus(e.id(), ExperimentStatus.DONE);
        view = new LabView(() -> store);
        stage.setScene(new Scene(view, 1400, 900));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    @Test
    void aFinishedExperimentShowsItsVerdictAndTable(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        ListView<Experiment> history = robot.lookup("#lab-history").queryAs(ListView.class);
        assertEquals(1, history.getItems().size());
        robot.interact(() -> view.select(experimentId));
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> view.results() != null
                && view.results().generation() >= 1);
        WaitForAsyncUtils.waitForFxEvents();
        var res = view.results().results();
        assertEquals(2, res.summaries().size());
        assertEquals(10, res.summaries().get(0).succeeded());
        String verdict = view.results().verdictLabels().get(0).getText();
        assertTrue(verdict.contains("Adopt"), verdict); // ~40 % cheaper, identical outputs
        robot.interact(() -> view.refresh());
        robot.clickOn("#lab-search").write("nothing like this");
        assertEquals(0, history.getItems().size());
    }

    @Test
    void aFullRunAgainstMockProvidersEndsWithAVerdict(FxRobot robot) throws Exception {
        dev.costbench.model.provider.ProviderClient fake = new dev.costbench.model.provider.ProviderClient() {
            @Override
            public dev.costbench.model.provider.ProviderId id() {
                return dev.costbench.model.provider.ProviderId.OPENAI;
            }

            @Override
            public dev.costbench.model.provider.ChatResult complete(dev.costbench.model.provider.ChatRequest req,
                    java.util.function.Consumer<String> onDelta, dev.costbench.model.provider.CancelToken cancel) {
                long chars = (req.system() == null ? 0 : req.system().length()) + req.messages().stream()
                        .flatMap(m -> m.parts().stream()).mapToLong(p -> p instanceof dev.costbench.model.provider.Part.Text
                                ? ((dev.costbench.model.provider.Part.Text) p).text().length() : 0).sum();
                String answer = "We are sorry; your order ships tomorrow.";
                if (onDelta != null) {
                    onDelta.accept(answer);
                }
                return new dev.costbench.model.provider.ChatResult(answer, new CanonicalUsage(chars / 4, 0, 0, 0,
                        chars > 200 ? 120 : 40, 0), Map.of(), "stop", req.model(), "r", java.time.Duration.ofMillis(300),
                        java.time.Duration.ofMillis(90), "{}");
            }

            @Override
            public dev.costbench.model.provider.TokenCountResult countTokens(dev.costbench.model.provider.ChatRequest r) {
                return new dev.costbench.model.provider.TokenCountResult(1, "{}");
            }

            @Override
            public List<String> listModels() {
                return List.of();
            }
        };
        var catalog = dev.costbench.model.catalog.CatalogBuilder.builtIn();
        LabView full = new LabView(() -> store, () -> catalog, id -> fake, () -> new String[] {"sys", "user"});
        robot.interact(() -> {
            view.getScene().setRoot(full);
            full.showSetup();
            full.setup().modelsForTest(List.of("gpt-4o-mini"));
        });
        robot.clickOn("#lab-estimate");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(full.setup().estimateLabel().getText().startsWith("Estimated cost of the run: $"),
                full.setup().estimateLabel().getText() + " / " + full.setup().errorLabel().getText());
        // fired, not clicked: the setup (with its image rows) may reach below the 900-px test window
        robot.interact(() -> robot.lookup("#lab-run").queryButton().fire());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> full.setup().finishedCount() == 1);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> full.results() != null
                && full.results().generation() >= 1 && full.results().results() != null);
        WaitForAsyncUtils.waitForFxEvents();
        var res = full.results().results();
        assertEquals(2, res.summaries().size());
        assertEquals(9, res.summaries().get(0).succeeded()); // 3 tickets × 3 repetitions
        String verdict = full.results().verdictLabels().get(0).getText();
        assertTrue(verdict.contains("saving"), verdict);
        assertEquals(2, full.experiments().size(), "the new run is in the history");
        // export as JSON and CSV; rerun a finished experiment as a new one
        java.nio.file.Path json = Files.createTempFile("costbench-exp", ".json");
        java.nio.file.Path csv = Files.createTempFile("costbench-exp", ".csv");
        long newest = full.experiments().get(0).id();
        robot.interact(() -> {
            full.exportTo(newest, json);
            full.exportTo(newest, csv);
        });
        assertTrue(Files.readString(json).contains("\"trials\""), "JSON export has the trials");
        assertEquals(1 + 18, Files.readAllLines(csv).size(), "CSV: a header and one row per trial");
        robot.interact(() -> full.setup().rerun(newest));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> full.setup().finishedCount() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, full.experiments().size(), "the rerun is a new experiment");
        String shot = System.getProperty("costbench.screenshot");
        if (shot != null) { // a picture of the view for the developer (mvn -Dcostbench.screenshot=/tmp/lab.png)
            var img = robot.capture(full).getImage();
            javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(img, null), "png",
                    new java.io.File(shot));
        }
    }
}
