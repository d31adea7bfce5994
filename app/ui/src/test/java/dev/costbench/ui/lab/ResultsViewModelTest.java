// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.ExperimentSettings;
import dev.costbench.model.lab.ExperimentSnapshot;
import dev.costbench.model.lab.ExperimentStatus;
import dev.costbench.model.lab.NewExperiment;
import dev.costbench.model.lab.NewTrial;
import dev.costbench.model.lab.NewVariant;
import dev.costbench.model.lab.TrialCell;
import dev.costbench.model.lab.stats.Check;
import dev.costbench.model.lab.stats.ExperimentResults;
import dev.costbench.model.lab.stats.QualityMeasure;
import dev.costbench.model.lab.stats.QualitySettings;
import dev.costbench.model.lab.stats.VariantModelSummary;
import dev.costbench.model.lab.stats.VerdictThresholds;
import dev.costbench.store.H2LabStore;
import dev.costbench.ui.common.DirectTaskExecutor;
import dev.costbench.ui.common.RecordingDialogService;
import dev.costbench.ui.common.UiContext;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The results in two steps — the cost table first (quality pending, no verdict), then the quality and the verdicts —
 * a newer selection superseding an older one, the editable checks and thresholds, trial deletion and failures; no
 * display.
 */
class ResultsViewModelTest {

    private static final String[] WORDS = ("the customer was charged twice for the same order please refund the "
                    + "duplicate payment and confirm by email within two business days severity high category billing")
            .split(" ");
    private H2LabStore store;
    private final RecordingDialogService dialogs = new RecordingDialogService();

    @BeforeEach
    void open() throws Exception {
        Path dir = Files.createTempDirectory("costbench-results-vm");
        store = H2LabStore.open(dir.resolve("data"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private ResultsViewModel vm(UiContext ui) {
        return new ResultsViewModel(ui, () -> store, null, null);
    }

    /** 2 variants × 10 inputs × 2 models × {@code reps}: the optimized prompt is cheaper and answers shorter. */
    private static ExperimentSnapshot snapshot(String name, int reps) {
        List<String> models = List.of("gpt-4o-mini", "claude-haiku-4-5");
        List<NewVariant> variants = List.of(
                new NewVariant("verbose", true, "{\"system\":\"long\"}"),
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
                        trials.add(LabFixtures.trial(
                                0,
                                new TrialCell(v, in, m, rep),
                                "h" + trials.size(),
                                input,
                                output,
                                cost,
                                400L + rnd.nextInt(900),
                                text.toString(),
                                t0));
                    }
                }
            }
        }
        return new ExperimentSnapshot(
                new NewExperiment(name, new BigDecimal("5"), reps, ExperimentSettings.defaults(), models),
                t0,
                ExperimentStatus.DONE,
                variants,
                inputs,
                trials);
    }

    @Test
    void costTableFirstThenQualityAndVerdicts() {
        Experiment large = store.importExperiment(snapshot("Support prompt, 200 trials", 5));
        DirectTaskExecutor quality = DirectTaskExecutor.held();
        ResultsViewModel vm = vm(new UiContext(LabFixtures.holding(quality, Set.of("A/B quality")), dialogs));
        vm.show(large);

        // step 1: the cost table with counts and t intervals; quality and verdicts pending
        List<VariantModelSummary> rows = List.copyOf(vm.rows());
        assertEquals(4, rows.size());
        assertEquals(50, rows.get(0).succeeded());
        assertNotNull(rows.get(0).costPerCall().meanCi(), "t interval shown at once");
        assertNull(rows.get(0).costPerCall().bootstrapCi(), "bootstrap still pending");
        assertNull(vm.resultsProperty().get());
        assertEquals(
                "computing quality and bootstrap intervals…",
                vm.pendingProperty().get());
        assertEquals(3, vm.verdicts().size()); // 2 models and pooled
        for (ResultsViewModel.VerdictLine l : vm.verdicts()) {
            assertTrue(l.pending() && l.text().endsWith("verdict: quality pending"), l.text());
            assertFalse(l.text().contains("Adopt") || l.text().contains("Keep baseline"), l.text());
        }
        assertEquals("…", vm.judgeCell(rows.get(0)));
        assertEquals("…", vm.checksCell(rows.get(0)));
        assertEquals(
                "Cost vs quality (computing…)", vm.charts().costTitleProperty().get());
        assertEquals(4, vm.charts().latency().size());
        assertEquals(100, vm.outputs().cells().size()); // 10 inputs × 2 models × 5 repetitions

        // step 2: the quality, bootstrap intervals and verdicts
        quality.runPending();
        assertEquals("", vm.pendingProperty().get());
        ExperimentResults r = vm.resultsProperty().get();
        assertNotNull(r);
        assertNotNull(vm.rows().get(0).costPerCall().bootstrapCi());
        List<String> expected =
                r.comparisons().stream().map(c -> c.verdict().sentence()).toList();
        assertEquals(3, vm.verdicts().size());
        for (ResultsViewModel.VerdictLine l : vm.verdicts()) {
            assertFalse(l.pending());
            assertTrue(expected.stream().anyMatch(s -> l.text().endsWith(s)), l.text());
        }
        assertEquals("Cost vs quality", vm.charts().costTitleProperty().get());
        assertEquals(4, vm.charts().points().size());
        assertTrue(store.similarityScores(large.id()).size() > 50, "the similarities were stored");
    }

