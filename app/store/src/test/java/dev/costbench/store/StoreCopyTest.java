// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.ExperimentOverview;
import dev.costbench.model.lab.LedgerPurpose;
import dev.costbench.model.lab.NewBatch;
import dev.costbench.model.lab.NewLedgerEntry;
import dev.costbench.model.lab.NewTrial;
import dev.costbench.model.lab.RatingScale;
import dev.costbench.model.lab.StoredBatch;
import dev.costbench.model.lab.Trial;
import dev.costbench.model.lab.TrialCell;
import dev.costbench.model.lab.calibration.CalibrationSample;
import dev.costbench.model.lab.calibration.CalibrationSample.Source;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.batch.BatchState;
import dev.costbench.model.provider.batch.BatchStatus;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;

/** {@code store copy}: a local history into another store, ids remapped, idempotent, resumable, verified. */
class StoreCopyTest {

    @TempDir
    Path local;

    @TempDir
    Path other;

    /** An experiment with trials, their ledger rows, a rating, a judge score and an image. */
    private static Experiment history(JdbcLabStore s, String name) {
        Fixtures.Setup e = Fixtures.setup(s, name, 2, 2, List.of("gpt-4o-mini"), 1);
        Trial first = null;
        for (TrialCell cell : s.missingTrials(e.id())) {
            NewTrial t = Fixtures.success(e.id(), cell);
            Trial saved = s.addTrial(t, Fixtures.charge(t));
            first = first == null ? saved : first;
        }
        s.rate(first.id(), RatingScale.THUMBS, 1, "good");
        s.addJudgeScore(first.id(), "gpt-5", "Polite, 1-10", 8.0, "ok");
        return e.experiment();
    }

    @StoreTest
    void aLocalHistoryIsCopiedOnceWithItsIdsRemappedAndVerified(StoreKind kind) {
        try (H2LabStore source = H2LabStore.open(local);
                JdbcLabStore target = kind.fresh(other).open()) {
            source.author("ana");
            target.author("team-admin");
            // the target has history of its own, so copied rows cannot keep their ids
            Experiment theirs = history(target, "Theirs");
            Experiment a = history(source, "Tickets");
            source.putMedia(new byte[] {1, 2, 3}, "image/png");
            source.saveScenario("Launch", "{\"users\":1000}");
            source.appendLedger(new NewLedgerEntry(
                    Instant.parse("2026-12-01T10:00:00Z"),
                    "openai",
                    "gpt-5",
                    new BigDecimal("0.5"),
                    null,
                    null,
                    LedgerPurpose.TRIAL));

            StoreCopy.Result r = StoreCopy.copy(source, target);
            assertEquals(1, r.copiedExperiments());
            assertTrue(r.verified(), r.tables().toString());
            assertEquals(4, count(r, "trial"));

            ExperimentOverview copied = target.overviews().stream()
                    .filter(o -> o.experiment().name().equals("Tickets"))
                    .findFirst()
                    .orElseThrow();
            ExperimentOverview original = source.overviews().get(0);
            assertEquals(original.trials(), copied.trials());
            assertEquals(0, original.spentUsd().compareTo(copied.spentUsd()));
            assertEquals(0, original.trialCostUsd().compareTo(copied.trialCostUsd()));
            assertEquals("ana", copied.createdBy(), "who created it travels with it");
            assertEquals(
                    source.trials(a.id()).stream().map(Trial::outputText).toList(),
                    target.trials(copied.id()).stream().map(Trial::outputText).toList());
            assertEquals(1, target.ratings(copied.id()).size());
            assertEquals(1, target.judgeScores(copied.id()).size());
            assertEquals(
                    "{\"users\":1000}",
                    target.findScenario("Launch").orElseThrow().json());
            assertEquals(2, target.listExperiments().size());
            assertEquals(4, target.trials(theirs.id()).size(), "the target's own history is untouched");

            StoreCopy.Result again = StoreCopy.copy(source, target);
            assertEquals(0, again.copiedExperiments(), "a second copy adds nothing");
            assertTrue(again.verified(), again.tables().toString());
            assertEquals(2, target.listExperiments().size());
            assertEquals(1, target.listScenarios().size());
        }
    }

