// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.judge;

import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.lab.JudgeFailure;
import dev.costbench.model.lab.JudgeScore;
import dev.costbench.model.lab.LabStore;
import dev.costbench.model.lab.LedgerEntry;
import dev.costbench.model.lab.LedgerPurpose;
import dev.costbench.model.lab.NewLedgerEntry;
import dev.costbench.model.lab.TestInput;
import dev.costbench.model.lab.Trial;
import dev.costbench.model.lab.TrialCell;
import dev.costbench.model.lab.Variant;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Just enough of a {@link LabStore} in memory for the judge ({@link #labStore()}): one experiment with a baseline and
 * an optimized
 * variant, inputs and successful trials; judge scores, failures and the ledger. Thread-safe by synchronization.
 */
final class MemoryStore {

    final List<Variant> variants = new ArrayList<>();
    final List<TestInput> inputs = new ArrayList<>();
    final List<Trial> trials = new ArrayList<>();
    final List<JudgeScore> scores = new ArrayList<>();
    final List<JudgeFailure> failures = new ArrayList<>();
    final List<LedgerEntry> ledger = new ArrayList<>();
    private long ids = 100;

    /** Experiment 1: 2 variants × {@code nInputs} inputs × 1 model × {@code reps} repetitions, all succeeded. */
    static MemoryStore withTrials(int nInputs, int reps) {
        MemoryStore s = new MemoryStore();
        s.variants.add(new Variant(1, 1, 0, "verbose", true, "{}", List.of()));
        s.variants.add(new Variant(2, 1, 1, "short", false, "{}", List.of()));
        for (int i = 0; i < nInputs; i++) {
            s.inputs.add(new TestInput(10 + i, 1, i, "T-" + i, Map.of("ticket", "ticket number " + i)));
        }
        Instant t = Instant.parse("2026-11-25T10:00:00Z");
        for (int rep = 1; rep <= reps; rep++) {
            for (TestInput in : s.inputs) {
                for (Variant v : s.variants) {
                    s.trials.add(new Trial(
                            s.ids++,
                            1,
                            new TrialCell(v.id(), in.id(), "gpt-4o-mini", rep),
                            "h",
                            new CanonicalUsage(100, 0, 0, 0, 20, 0),
                            new BigDecimal("0.0001"),
                            true,
                            null,
                            null,
                            10L,
                            null,
                            "stop",
                            v.name() + " answer to " + in.label() + " rep " + rep,
                            null,
                            false,
                            t,
                            t,
                            null,
                            null));
                }
            }
        }
        return s;
    }

    public synchronized List<Variant> variants(long experimentId) {
        return List.copyOf(variants);
    }

    public synchronized List<TestInput> inputs(long experimentId) {
        return List.copyOf(inputs);
    }

    public synchronized List<Trial> trials(long experimentId) {
        return List.copyOf(trials);
    }

    public synchronized JudgeScore addJudgeScore(
            long trialId, String judgeModel, String rubric, double score, String rationale) {
        return addJudgeScore(trialId, judgeModel, rubric, score, rationale, null);
    }

    public synchronized JudgeScore addJudgeScore(
            long trialId, String judgeModel, String rubric, double score, String rationale, NewLedgerEntry charge) {
        JudgeScore s = new JudgeScore(ids++, trialId, judgeModel, rubric, score, rationale, Instant.now());
        scores.add(s);
        book(charge, trialId);
        return s;
    }

    public synchronized JudgeFailure addJudgeFailure(
            long trialId, String judgeModel, String rubric, String error, NewLedgerEntry charge) {
        JudgeFailure f = new JudgeFailure(ids++, trialId, judgeModel, rubric, error, Instant.now());
        failures.add(f);
        book(charge, trialId);
        return f;
    }

    private void book(NewLedgerEntry e, long trialId) {
        if (e != null) {
            ledger.add(
                    new LedgerEntry(ids++, e.time(), e.provider(), e.model(), e.costUsd(), 1L, trialId, e.purpose()));
        }
    }

    public synchronized List<JudgeScore> judgeScores(long experimentId) {
        return List.copyOf(scores);
    }

    public synchronized List<JudgeFailure> judgeFailures(long experimentId) {
        return List.copyOf(failures);
    }

    public synchronized BigDecimal spentOnExperiment(long experimentId, LedgerPurpose purpose) {
        return ledger.stream()
                .filter(l -> l.purpose() == purpose && l.costUsd() != null)
                .map(LedgerEntry::costUsd)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public synchronized BigDecimal spentOnExperiment(long experimentId) {
        return ledger.stream()
                .filter(l -> l.costUsd() != null)
                .map(LedgerEntry::costUsd)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * This store as a {@link LabStore}: the methods above answer, every other one throws. A proxy, so that methods
     * added to the interface later need nothing here.
     */
    LabStore labStore() {
        return (LabStore) Proxy.newProxyInstance(
                LabStore.class.getClassLoader(), new Class<?>[] {LabStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    Method mine;
                    try {
                        mine = MemoryStore.class.getDeclaredMethod(method.getName(), method.getParameterTypes());
                    } catch (NoSuchMethodException e) {
                        throw new UnsupportedOperationException(method.getName() + " is not in the memory store");
                    }
                    try {
                        return mine.invoke(this, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
