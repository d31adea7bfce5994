// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.lab.ExperimentStatus;
import dev.costbench.model.lab.Trial;
import dev.costbench.model.lab.TrialCell;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.store.H2LabStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM running an experiment (slow providers, several calls in flight) is killed mid-run. Reopened, the store has
 * every trial the runner reported, each with its ledger entry, the experiment is INTERRUPTED, and resuming makes
 * exactly the missing calls.
 */
class RunnerCrashTest {

    private static final int KILL_AFTER = 12;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aKilledRunKeepsEveryRecordedTrialAndResumesOnlyTheMissingCells() throws Exception {
        long id;
        try (H2LabStore store = H2LabStore.open(dir)) {
            Runner r = new Runner(store, p -> null, FakeClient.CATALOG::find);
            id = r.create(RunnerTest.spec(5, null, false)).experimentId();
            assertEquals(40, store.missingTrials(id).size());
        }

        Set<Long> reported = new HashSet<>();
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-Xmx128m",
                RunnerChildMain.class.getName(),
                dir.toString(),
                Long.toString(id),
                "40"));
        Path log = Files.createTempFile(dir, "child", ".err");
        Process child = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            while (reported.size() < KILL_AFTER) {
                String line = out.readLine();
                if (line == null) {
                    throw new AssertionError("the child ended early: " + Files.readString(log));
                }
                if (line.startsWith("TRIAL ")) {
                    reported.add(Long.parseLong(line.substring("TRIAL ".length())));
                } else {
                    assertEquals("RUNNING", line);
                }
            }
            child.destroyForcibly(); // no shutdown hook, no close: a crash
            child.waitFor();
        }

        Set<TrialCell> missingBefore;
        try (H2LabStore store = H2LabStore.open(dir)) {
            assertEquals(List.of(id), store.interruptedOnOpen());
            assertEquals(ExperimentStatus.INTERRUPTED, store.loadExperiment(id).status());
            List<Trial> trials = store.trials(id);
            Set<Long> ids = trials.stream().map(Trial::id).collect(Collectors.toSet());
            assertTrue(ids.containsAll(reported), "every reported trial survived the kill");
            assertTrue(trials.size() < 40, "the kill landed mid-run: " + trials.size());
            assertTrue(trials.stream().allMatch(t -> t.succeeded() && t.costUsd() != null && t.outputText() != null));
            assertEquals(
                    trials.size(), trials.stream().map(Trial::cell).distinct().count());
            BigDecimal sum = trials.stream().map(Trial::costUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(0, sum.compareTo(store.spentOnExperiment(id)), "each trial came with its ledger entry");

            missingBefore = Set.copyOf(store.missingTrials(id));
            assertEquals(40 - trials.size(), missingBefore.size());

            Map<ProviderId, FakeClient> fakes = new EnumMap<>(ProviderId.class);
            Runner again = new Runner(
                    store,
                    p -> fakes.computeIfAbsent(p, q -> new FakeClient(q, (req, n) -> FakeClient.Reply.ok())),
                    FakeClient.CATALOG::find);
            RunResult res = again.run(id, null, RunListener.NONE);
            assertEquals(RunResult.Outcome.COMPLETED, res.outcome(), res.message());
            int calls = fakes.values().stream().mapToInt(f -> f.calls.get()).sum();
            assertEquals(missingBefore.size(), calls, "resume called exactly the missing cells");
            List<Trial> after = store.trials(id);
            assertEquals(40, after.size());
            assertEquals(
                    missingBefore,
                    after.stream()
                            .filter(t -> !ids.contains(t.id()))
                            .map(Trial::cell)
                            .collect(Collectors.toSet()));
            assertEquals(ExperimentStatus.DONE, store.loadExperiment(id).status());
            assertTrue(store.missingTrials(id).isEmpty());
        }
    }
}
