// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.lab.judge.JudgeSpec;
import dev.costbench.model.lab.stats.QualitySettings;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.store.H2LabStore;
import dev.costbench.ui.common.DirectTaskExecutor;
import dev.costbench.ui.common.RecordingDialogService;
import dev.costbench.ui.common.UiContext;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** "Judge…" on a stored experiment: the estimate, the judging, what is kept; no display. */
class JudgeViewModelTest {

    private static final JudgeSpec SPEC =
            new JudgeSpec("gpt-4o-mini", JudgeSpec.DEFAULT_RUBRIC, 5, false, JudgeSpec.DEFAULT_MAX_OUTPUT_TOKENS, null);
    private H2LabStore store;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final List<ChatRequest> sent = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() throws Exception {
        store = H2LabStore.open(Files.createTempDirectory("costbench-judge-vm"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private ResultsViewModel results(UiContext ui) {
        return new ResultsViewModel(ui, () -> store, () -> LabFixtures.CATALOG, LabFixtures.answering(sent));
    }

    @Test
    void theJudgeScoresAStoredExperimentWithEstimateAndProgress() {
        long id = LabFixtures.finished(store, 4, "We are very sorry; it ships tomorrow.", "It ships on Monday.");
        ResultsViewModel results = results(LabFixtures.direct(dialogs));
        results.show(store.loadExperiment(id));
        assertTrue(results.canJudge());
        results.openJudge();
        JudgeViewModel judge = results.judgingProperty().get();
        assertNotNull(judge);
        assertNull(judge.stored());
        judge.estimate(() -> SPEC);
        String est = judge.estimateProperty().get();
        assertTrue(est.startsWith("Estimated cost: judge $") && est.contains("8 calls to gpt-4o-mini"), est);
        judge.start(() -> SPEC);
        assertEquals(8, sent.size());
        assertEquals(8, store.judgeScores(id).size());
        assertTrue(
                judge.progressTextProperty().get().startsWith("scored 8 outputs"),
                judge.progressTextProperty().get());
        assertFalse(judge.runningProperty().get());
        assertEquals(
                JudgeSpec.DEFAULT_RUBRIC,
                QualitySettings.read(store.loadExperiment(id).settings().extraJson())
                        .judge()
                        .rubric(),
                "the judge is kept with the experiment");
        assertTrue(
                results.spendProperty().get().contains("8 scored"),
                results.spendProperty().get());
        judge.estimate(() -> SPEC);
        assertEquals(
                "Every output already has a score by gpt-4o-mini.",
                judge.estimateProperty().get());
    }

    @Test
    void aJudgeThatCannotBeSetUpSaysWhyAndStartsNothing() {
        long id = LabFixtures.finished(store, 2, "a", "b");
        ResultsViewModel results = results(LabFixtures.direct(dialogs));
        results.show(store.loadExperiment(id));
        results.openJudge();
        JudgeViewModel judge = results.judgingProperty().get();
        judge.start(() -> {
            throw new IllegalArgumentException("The judge cap must be an amount in USD, e.g. 0.50.");
        });
        assertEquals(
                "The judge cap must be an amount in USD, e.g. 0.50.",
                judge.errorProperty().get());
        assertTrue(sent.isEmpty());
        assertNull(judge.resultProperty().get());
    }

    @Test
    void whileJudgingStartIsOffAndCancelStopsIt() {
        long id = LabFixtures.finished(store, 2, "a", "b");
        DirectTaskExecutor held = DirectTaskExecutor.held();
        ResultsViewModel results = results(new UiContext(held, dialogs));
        results.show(store.loadExperiment(id));
        held.runPending();
        results.openJudge();
        JudgeViewModel judge = results.judgingProperty().get();
        judge.start(() -> SPEC);
        assertTrue(judge.runningProperty().get());
        judge.start(() -> SPEC); // ignored while running
        held.runPending();
        assertFalse(judge.runningProperty().get());
        assertEquals(4, sent.size(), "each output judged once");
    }
}
