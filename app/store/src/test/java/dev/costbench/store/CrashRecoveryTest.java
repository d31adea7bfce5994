// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.lab.ExperimentStatus;
import dev.costbench.model.lab.NewTrial;
import dev.costbench.model.lab.Trial;
import dev.costbench.model.lab.TrialCell;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A runner JVM is killed (SIGKILL on Unix, TerminateProcess on Windows) in the middle of an experiment, writing
 * trials as fast as it can so that the kill lands inside a write. Every trial whose commit had returned must be
 * there, intact, with its ledger entry; the experiment must show as interrupted; the missing trials must be exactly
 * the rest, and resuming must complete it.
 */
class CrashRecoveryTest {

    private static final List<String> MODELS = List.of("gpt-4o-mini", "claude-haiku-4-5");
    private static final int KILL_AFTER = 60;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void killedMidRunKeepsEveryCommittedTrialAndResumes() throws Exception {
        long experimentId;
        int planned;
        try (H2LabStore store = H2LabStore.open(dir)) {
            Fixtures.Setup s = Fixtures.setup(store, "crash", 2, 3, MODELS, 40);
            experimentId = s.id();
            planned = store.missingTrials(experimentId).size();
        }
        assertEquals(2 * 3 * 2 * 40, planned);

        Set<Long> reported = new HashSet<>();
        try (ChildJvm runner =
                ChildJvm.start(TrialWriterMain.class, dir, dir.toString(), Long.toString(experimentId))) {
            assertEquals("RUNNING", runner.readLine());
            while (reported.size() < KILL_AFTER) {
                String line = runner.readLine();
                assertTrue(line.startsWith("COMMITTED "), line);
                reported.add(Long.parseLong(line.substring("COMMITTED ".length())));
            }
            runner.process.destroyForcibly(); // no shutdown hook, no close: a crash
            runner.process.waitFor();
        }

        try (H2LabStore store = H2LabStore.open(dir)) {
            assertEquals(List.of(experimentId), store.interruptedOnOpen());
            assertEquals(
                    ExperimentStatus.INTERRUPTED,
                    store.loadExperiment(experimentId).status());

            List<Trial> trials = store.trials(experimentId);
            Map<Long, Trial> byId = trials.stream().collect(Collectors.toMap(Trial::id, Function.identity()));
            assertTrue(
                    byId.keySet().containsAll(reported),
                    "every committed trial survived the kill: missing "
                            + reported.stream()
                                    .filter(id -> !byId.containsKey(id))
                                    .toList());
            assertTrue(trials.size() < planned, "the kill landed mid-run (" + trials.size() + " trials)");
            for (Trial t : trials) {
                assertIntact(t, Fixtures.success(experimentId, t.cell()));
            }

            Set<TrialCell> done = trials.stream().map(Trial::cell).collect(Collectors.toSet());
            assertEquals(trials.size(), done.size(), "no cell written twice");
            List<TrialCell> missing = store.missingTrials(experimentId);
            assertEquals(planned - trials.size(), missing.size());
            for (TrialCell c : missing) {
                assertFalse(done.contains(c), c + " is done but listed as missing");
            }

            BigDecimal trialCost = trials.stream().map(Trial::costUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(
                    0,
                    trialCost.compareTo(store.spentOnExperiment(experimentId)),
                    "the ledger holds exactly the committed trials' calls");
            assertEquals(
                    trials.size(),
                    store.ledger(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"))
                            .size());

            // Resume: run the missing cells, and the experiment is complete.
            store.setStatus(experimentId, ExperimentStatus.RUNNING);
            List<Long> resumed = new ArrayList<>();
            for (TrialCell c : missing) {
                NewTrial t = Fixtures.success(experimentId, c);
                resumed.add(store.addTrial(t, Fixtures.charge(t)).id());
            }
            store.setStatus(experimentId, ExperimentStatus.DONE);
            assertTrue(store.missingTrials(experimentId).isEmpty());
            assertEquals(planned, store.progress(experimentId).succeeded());
            assertEquals(planned, store.trials(experimentId).size());
        }
        try (H2LabStore store = H2LabStore.open(dir)) {
            assertTrue(store.interruptedOnOpen().isEmpty());
            assertEquals(
                    ExperimentStatus.DONE, store.loadExperiment(experimentId).status());
        }
    }

    private static void assertIntact(Trial t, NewTrial expected) {
        assertEquals(expected.usage(), t.usage(), "usage of trial " + t.id());
        assertEquals(0, expected.costUsd().compareTo(t.costUsd()), "cost of trial " + t.id());
        assertEquals(expected.outputText(), t.outputText());
        assertEquals(expected.pricesJson(), t.pricesJson());
        assertEquals(expected.requestHash(), t.requestHash());
        assertEquals(expected.started(), t.started());
        assertEquals(expected.finished(), t.finished());
        assertEquals(expected.latencyMs(), t.latencyMs());
    }
}
