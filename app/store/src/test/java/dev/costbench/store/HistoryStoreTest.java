// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.ExperimentOverview;
import dev.costbench.model.lab.ExperimentSettings;
import dev.costbench.model.lab.ExperimentSnapshot;
import dev.costbench.model.lab.ExperimentStatus;
import dev.costbench.model.lab.LedgerPurpose;
import dev.costbench.model.lab.NewExperiment;
import dev.costbench.model.lab.NewLedgerEntry;
import dev.costbench.model.lab.NewTrial;
import dev.costbench.model.lab.NewVariant;
import dev.costbench.model.lab.Trial;
import dev.costbench.model.lab.TrialCell;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The History view's queries: the per-experiment totals kept by V4, and the one-transaction import. */
class HistoryStoreTest {

    @TempDir
    Path dir;

    @StoreTest
    void theTotalsFollowEveryTrialLedgerEntryAndDeletion(StoreKind kind) {
        StoreKind.StoreFactory stores = kind.fresh(dir);
        try (JdbcLabStore s = stores.open()) {
            Fixtures.Setup a = Fixtures.setup(s, "a", 2, 2, List.of("gpt-4o-mini"), 2);
            Fixtures.Setup b = Fixtures.setup(s, "b", 2, 1, List.of("gpt-4o-mini"), 1);
            assertEquals(0, overview(s, a.id()).trials());
            NewTrial ok = Fixtures.success(
                    a.id(),
                    new TrialCell(a.variants().get(0).id(), a.inputs().get(0).id(), "gpt-4o-mini", 1));
            Trial t1 = s.addTrial(ok, Fixtures.charge(ok));
            NewTrial ok2 = Fixtures.success(
                    a.id(),
                    new TrialCell(a.variants().get(1).id(), a.inputs().get(1).id(), "gpt-4o-mini", 2));
            s.addTrial(ok2, Fixtures.charge(ok2));
            s.addTrial(Fixtures.failure(
                    a.id(),
                    new TrialCell(a.variants().get(1).id(), a.inputs().get(0).id(), "gpt-4o-mini", 1)));
            // a reused answer: counted, but it cost nothing
            s.addTrial(Fixtures.reused(
                    a.id(),
                    new TrialCell(a.variants().get(0).id(), a.inputs().get(1).id(), "gpt-4o-mini", 1),
                    "r",
                    new CanonicalUsage(10, 0, 0, 0, 5, 0),
                    new BigDecimal("0.5"),
                    "x"));
            s.appendLedger(new NewLedgerEntry(
                    Instant.now(),
                    "anthropic",
                    "claude-sonnet-4-5",
                    new BigDecimal("0.0100000001"),
                    a.id(),
                    null,
                    LedgerPurpose.JUDGE));

            ExperimentOverview o = overview(s, a.id());
            assertEquals(4, o.trials());
            assertEquals(3, o.succeeded());
            assertEquals(1, o.failed());
            assertEquals(0, ok.costUsd().add(ok2.costUsd()).compareTo(o.trialCostUsd()));
            assertEquals(0, s.spentOnExperiment(a.id()).compareTo(o.spentUsd()), "the same as the ledger says");
            assertEquals(0, overview(s, b.id()).trials());
            assertEquals(
                    List.of(b.id(), a.id()),
                    s.overviews().stream().map(ExperimentOverview::id).toList(),
                    "newest first, like listExperiments");

            assertTrue(s.deleteTrial(t1.id()));
            o = overview(s, a.id());
            assertEquals(3, o.trials());
            assertEquals(0, ok2.costUsd().compareTo(o.trialCostUsd()));
            assertEquals(0, s.spentOnExperiment(a.id()).compareTo(o.spentUsd()), "the ledger keeps the money");
            s.deleteExperiment(a.id());
            assertEquals(
                    List.of(b.id()),
                    s.overviews().stream().map(ExperimentOverview::id).toList());
        }
    }

