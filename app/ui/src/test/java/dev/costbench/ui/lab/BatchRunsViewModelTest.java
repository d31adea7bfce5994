// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.lab.ExperimentStatus;
import dev.costbench.model.lab.batch.FakeBatchApi;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.batch.BatchSource;
import dev.costbench.model.provider.batch.BatchState;
import dev.costbench.store.H2LabStore;
import dev.costbench.ui.common.DirectTaskExecutor;
import dev.costbench.ui.common.RecordingDialogService;
import dev.costbench.ui.common.UiContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Batch runs in the lab (the setup's option, the results' batches, polling on start), without a display. */
class BatchRunsViewModelTest {

    private static final String POLLING = "A/B batch polling";

    private Path dir;
    private H2LabStore store;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final DirectTaskExecutor later = DirectTaskExecutor.held();
    private final Map<ProviderId, FakeBatchApi> apis = new EnumMap<>(ProviderId.class);

    @BeforeEach
    void open() throws Exception {
        dir = Files.createTempDirectory("costbench-batch-vm");
        store = H2LabStore.open(dir);
        for (ProviderId p : List.of(ProviderId.OPENAI, ProviderId.ANTHROPIC, ProviderId.GEMINI)) {
            apis.put(p, new FakeBatchApi(p, FakeBatchApi.limits(50_000, 200L << 20, p != ProviderId.ANTHROPIC)));
        }
    }

    @AfterEach
    void close() {
        store.close();
    }

    private BatchSource source() {
        return FakeBatchApi.source(apis);
    }

    private BatchRunsViewModel runs(H2LabStore s) {
        UiContext ui = new UiContext(LabFixtures.holding(later, Set.of(POLLING)), dialogs);
        return new BatchRunsViewModel(
                ui, () -> s, s::batches, () -> LabFixtures.CATALOG, source(), Duration.ZERO, ZoneOffset.UTC);
    }

    private LabViewModel lab(BatchRunsViewModel runs) {
        LabViewModel lab = LabFixtures.lab(
                store,
                new UiContext(LabFixtures.holding(later, Set.of(POLLING)), dialogs),
                LabFixtures.answering(new ArrayList<>()));
        lab.useBatches(runs);
        return lab;
    }

    @Test
    void theOptionIsDisabledWithItsReasonWhileAModelsProviderHasNoBatchApi() {
        SetupViewModel setup = lab(runs(store)).setup();
        SetupBatch batch = setup.batch();
        assertEquals("", batch.reasonProperty().get(), "OpenAI, Anthropic and Gemini have one");
        batch.selectedProperty().set(true);

        setup.checkedModels().add("groq/llama-3.1-8b-instant");

        assertEquals(
                "OpenAI-compatible server has no batch API: run live, or leave its models out",
                batch.reasonProperty().get());
        assertFalse(batch.selectedProperty().get());
        setup.checkedModels().remove("groq/llama-3.1-8b-instant");
        assertEquals("", batch.reasonProperty().get());
    }

    @Test
    void runSubmitsThroughTheBatchApiAndPollingCollectsTheResults() {
        BatchRunsViewModel runs = runs(store);
        LabViewModel lab = lab(runs);
        SetupViewModel setup = lab.setup();
        setup.checkedModels().setAll("gpt-4o-mini", "claude-haiku-4-5");
        setup.batch().selectedProperty().set(true);

        setup.run();

        String estimate = setup.estimateProperty().get();
        assertTrue(estimate.contains("Live vs through the Batch API:\nOpenAI: live $"), estimate);
        assertTrue(estimate.contains("\nAnthropic: live $"), estimate);
        assertEquals(
                "Submitted 2 batches for “" + setup.spec().name() + "”: results within 24 h",
                dialogs.last("notify").headline());
        long id = runs.shownProperty().get();
        assertEquals(id, lab.history().selected().id(), "the submitted experiment is shown");
        assertEquals(2, runs.rows().size());
        assertTrue(
                runs.rows().stream().allMatch(r -> r.text().contains("waiting to start")),
                runs.rows().toString());
        assertTrue(
                runs.rows().get(0).text().endsWith("expires 2 Dec 10:00"),
                runs.rows().get(0).text());
        assertTrue(store.trials(id).isEmpty());
        lab.rerunSelected();
        assertEquals(
                "“" + setup.spec().name() + "” is still running through the Batch API",
                dialogs.last("info").headline());

        later.runPending(); // the polling the submission started

        assertEquals(36, store.trials(id).size());
        assertTrue(dialogs.all("notify").stream()
                .anyMatch(n -> n.headline()
                        .equals("Batch results landed in “" + setup.spec().name() + "”: 36 trials")));
        assertTrue(runs.rows().stream().allMatch(r -> r.text().contains("finished") && !r.cancellable()));
        assertEquals(ExperimentStatus.DONE, store.loadExperiment(id).status());
        assertEquals(ExperimentStatus.DONE, lab.history().selected().status(), "the history was re-read");
    }

    @Test
    void onStartThePollingCollectsBatchesSubmittedBeforeARestart() {
        BatchRunsViewModel before = runs(store);
        LabViewModel lab = lab(before);
        lab.setup().checkedModels().setAll("gpt-4o-mini");
        lab.setup().batch().selectedProperty().set(true);
        lab.setup().run();
        long id = before.shownProperty().get();
        before.close();
        store.close();

        store = H2LabStore.open(dir); // the app starts again
        BatchRunsViewModel after = runs(store);
        after.startPolling();
        later.runPending();

        assertEquals(18, store.trials(id).size());
        assertTrue(dialogs.last("notify").headline().startsWith("Batch results landed in “"));
    }

    @Test
    void cancelAsksFirstThenTheBatchWindsDown() {
        BatchRunsViewModel runs = runs(store);
        LabViewModel lab = lab(runs);
        lab.setup().checkedModels().setAll("claude-haiku-4-5");
        lab.setup().batch().selectedProperty().set(true);
        lab.setup().run();
        BatchRunsViewModel.Row row = runs.rows().get(0);
        assertTrue(row.cancellable());

        runs.cancel(row); // not confirmed
        assertEquals("Cancel the Anthropic batch?", dialogs.last("confirm").headline());
        assertTrue(runs.rows().get(0).text().contains("waiting to start"));

        dialogs.answer(true);
        runs.cancel(row);
        assertTrue(
                runs.rows().get(0).text().contains("cancelling"),
                runs.rows().get(0).text());
        later.runPending();
        assertTrue(
                runs.rows().get(0).text().contains("cancelled"),
                runs.rows().get(0).text());
    }

    @Test
    void refreshSaysWhichBatchCouldNotBePolledAndWhatToDo() {
        BatchRunsViewModel runs = runs(store);
        LabViewModel lab = lab(runs);
        lab.setup().checkedModels().setAll("gpt-4o-mini");
        lab.setup().batch().selectedProperty().set(true);
        lab.setup().run();
        apis.remove(ProviderId.OPENAI);

        runs.refresh();

        RecordingDialogService.Shown w = dialogs.last("warning");
        assertEquals("Some batches could not be polled", w.headline());
        assertTrue(w.detail().contains("No OpenAI API key for its batch API"), w.detail());
        assertTrue(runs.rows().get(0).text().contains("waiting to start"));
        apis.put(ProviderId.OPENAI, new FakeBatchApi(ProviderId.OPENAI, FakeBatchApi.limits(1, 1, true)));
        assertEquals(
                BatchState.PENDING, store.batches().batches().get(0).status().state());
    }
}