    @Test
    void theModelColumnShowsNameAndProviderNotTheId() {
        Experiment e = store.importExperiment(snapshot("Names", 1));
        ResultsViewModel vm = new ResultsViewModel(
                new UiContext(new DirectTaskExecutor(), dialogs), () -> store, CatalogBuilder::builtIn, null);
        vm.show(e);
        List<String> cells =
                vm.rows().stream().map(vm::modelCell).distinct().sorted().toList();
        assertEquals(
                List.of(
                        CatalogBuilder.builtIn()
                                        .find("claude-haiku-4-5")
                                        .orElseThrow()
                                        .name() + " · Anthropic",
                        CatalogBuilder.builtIn()
                                        .find("gpt-4o-mini")
                                        .orElseThrow()
                                        .name() + " · OpenAI"),
                cells);
    }

    @Test
    void aNewerSelectionSupersedesAnOlderOne() {
        Experiment large = store.importExperiment(snapshot("Support prompt, 200 trials", 5));
        Experiment small = store.importExperiment(snapshot("Support prompt, 40 trials", 1));
        DirectTaskExecutor quality = DirectTaskExecutor.held();
        ResultsViewModel vm = vm(new UiContext(LabFixtures.holding(quality, Set.of("A/B quality")), dialogs));
        vm.show(large);
        vm.show(small);
        quality.runPending();
        assertEquals(10, vm.resultsProperty().get().summaries().get(0).succeeded());
        assertEquals(10, vm.rows().get(0).succeeded());
        assertTrue(vm.titleProperty().get().startsWith("Support prompt, 40 trials"));
        assertEquals("", vm.pendingProperty().get());
    }

    @Test
    void editingAThresholdRecomputesTheVerdictAndIsKept() {
        long id = LabFixtures.finished(store, 4, "We are very sorry; it ships tomorrow.", "It ships on Monday.");
        ResultsViewModel vm = vm(LabFixtures.direct(dialogs));
        vm.show(store.loadExperiment(id));
        assertTrue(
                verdict(vm).startsWith("gpt-4o-mini · short: Keep baseline")
                        && verdict(vm).contains("similarity"),
                verdict(vm)); // ~40 % cheaper, but the outputs differ
        assertEquals(
                QualitySettings.defaults().thresholds(),
                vm.quality().settingsProperty().get().thresholds());
        VerdictThresholds d = VerdictThresholds.defaults();
        vm.quality()
                .apply(
                        List.of(),
                        new VerdictThresholds(d.minSavingPercent(), 100, d.qualityMeasure(), d.requireSignificance()));
        assertTrue(verdict(vm).contains("Adopt"), verdict(vm));
        vm.quality().apply(List.of(), new VerdictThresholds(60, 100, d.qualityMeasure(), d.requireSignificance()));
        assertTrue(
                verdict(vm).contains("Keep baseline") && verdict(vm).contains("below the 60 % required"), verdict(vm));
        assertEquals(
                60,
                QualitySettings.read(store.loadExperiment(id).settings().extraJson())
                        .thresholds()
                        .minSavingPercent());
        vm.quality()
                .apply(
                        List.of(Check.contains("tomorrow")),
                        new VerdictThresholds(30, 5, QualityMeasure.CHECK_PASS_RATE, true));
        assertTrue(verdict(vm).contains("Keep baseline") && verdict(vm).contains("checks passed 0 %"), verdict(vm));
        assertEquals("0 % of 4", vm.checksCell(vm.rows().get(1)));
        assertTrue(
                store.loadExperiment(id).settings().extraJson().contains("\"run\":{\"keep\":true}"),
                "other settings are kept");
    }