    @StoreTest
    void aCopyThatStoppedContinuesWithWhatIsMissing(StoreKind kind) {
        try (H2LabStore source = H2LabStore.open(local);
                JdbcLabStore target = kind.fresh(other).open()) {
            history(source, "First");
            assertEquals(1, StoreCopy.copy(source, target).copiedExperiments());
            // what a copy interrupted after its first experiment leaves: the rest is still to copy
            history(source, "Second");
            history(source, "Third");
            StoreCopy.Result r = StoreCopy.copy(source, target);
            assertEquals(2, r.copiedExperiments());
            assertTrue(r.verified(), r.tables().toString());
            assertEquals(3, target.listExperiments().size());
            assertEquals(12, count(r, "trial"));
        }
    }

    @StoreTest
    void aScenarioNameTakenInTheTargetIsLeftOutAndReported(StoreKind kind) {
        try (H2LabStore source = H2LabStore.open(local);
                JdbcLabStore target = kind.fresh(other).open()) {
            source.saveScenario("Launch", "{\"mine\":true}");
            target.saveScenario("Launch", "{\"theirs\":true}");
            StoreCopy.Result r = StoreCopy.copy(source, target);
            assertEquals(List.of("Launch"), r.skippedScenarios());
            assertTrue(r.verified(), r.tables().toString());
            assertEquals(
                    "{\"theirs\":true}",
                    target.findScenario("Launch").orElseThrow().json());
        }
    }

    /** An open batch (submitted, two of its four requests answered and collected) of a new experiment. */
    private static Fixtures.Setup batchRun(JdbcLabStore s, String batchId) {
        Fixtures.Setup e = Fixtures.setup(s, "Batch run", 2, 2, List.of("gpt-4o-mini"), 1);
        Map<String, TrialCell> items = new LinkedHashMap<>();
        for (TrialCell cell : s.missingTrials(e.id())) {
            items.put("v" + cell.variantId() + "-i" + cell.inputId(), cell);
        }
        s.batches().saveBatch(new NewBatch(e.id(), status(ProviderId.OPENAI, batchId, 4, 2), items, Fixtures.T0));
        items.entrySet().stream().limit(2).forEach(i -> {
            NewTrial t = Fixtures.success(e.id(), i.getValue());
            assertTrue(s.batches()
                    .collect(batchId, i.getKey(), t, Fixtures.charge(t))
                    .isPresent());
        });
        return e;
    }

    /** A batch the provider reports running, {@code answered} of its {@code total} requests answered so far. */
    private static BatchStatus status(ProviderId provider, String batchId, int total, int answered) {
        return new BatchStatus(
                provider, batchId, BatchState.RUNNING, "running", total, answered, 0, Fixtures.T0, null, null);
    }

    private static final List<CalibrationSample> SAMPLES = List.of(
            new CalibrationSample(
                    Fixtures.T0, "anthropic", "claude-haiku-4-5", "claude", "code", Source.COUNT, 120, 131, 0),
            new CalibrationSample(
                    Fixtures.T0,
                    "gemini",
                    "gemini-2.5-flash",
                    "gemini",
                    "cjk",
                    Source.SEND,
                    40,
                    57,
                    52), // with a Gemma 3 estimate (V14)
            new CalibrationSample(
                    Fixtures.T0, "anthropic", "claude-haiku-4-5", "claude", "text", Source.TRIAL, 10, 11, 0));

