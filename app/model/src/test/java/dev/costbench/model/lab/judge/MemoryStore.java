// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.judge;

import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.ExperimentProgress;
import dev.costbench.model.lab.ExperimentSettings;
import dev.costbench.model.lab.ExperimentStatus;
import dev.costbench.model.lab.JudgeFailure;
import dev.costbench.model.lab.JudgeScore;
import dev.costbench.model.lab.LabStore;
import dev.costbench.model.lab.LedgerEntry;
import dev.costbench.model.lab.LedgerPurpose;
import dev.costbench.model.lab.MediaBlob;
import dev.costbench.model.lab.NewExperiment;
import dev.costbench.model.lab.NewLedgerEntry;
import dev.costbench.model.lab.NewTrial;
import dev.costbench.model.lab.NewVariant;
import dev.costbench.model.lab.Rating;
import dev.costbench.model.lab.RatingScale;
import dev.costbench.model.lab.SavedScenario;
import dev.costbench.model.lab.TestInput;
import dev.costbench.model.lab.Trial;
import dev.costbench.model.lab.TrialCell;
import dev.costbench.model.lab.Variant;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Just enough of a {@link LabStore} in memory for the judge: one experiment with a baseline and an optimized
 * variant, inputs and successful trials; judge scores, failures and the ledger. Thread-safe by synchronization.
 */
final class MemoryStore implements LabStore {

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
                    s.trials.add(new Trial(s.ids++, 1, new TrialCell(v.id(), in.id(), "gpt-4o-mini", rep), "h",
                            new CanonicalUsage(100, 0, 0, 0, 20, 0), new BigDecimal("0.0001"), true, null, null, 10L,
                            null, "stop", v.name() + " answer to " + in.label() + " rep " + rep, null, false, t, t));
                }
            }
        }
        return s;
    }

    @Override
    public synchronized List<Variant> variants(long experimentId) {
        return List.copyOf(variants);
    }

    @Override
    public synchronized List<TestInput> inputs(long experimentId) {
        return List.copyOf(inputs);
    }

    @Override
    public synchronized List<Trial> trials(long experimentId) {
        return List.copyOf(trials);
    }

    @Override
    public synchronized JudgeScore addJudgeScore(long trialId, String judgeModel, String rubric, double score,
                                                 String rationale) {
        return addJudgeScore(trialId, judgeModel, rubric, score, rationale, null);
    }

    @Override
    public synchronized JudgeScore addJudgeScore(long trialId, String judgeModel, String rubric, double score,
                                                 String rationale, NewLedgerEntry charge) {
        JudgeScore s = new JudgeScore(ids++, trialId, judgeModel, rubric, score, rationale, Instant.now());
        scores.add(s);
        book(charge, trialId);
        return s;
    }

    @Override
    public synchronized JudgeFailure addJudgeFailure(long trialId, String judgeModel, String rubric, String error,
                                                     NewLedgerEntry charge) {
        JudgeFailure f = new JudgeFailure(ids++, trialId, judgeModel, rubric, error, Instant.now());
        failures.add(f);
        book(charge, trialId);
        return f;
    }

    private void book(NewLedgerEntry e, long trialId) {
        if (e != null) {
            ledger.add(new LedgerEntry(ids++, e.time(), e.provider(), e.model(), e.costUsd(), 1L, trialId,
                    e.purpose()));
        }
    }

    @Override
    public synchronized List<JudgeScore> judgeScores(long experimentId) {
        return List.copyOf(scores);
    }

    @Override
    public synchronized List<JudgeFailure> judgeFailures(long experimentId) {
        return List.copyOf(failures);
    }

    @Override
    public synchronized BigDecimal spentOnExperiment(long experimentId, LedgerPurpose purpose) {
        return ledger.stream().filter(l -> l.purpose() == purpose && l.costUsd() != null).map(LedgerEntry::costUsd)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Override
    public synchronized BigDecimal spentOnExperiment(long experimentId) {
        return ledger.stream().filter(l -> l.costUsd() != null).map(LedgerEntry::costUsd)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    // ---- not needed by the judge ----

    private static UnsupportedOperationException no() {
        return new UnsupportedOperationException("not in the memory store");
    }

    @Override
    public Experiment createExperiment(NewExperiment spec) {
        throw no();
    }

    @Override
    public List<Experiment> listExperiments() {
        throw no();
    }

    @Override
    public Optional<Experiment> findExperiment(long experimentId) {
        throw no();
    }

    @Override
    public Experiment loadExperiment(long experimentId) {
        throw no();
    }

    @Override
    public void setStatus(long experimentId, ExperimentStatus status) {
        throw no();
    }

    @Override
    public void updateSettings(long experimentId, ExperimentSettings settings) {
        throw no();
    }

    @Override
    public boolean deleteExperiment(long experimentId) {
        throw no();
    }

    @Override
    public List<Long> interruptedOnOpen() {
        throw no();
    }

    @Override
    public ExperimentProgress progress(long experimentId) {
        throw no();
    }

    @Override
    public Variant addVariant(long experimentId, NewVariant variant) {
        throw no();
    }

    @Override
    public TestInput addInput(long experimentId, String label, Map<String, String> variables) {
        throw no();
    }

    @Override
    public Trial addTrial(NewTrial trial) {
        throw no();
    }

    @Override
    public Trial addTrial(NewTrial trial, NewLedgerEntry charge) {
        throw no();
    }

    @Override
    public Optional<Trial> findTrial(long trialId) {
        throw no();
    }

    @Override
    public boolean deleteTrial(long trialId) {
        throw no();
    }

    @Override
    public List<TrialCell> missingTrials(long experimentId) {
        throw no();
    }

    @Override
    public Optional<Trial> storedAnswer(String requestHash) {
        throw no();
    }

    @Override
    public Rating rate(long trialId, RatingScale scale, int value, String comment) {
        throw no();
    }

    @Override
    public List<Rating> ratings(long experimentId) {
        throw no();
    }

    @Override
    public SavedScenario saveScenario(String name, String json) {
        throw no();
    }

    @Override
    public List<SavedScenario> listScenarios() {
        throw no();
    }

    @Override
    public Optional<SavedScenario> findScenario(String name) {
        throw no();
    }

    @Override
    public boolean renameScenario(String from, String to) {
        throw no();
    }

    @Override
    public boolean deleteScenario(String name) {
        throw no();
    }

    @Override
    public LedgerEntry appendLedger(NewLedgerEntry entry) {
        throw no();
    }

    @Override
    public List<LedgerEntry> ledger(Instant from, Instant to) {
        throw no();
    }

    @Override
    public BigDecimal spentOnDay(LocalDate day, ZoneId zone) {
        throw no();
    }

    @Override
    public SortedMap<LocalDate, BigDecimal> spentPerDay(LocalDate from, LocalDate to, ZoneId zone) {
        throw no();
    }

    @Override
    public String putMedia(byte[] data, String mimeType) {
        throw no();
    }

    @Override
    public Optional<MediaBlob> getMedia(String sha256) {
        throw no();
    }

    @Override
    public void close() {
    }
}