    @Test
    void aTrialIsDeletedOnlyWhenConfirmed() {
        long id = LabFixtures.finished(store, 4, "Ships tomorrow.", "Ships tomorrow.");
        ResultsViewModel vm = vm(LabFixtures.direct(dialogs));
        vm.show(store.loadExperiment(id));
        assertNotNull(vm.outputs().selectedProperty().get());
        vm.trials().delete(1);
        assertTrue(
                dialogs.last("confirm").detail().startsWith("Delete trial "),
                dialogs.last("confirm").detail());
        assertEquals(8, store.trials(id).size(), "not confirmed: kept");
        dialogs.answer(true);
        vm.trials().delete(1);
        assertEquals(7, store.trials(id).size());
        int succeeded = vm.resultsProperty().get().summaries().stream()
                .mapToInt(s -> s.succeeded())
                .sum();
        assertEquals(7, succeeded, "the summary is recomputed");
        assertNull(vm.outputs().cellTrials()[1], "the cell shown has no optimized trial any more");
    }

    @Test
    void anExperimentThatCannotBeReadSaysSo() {
        long id = LabFixtures.finished(store, 2, "a", "b");
        Experiment e = store.loadExperiment(id);
        store.close();
        ResultsViewModel vm = vm(LabFixtures.direct(dialogs));
        vm.show(e);
        assertTrue(verdict(vm).startsWith("Cannot analyse this experiment: "), verdict(vm));
        assertEquals("", vm.pendingProperty().get());
        assertEquals(ResultsViewModel.NO_TRIALS, vm.placeholderProperty().get());
    }

    @Test
    void withoutAnOptimizedVariantTheVerdictSaysWhatToAdd() {
        Experiment e = store.createExperiment(
                new NewExperiment("Baseline only", null, 1, ExperimentSettings.defaults(), List.of("gpt-4o-mini")));
        long base = store.addVariant(e.id(), new NewVariant("verbose", true, "{}", List.of()))
                .id();
        long input = store.addInput(e.id(), "ticket 1", Map.of()).id();
        Instant t0 = Instant.parse("2026-11-25T10:00:00Z");
        store.addTrial(LabFixtures.trial(
                e.id(), new TrialCell(base, input, "gpt-4o-mini", 1), "h", 10, 10, BigDecimal.ONE, 800L, "ok", t0));
        ResultsViewModel vm = vm(LabFixtures.direct(dialogs));
        vm.show(store.loadExperiment(e.id()));
        assertEquals(VerdictLines.NO_OPTIMIZED, verdict(vm));
        assertFalse(vm.canJudge(), "no catalog or clients: no judging");
    }

    private static String verdict(ResultsViewModel vm) {
        return vm.verdicts().isEmpty() ? "" : vm.verdicts().get(0).text();
    }

    @Test
    void judgeSaysWhyItWaitsUntilAnExperimentShows() {
        ResultsViewModel none = vm(LabFixtures.direct(dialogs));
        assertEquals(
                "Judging needs the pricing catalog and the providers: it is not available in this window.",
                none.judgeReason());
        ResultsViewModel vm =
                new ResultsViewModel(LabFixtures.direct(dialogs), () -> store, CatalogBuilder::builtIn, provider -> {
                    throw new AssertionError("no call while nothing is judged");
                });
        assertEquals("Open an experiment first: the judge scores its stored outputs.", vm.judgeReason());
        long id = LabFixtures.finished(store, 2, "It ships tomorrow.", "It ships on Monday.");
        vm.show(store.loadExperiment(id));
        assertEquals("", vm.judgeReason());
        assertTrue(vm.canJudge());
    }
}