    @StoreTest
    void anImportIsStoredWholeAndKeepsItsTimeAndStatus(StoreKind kind) {
        StoreKind.StoreFactory stores = kind.fresh(dir);
        try (JdbcLabStore s = stores.open()) {
            Experiment e = s.importExperiment(snapshot(ExperimentStatus.RUNNING, 2));
            assertEquals(ExperimentStatus.INTERRUPTED, e.status(), "a running export resumes as interrupted");
            assertEquals(Instant.parse("2026-10-01T08:00:00Z"), e.created());
            assertEquals(
                    List.of("base", "short"),
                    s.variants(e.id()).stream().map(v -> v.name()).toList());
            assertEquals(Map.of("ticket", "late"), s.inputs(e.id()).get(0).variables());
            List<Trial> trials = s.trials(e.id());
            assertEquals(4, trials.size());
            assertEquals(s.variants(e.id()).get(1).id(), trials.get(1).cell().variantId());
            assertEquals(
                    0, new BigDecimal("0.000004").compareTo(overview(s, e.id()).trialCostUsd()));
            assertEquals(0, overview(s, e.id()).spentUsd().signum(), "an import writes no ledger entry");
            assertTrue(s.missingTrials(e.id()).isEmpty());
        }
    }

    @StoreTest
    void aRefusedImportLeavesNothingBehind(StoreKind kind) {
        StoreKind.StoreFactory stores = kind.fresh(dir);
        try (JdbcLabStore s = stores.open()) {
            ExperimentSnapshot good = snapshot(ExperimentStatus.DONE, 2);
            ExperimentSnapshot withMedia = new ExperimentSnapshot(
                    good.experiment(),
                    good.created(),
                    good.status(),
                    List.of(good.variants().get(0), new NewVariant("short", false, "{}", List.of("ab".repeat(32)))),
                    good.inputs(),
                    good.trials());
            IllegalArgumentException x =
                    assertThrows(IllegalArgumentException.class, () -> s.importExperiment(withMedia));
            assertTrue(x.getMessage().contains("does not hold"), x.getMessage());
            assertTrue(s.listExperiments().isEmpty());
            assertTrue(s.overviews().isEmpty());
            assertThrows(
                    IllegalArgumentException.class,
                    () -> snapshot(ExperimentStatus.DONE, 3),
                    "a trial of repetition 3 in a run of 2 is refused before anything is written");
        }
    }

    /** 2 variants × 1 input × 1 model × {@code lastRep} repetitions (the experiment plans 2), $0.000001 each. */
    private static ExperimentSnapshot snapshot(ExperimentStatus status, int lastRep) {
        NewExperiment spec =
                new NewExperiment("imported", null, 2, ExperimentSettings.defaults(), List.of("gpt-4o-mini"));
        List<NewTrial> trials = new ArrayList<>();
        for (int rep = 1; rep <= lastRep; rep++) {
            for (int v = 0; v < 2; v++) {
                Instant t = Instant.parse("2026-10-01T08:00:00Z").plusSeconds(rep * 10L + v);
                trials.add(new NewTrial(
                        0,
                        new TrialCell(v, 0, "gpt-4o-mini", rep),
                        "h",
                        new CanonicalUsage(1, 0, 0, 0, 1, 0),
                        new BigDecimal("0.000001"),
                        true,
                        null,
                        null,
                        5L,
                        null,
                        "stop",
                        "ok",
                        null,
                        false,
                        t,
                        t,
                        null,
                        null));
            }
        }
        return new ExperimentSnapshot(
                spec,
                Instant.parse("2026-10-01T08:00:00Z"),
                status,
                List.of(new NewVariant("base", true, "{}"), new NewVariant("short", false, "{}")),
                List.of(new ExperimentSnapshot.Input("t1", Map.of("ticket", "late"))),
                trials);
    }

    private static ExperimentOverview overview(JdbcLabStore s, long id) {
        return s.overviews().stream().filter(o -> o.id() == id).findFirst().orElseThrow();
    }
}
