// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.ExperimentSettings;
import dev.costbench.model.lab.ExperimentStatus;
import dev.costbench.model.lab.LedgerPurpose;
import dev.costbench.model.lab.NewExperiment;
import dev.costbench.model.lab.NewTrial;
import dev.costbench.model.lab.NewVariant;
import dev.costbench.model.lab.TrialCell;
import dev.costbench.model.lab.judge.JudgeSpec;
import dev.costbench.model.lab.stats.QualitySettings;
import dev.costbench.model.provider.CancelToken;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.ChatResult;
import dev.costbench.model.provider.Part;
import dev.costbench.model.provider.ProviderClient;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.TokenCountResult;
import dev.costbench.store.H2LabStore;
import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
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
 * The A/B lab's LLM judge and the editable checks and thresholds, over a real H2 store and a fake provider that
 * answers both the trials and the judge. {@code -Dcostbench.screenshot.dir=/tmp} saves pictures of the views.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class LabJudgeTest {

    private static final Catalog CATALOG = CatalogBuilder.builtIn();
    private H2LabStore store;
    private Stage stage;
    private final AtomicInteger judgeCalls = new AtomicInteger();

    /** Trials: a longer prompt bills more; the judge: 5 for the long answers, 4 for the short ones. */
    private final ProviderClient fake = new ProviderClient() {
        @Override
        public ProviderId id() {
            return ProviderId.OPENAI;
        }

        @Override
        public ChatResult complete(ChatRequest req, Consumer<String> onDelta, CancelToken cancel) {
            String user = ((Part.Text) req.messages().get(0).parts().get(0)).text();
            if (req.system() != null && req.system().contains("impartial judge")) {
                judgeCalls.incrementAndGet();
                String answer = user.contains("We are very sorry") ? "{\"score\": 5, \"rationale\": \"Warm and "
                        + "complete.\"}" : "```json\n{\"score\": 4, \"rationale\": \"Correct but terse.\"}\n```";
                return new ChatResult(answer, new CanonicalUsage(300, 0, 0, 0, 30, 0), Map.of(), "stop", req.model(),
                        "j", Duration.ofMillis(50), null, "{}");
            }
            long chars = (req.system() == null ? 0 : req.system().length()) + user.length();
            String answer = chars > 200 ? "We are very sorry for the trouble; your order ships tomorrow."
                    : "Your order ships tomorrow.";
            return new ChatResult(answer, new CanonicalUsage(chars / 4, 0, 0, 0, chars > 200 ? 120 : 40, 0),
                    Map.of(), "stop", req.model(), "r", Duration.ofMillis(300), Duration.ofMillis(90), "{}");
        }

        @Override
        public TokenCountResult countTokens(ChatRequest r) {
            return new TokenCountResult(1, "{}");
        }

        @Override
        public List<String> listModels() {
            return List.of();
        }
    };

    @Start
    void start(Stage s) throws Exception {
        stage = s;
        store = H2LabStore.open(Files.createTempDirectory("costbench-lab-judge"));
        s.setScene(new Scene(new Label("…"), 1500, 950));
        s.show();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private LabView view(FxRobot robot) {
        LabView v = new LabView(() -> store, () -> CATALOG, id -> fake, () -> new String[] {"sys", "user"});
        robot.interact(() -> stage.getScene().setRoot(v));
        return v;
    }

    @Test
    void aRunWithAJudgeShowsTheScoresAndTheJudgeSpendApart(FxRobot robot) throws Exception {
        LabView v = view(robot);
        robot.interact(() -> {
            v.showSetup();
            v.setup().modelsForTest(List.of("gpt-4o-mini"));
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            ((TitledPane) robot.lookup("#setup-judge").query()).setExpanded(true);
            v.setup().judgeEditor().enabledBox().setSelected(true);
        });
        fire(robot, "#lab-estimate");
        WaitForAsyncUtils.waitForFxEvents();
        String judgeEstimate = v.setup().judgeEstimateLabel().getText();
        assertTrue(judgeEstimate.startsWith("Then the judge $") && judgeEstimate.contains("18 calls to gpt-4o-mini")
                && judgeEstimate.contains("counted apart"), judgeEstimate + " / " + v.setup().errorLabel().getText());
        shot(robot, v, "judge-setup.png");

        fire(robot, "#lab-run");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> v.setup().finishedCount() == 1);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> v.results() != null && v.results().results() != null
                && v.results().generation() >= 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(18, judgeCalls.get(), "every output judged once");
        long id = v.experiments().get(0).id();
        var res = v.results().results();
        var base = res.summaries().get(0);
        var opt = res.summaries().get(1);
        assertEquals(5.0, res.qualityOf(base.variantId(), base.modelId()).orElseThrow().judgeScores().mean(), 1e-9);
        assertEquals(4.0, res.qualityOf(opt.variantId(), opt.modelId()).orElseThrow().judgeScores().mean(), 1e-9);
        assertEquals(1.0, res.comparison(opt.variantId(), opt.modelId()).orElseThrow().judge().difference(), 1e-9);
        String spend = v.results().spendLabel().getText();
        BigDecimal judged = store.spentOnExperiment(id, LedgerPurpose.JUDGE);
        assertTrue(judged.signum() > 0);
        assertTrue(spend.startsWith("Spent: trials $") && spend.contains(" · judge $") && spend.contains("18 scored"),
                spend);
        assertEquals(0, store.spentOnExperiment(id).compareTo(judged.add(store.spentOnExperiment(id,
                LedgerPurpose.TRIAL))));
        Label right = robot.lookup(n -> n instanceof Label l && l.getText() != null
                && l.getText().startsWith("optimized ·")).queryAs(Label.class);
        assertTrue(right.getText().endsWith("· judge 4/5"), right.getText());
        assertTrue(right.getTooltip().getText().contains("Correct but terse."), right.getTooltip().getText());
        assertTrue(v.results().judgeCell(opt).startsWith("4.00"), v.results().judgeCell(opt));
        shot(robot, v, "judge-results.png");
        robot.interact(() -> robot.lookup(".tab-pane").queryAs(javafx.scene.control.TabPane.class)
                .getSelectionModel().select(1));
        shot(robot, v, "judge-outputs.png");
    }

    @Test
    void editingAThresholdRecomputesTheVerdictAndIsKept(FxRobot robot) throws Exception {
        long id = finishedExperiment();
        LabView v = view(robot);
        robot.interact(() -> v.select(id));
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> v.results() != null && v.results().generation() >= 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(verdict(v).startsWith("gpt-4o-mini · short: Keep baseline") && verdict(v).contains("similarity"),
                verdict(v)); // ~40 % cheaper, but the outputs differ
        robot.interact(() -> ((TitledPane) robot.lookup("#results-quality").query()).setExpanded(true));
        // a regex that does not compile is refused inline
        robot.interact(() -> ((javafx.scene.control.ComboBox<dev.costbench.model.lab.stats.Check.Kind>) robot
                .lookup("#results-check-kind").query()).setValue(dev.costbench.model.lab.stats.Check.Kind.REGEX));
        robot.clickOn("#results-check-arg").write("(order");
        fire(robot, "#results-check-add");
        assertTrue(robot.lookup("#results-check-error").queryAs(Label.class).getText().startsWith("Not added: invalid "
                + "regex"), robot.lookup("#results-check-error").queryAs(Label.class).getText());
        assertEquals(0, v.results().qualityEditor().checks().size());

        robot.doubleClickOn("#results-tolerance").write("100");
        fire(robot, "#results-apply");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> verdict(v).contains("Adopt"));
        shot(robot, v, "judge-thresholds.png");
        robot.doubleClickOn("#results-min-saving").write("60");
        fire(robot, "#results-apply");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> verdict(v).contains("Keep baseline"));
        assertTrue(verdict(v).contains("below the 60 % required"), verdict(v));
        Experiment stored = store.loadExperiment(id);
        assertEquals(60, QualitySettings.read(stored.settings().extraJson()).thresholds().minSavingPercent());
        // a check the optimized outputs fail, with the pass rate as the quality measure
        robot.interact(() -> {
            v.results().qualityEditor().set(List.of(dev.costbench.model.lab.stats.Check.contains("tomorrow")),
                    new dev.costbench.model.lab.stats.VerdictThresholds(30, 5,
                            dev.costbench.model.lab.stats.QualityMeasure.CHECK_PASS_RATE, true));
            v.results().applyQuality();
        });
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> verdict(v).contains("checks passed"));
        assertTrue(verdict(v).contains("Keep baseline") && verdict(v).contains("checks passed 0 %"), verdict(v));
        assertTrue(store.loadExperiment(id).settings().extraJson().contains("\"run\":{\"keep\":true}"),
                "other settings are kept");
    }

    @Test
    void theJudgeDialogScoresAStoredExperimentWithProgressAndEstimate(FxRobot robot) throws Exception {
        long id = finishedExperiment();
        LabView v = view(robot);
        robot.interact(() -> v.select(id));
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> v.results() != null && v.results().generation() >= 1);
        robot.interact(() -> v.results().openJudge());
        WaitForAsyncUtils.waitForFxEvents();
        JudgeDialog d = v.results().judgeDialog();
        String est = robot.lookup("#judge-estimate").queryAs(Label.class).getText();
        assertTrue(est.startsWith("Estimated cost: judge $") && est.contains("8 calls to gpt-4o-mini"), est);
        shot(robot, d.stage().getScene().getRoot(), "judge-dialog.png");
        long gen = v.results().generation();
        fire(robot, "#judge-start");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, d::finished);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> v.results().generation() > gen);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(8, judgeCalls.get());
        assertEquals(8, store.judgeScores(id).size());
        assertTrue(robot.lookup("#judge-progress-text").queryAs(Label.class).getText().startsWith("scored 8 outputs"));
        assertEquals(JudgeSpec.DEFAULT_RUBRIC, QualitySettings.read(store.loadExperiment(id).settings().extraJson())
                .judge().rubric(), "the judge is kept with the experiment");
        assertTrue(v.results().spendLabel().getText().contains("8 scored"), v.results().spendLabel().getText());
        robot.interact(() -> d.stage().close());
    }

    private static String verdict(LabView v) {
        return v.results().verdictLabels().isEmpty() ? "" : v.results().verdictLabels().get(0).getText();
    }

    /** A finished experiment: 4 repetitions, the short variant ~40 % cheaper with the same outputs. */
    private long finishedExperiment() {
        Experiment e = store.createExperiment(new NewExperiment("Verbose vs short", new BigDecimal("5"), 4,
                new ExperimentSettings(null, 300, null, null, false, "{\"run\":{\"keep\":true}}"),
                List.of("gpt-4o-mini")));
        long base = store.addVariant(e.id(), new NewVariant("verbose", true, "{}", List.of())).id();
        long opt = store.addVariant(e.id(), new NewVariant("short", false, "{}", List.of())).id();
        long input = store.addInput(e.id(), "ticket 1", Map.of("ticket", "Where is my order?")).id();
        Instant t0 = Instant.parse("2026-11-25T10:00:00Z");
        for (int rep = 1; rep <= 4; rep++) {
            for (long v : new long[] {base, opt}) {
                long in = v == base ? 1200 : 700;
                BigDecimal cost = new BigDecimal(in * 15 + (100 + rep) * 60).movePointLeft(8);
                store.addTrial(new NewTrial(e.id(), new TrialCell(v, input, "gpt-4o-mini", rep), "h" + v + rep,
                        new CanonicalUsage(in, 0, 0, 0, 100 + rep, 0), cost, true, null, cost, 800L + rep, 200L,
                        "stop", v == base ? "We are very sorry; it ships tomorrow." : "It ships on Monday.", null,
                        false, t0, t0));
            }
        }
        store.setStatus(e.id(), ExperimentStatus.DONE);
        return e.id();
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
        robot.interact(() -> robot.lookup(id).queryAs(javafx.scene.control.ButtonBase.class).fire());
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }
}