    @StoreTest
    void anOpenBatchAndTheCalibrationSamplesAreCopiedOnceAndVerified(StoreKind kind) {
        try (H2LabStore source = H2LabStore.open(local);
                JdbcLabStore target = kind.fresh(other).open()) {
            history(target, "Theirs"); // so that copied ids differ from the source's
            batchRun(source, "batch_abc");
            SAMPLES.forEach(source::addCalibrationSample);

            StoreCopy.Result r = StoreCopy.copy(source, target);
            assertTrue(r.verified(), r.tables().toString());
            assertEquals(1, count(r, "lab_batch"));
            assertEquals(4, count(r, "lab_batch_item"));
            assertEquals(3, count(r, "calibration_sample"));

            long copied = target.overviews().stream()
                    .filter(o -> o.experiment().name().equals("Batch run"))
                    .findFirst()
                    .orElseThrow()
                    .id();
            StoredBatch batch = target.batches().findBatch("batch_abc").orElseThrow();
            assertEquals(copied, batch.experimentId());
            assertEquals(BatchState.RUNNING, batch.status().state());
            assertEquals(4, batch.requests());
            assertEquals(2, batch.collected(), "the collected requests stay collected");
            assertFalse(batch.ingested(), "still open: the target's client polls it");
            // the requests point at the copied experiment's cells, and the open ones are not run live again
            Set<TrialCell> open = target.batches().cellsInOpenBatches(copied);
            assertEquals(4, open.size());
            assertEquals(2, target.missingTrials(copied).size());
            assertTrue(open.containsAll(target.missingTrials(copied)));
            assertEquals(
                    source.batches().collectedItems("batch_abc"),
                    target.batches().collectedItems("batch_abc"));
            assertEquals(2, target.trials(copied).size());
            assertEquals(source.calibrationSamples(), target.calibrationSamples());

            StoreCopy.Result again = StoreCopy.copy(source, target);
            assertTrue(again.verified(), again.tables().toString());
            assertEquals(1, target.batches().batches().size(), "a second copy adds nothing");
            assertEquals(4, target.batches().batchItems("batch_abc").size());
            assertEquals(source.calibrationSamples(), target.calibrationSamples());
        }
    }

    @StoreTest
    void aBatchSubmittedAfterItsExperimentWasCopiedIsAddedByTheNextCopy(StoreKind kind) {
        try (H2LabStore source = H2LabStore.open(local);
                JdbcLabStore target = kind.fresh(other).open()) {
            Fixtures.Setup e = Fixtures.setup(source, "Later", 1, 2, List.of("gpt-4o-mini"), 1);
            StoreCopy.copy(source, target);
            Map<String, TrialCell> items = new LinkedHashMap<>();
            source.missingTrials(e.id()).forEach(c -> items.put("i" + c.inputId(), c));
            source.batches()
                    .saveBatch(
                            new NewBatch(e.id(), status(ProviderId.ANTHROPIC, "msgbatch_1", 2, 1), items, Fixtures.T0));
            // one answer collected into the file after the experiment was copied: its trial is not in the target
            Map.Entry<String, TrialCell> first = items.entrySet().iterator().next();
            NewTrial answered = Fixtures.success(e.id(), first.getValue());
            source.batches().collect("msgbatch_1", first.getKey(), answered, Fixtures.charge(answered));

            StoreCopy.Result r = StoreCopy.copy(source, target);
            assertEquals(0, r.copiedExperiments());
            assertEquals(2, count(r, "lab_batch_item"));
            assertTrue(
                    r.tables().stream()
                            .filter(t -> t.table().startsWith("lab_batch"))
                            .allMatch(StoreCopy.TableCount::matches),
                    r.tables().toString());
            assertEquals(0, count(r, "trial"), "an experiment is copied once: its later trials show as a difference");
            assertEquals(2, target.batches().batchItems("msgbatch_1").size());
            assertTrue(
                    target.batches().collectedItems("msgbatch_1").isEmpty(),
                    "a request is collected here only with its trial here");
            StoreCopy.copy(source, target);
            assertEquals(1, target.batches().batches().size(), "a second copy adds nothing");
        }
    }

    private static long count(StoreCopy.Result r, String table) {
        return r.tables().stream()
                .filter(t -> t.table().equals(table))
                .findFirst()
                .orElseThrow()
                .target();
    }
}
