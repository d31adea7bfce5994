// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.ExperimentSettings;
import dev.costbench.model.lab.ExperimentSnapshot;
import dev.costbench.model.lab.ExperimentStatus;
import dev.costbench.model.lab.NewExperiment;
import dev.costbench.model.lab.NewTrial;
import dev.costbench.model.lab.NewVariant;
import dev.costbench.model.lab.TrialCell;
import dev.costbench.model.lab.stats.ExperimentResults;
import dev.costbench.model.lab.stats.VariantModelSummary;
import dev.costbench.store.H2LabStore;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
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
 * The results view shows a large experiment in two steps: the cost table first (quality pending, no verdict), then
 * the quality and the verdicts; a newer selection supersedes an older one. {@code -Dcostbench.screenshot.dir=/tmp}
 * saves pictures of both steps.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ResultsProgressiveTest {

    private static final String[] WORDS = ("the customer was charged twice for the same order please refund the "
            + "duplicate payment and confirm by email within two business days severity high category billing")
            .split(" ");
    private H2LabStore store;
    private ResultsPane pane;
    private Experiment large;
    private Experiment small;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("costbench-results-progressive");
        store = H2LabStore.open(dir.resolve("data"));
        large = store.importExperiment(snapshot("Support prompt, 2,000 trials", 50));
        small = store.importExperiment(snapshot("Support prompt, 40 trials", 1));
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight()
                .getUserAgentStylesheet());
        pane = new ResultsPane(store);
        stage.setScene(new Scene(pane, 1500, 900));
        stage.show();
    }

    @AfterEach
    void close() {
        store.close();
        javafx.application.Platform.runLater(() -> javafx.application.Application.setUserAgentStylesheet(null));
    }

    /** 2 variants × 10 inputs × 2 models × {@code reps}: the optimized prompt is cheaper and answers shorter. */
    private static ExperimentSnapshot snapshot(String name, int reps) {
        List<String> models = List.of("gpt-4o-mini", "claude-haiku-4-5");
        List<NewVariant> variants = List.of(new NewVariant("verbose", true, "{\"system\":\"long\"}"),
                new NewVariant("brief", false, "{\"system\":\"short\"}"));
        List<ExperimentSnapshot.Input> inputs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            inputs.add(new ExperimentSnapshot.Input("ticket " + (i + 1), Map.of()));
        }
        Random rnd = new Random(reps);
        Instant t0 = Instant.parse("2026-11-20T10:00:00Z");
        List<NewTrial> trials = new ArrayList<>();
        for (int rep = 1; rep <= reps; rep++) {
            for (int in = 0; in < 10; in++) {
                for (String m : models) {
                    for (int v = 0; v < 2; v++) {
                        long input = v == 0 ? 900 + rnd.nextInt(100) : 300 + rnd.nextInt(50);
                        long output = 60 + rnd.nextInt(80);
                        BigDecimal cost = new BigDecimal(input * 150 + output * 600).movePointLeft(9);
                        StringBuilder text = new StringBuilder("Ticket " + in + ":");
                        for (int w = 0; w < (v == 0 ? 60 : 30); w++) {
                            text.append(' ').append(WORDS[rnd.nextInt(WORDS.length)]);
                        }
                        trials.add(new NewTrial(0, new TrialCell(v, in, m, rep), "h" + trials.size(),
                                new CanonicalUsage(input, 0, 0, 0, output, 0), cost, true, null, cost,
                                400L + rnd.nextInt(900), 200L, "stop", text.toString(), null, false, t0, t0));
                    }
                }
            }
        }
        return new ExperimentSnapshot(new NewExperiment(name, new BigDecimal("5"), reps,
                ExperimentSettings.defaults(), models), t0, ExperimentStatus.DONE, variants, inputs, trials);
    }

    @Test
    void costTableFirstThenQualityAndVerdicts(FxRobot robot) throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        pane.holdQualityUntil(gate);
        long t0 = System.nanoTime();
        robot.interact(() -> pane.show(large));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> pane.previewGeneration() >= 1);
        WaitForAsyncUtils.waitForFxEvents();
        System.out.printf("results view: cost table of 2,000 trials after %.0f ms (not a benchmark)%n",
                (System.nanoTime() - t0) / 1e6);

        // step 1: the cost table with counts and t intervals; quality and verdicts pending
        List<VariantModelSummary> rows = pane.tableRows();
        assertEquals(4, rows.size());
        assertEquals(500, rows.get(0).succeeded());
        assertTrue(rows.get(0).costPerCall().meanCi() != null, "t interval shown at once");
        assertNull(rows.get(0).costPerCall().bootstrapCi(), "bootstrap still pending");
        assertNull(pane.results());
        assertEquals(0, pane.generation());
        assertTrue(pane.qualityPending());
        List<Label> pending = pane.verdictLabels();
        assertEquals(3, pending.size()); // 2 models and pooled
        for (Label l : pending) {
            assertTrue(l.getText().endsWith("verdict: quality pending"), l.getText());
            assertFalse(l.getText().contains("Adopt") || l.getText().contains("Keep baseline"), l.getText());
        }
        assertEquals("…", pane.judgeCell(rows.get(0)));
        shot(robot, "results-quality-pending.png");

        // step 2: the quality, bootstrap intervals and verdicts
        gate.countDown();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> pane.generation() >= 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(pane.qualityPending());
        ExperimentResults r = pane.results();
        assertEquals(rows.size(), r.summaries().size());
        assertTrue(pane.tableRows().get(0).costPerCall().bootstrapCi() != null);
        List<String> expected = new ArrayList<>();
        for (ExperimentResults.Comparison c : r.comparisons()) {
            expected.add(c.verdict().sentence());
        }
        List<Label> done = pane.verdictLabels();
        assertEquals(3, done.size());
        for (Label l : done) {
            assertFalse(l.getText().contains("pending"), l.getText());
            assertTrue(expected.stream().anyMatch(s -> l.getText().endsWith(s)), l.getText());
        }
        shot(robot, "results-quality-done.png");

        // the similarities were stored (V5): reopening shows the very same results without computing them again
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> store.similarityScores(large.id()).size() > 1000);
        robot.interact(() -> pane.show(large));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> pane.generation() >= 2);
        assertEquals(r, pane.results());
    }

    @Test
    void aNewerSelectionSupersedesAnOlderOne(FxRobot robot) throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        pane.holdQualityUntil(gate);
        robot.interact(() -> {
            pane.show(large);
            pane.show(small);
        });
        gate.countDown();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> pane.generation() >= 1);
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300); // an older analysis, if it were not dropped, would land now
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, pane.generation());
        assertEquals(10, pane.results().summaries().get(0).succeeded());
        assertEquals(10, pane.tableRows().get(0).succeeded());
        assertFalse(pane.qualityPending());
    }

    private void shot(FxRobot robot, String name) throws Exception {
        String d = System.getProperty("costbench.screenshot.dir");
        if (d != null) {
            var img = robot.capture(pane).getImage();
            javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(img, null), "png",
                    Path.of(d, name).toFile());
        }
    }
}
