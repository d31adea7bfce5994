// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Everything the A/B lab keeps: experiments and their variants, test inputs and trials, ratings and judge scores,
 * saved scenarios, the ledger of real API calls, and media by content hash.
 *
 * <p>Every method is its own transaction and is durable when it returns: a crash or a kill afterwards loses nothing
 * it wrote. Methods may be called from any thread. Failures of the database itself are {@link LabStoreException}s;
 * invalid arguments (an unknown experiment, a trial whose variant belongs to another experiment) are
 * {@link IllegalArgumentException}s or {@link NoSuchElementException}s. No API key is ever stored: the JSON the store
 * keeps is checked with {@link SecretGuard}.
 */
public interface LabStore extends AutoCloseable {

    // ---- experiments ----

    /** Stores a new experiment with status {@link ExperimentStatus#DRAFT}. */
    Experiment createExperiment(NewExperiment spec);

    /** All experiments, newest first. */
    List<Experiment> listExperiments();

    /**
     * All experiments, newest first, each with its trial counts and money for the History view's summary line,
     * computed by the database in one aggregate query (no trial is loaded).
     */
    List<ExperimentOverview> overviews();

    /**
     * Stores a whole experiment (an import) in one transaction: either all of it, or nothing when any part is
     * refused. No ledger entry is written: the money was spent elsewhere, or long ago. Returns the new experiment.
     */
    Experiment importExperiment(ExperimentSnapshot snapshot);

    Optional<Experiment> findExperiment(long experimentId);

    /** The experiment, or {@link NoSuchElementException}. */
    Experiment loadExperiment(long experimentId);

    void setStatus(long experimentId, ExperimentStatus status);

    /**
     * Replaces the experiment's settings (the pass/fail checks, verdict thresholds and judge the user edits after a
     * run live in {@link ExperimentSettings#extraJson()}).
     */
    void updateSettings(long experimentId, ExperimentSettings settings);

    /**
     * Deletes an experiment with its variants, inputs, trials, ratings and judge scores. Its ledger entries stay
     * (the money was spent) with the experiment and trial cleared. Returns false when there was no such experiment.
     */
    boolean deleteExperiment(long experimentId);

    /**
     * The experiments this store found {@link ExperimentStatus#RUNNING} when it opened and marked
     * {@link ExperimentStatus#INTERRUPTED}: the previous session ended mid-run.
     */
    List<Long> interruptedOnOpen();

    /** Planned, succeeded and failed trials and the money spent so far. */
    ExperimentProgress progress(long experimentId);

    // ---- variants and test inputs ----

    /** Adds a variant after the existing ones. Its media must have been stored with {@link #putMedia} first. */
    Variant addVariant(long experimentId, NewVariant variant);

    /** The experiment's variants in the order they were added. */
    List<Variant> variants(long experimentId);

    /** Adds a test input after the existing ones. */
    TestInput addInput(long experimentId, String label, Map<String, String> variables);

    /** The experiment's test inputs in the order they were added. */
    List<TestInput> inputs(long experimentId);

    // ---- trials ----

    /** Records a finished trial, committed on return. */
    Trial addTrial(NewTrial trial);

    /**
     * Records a finished trial and the real API call that produced it in one transaction, so a crash can never keep
     * the one without the other. The ledger entry gets the trial's id and experiment.
     */
    Trial addTrial(NewTrial trial, NewLedgerEntry charge);

    /** The experiment's trials in the order they were recorded. */
    List<Trial> trials(long experimentId);

    Optional<Trial> findTrial(long trialId);

    /** Deletes one trial (and its rating and judge scores); its ledger entry stays. False when there was none. */
    boolean deleteTrial(long trialId);

    /**
     * The planned cells (variant × input × model × repetition 1..N) that have no successful trial yet, ordered by
     * repetition, then input, model and variant, so a resumed run fills whole rounds first. A cell whose only trials
     * failed is listed, so resuming retries it.
     */
    List<TrialCell> missingTrials(long experimentId);

    /**
     * The most recent successful real call (not itself a reuse) with this request hash, for the response cache the
     * user may switch on.
     */
    Optional<Trial> storedAnswer(String requestHash);

    // ---- ratings and judge scores ----

    /** Rates a trial's output, replacing the user's earlier rating of it. */
    Rating rate(long trialId, RatingScale scale, int value, String comment);

    /** The ratings of the experiment's trials. */
    List<Rating> ratings(long experimentId);

    JudgeScore addJudgeScore(long trialId, String judgeModel, String rubric, double score, String rationale);

    /**
     * Records a judge's score together with the judge call's ledger entry (purpose {@link LedgerPurpose#JUDGE}) in one
     * transaction; the entry gets the trial's id and experiment.
     */
    JudgeScore addJudgeScore(long trialId, String judgeModel, String rubric, double score, String rationale,
                             NewLedgerEntry charge);

    /** Records a judge call that gave no score, with its ledger entry (may be null), in one transaction. */
    JudgeFailure addJudgeFailure(long trialId, String judgeModel, String rubric, String error, NewLedgerEntry charge);

    /** The recorded judge failures of the experiment's trials, oldest first. */
    List<JudgeFailure> judgeFailures(long experimentId);

    /** The judge scores of the experiment's trials. */
    List<JudgeScore> judgeScores(long experimentId);

    /**
     * The stored output similarities of the experiment's trials (any order); none unless the store keeps them.
     * Deleting a trial deletes the scores it takes part in.
     */
    default List<SimilarityScore> similarityScores(long experimentId) {
        return List.of();
    }

    /**
     * Stores output similarities of the experiment's trials, replacing any stored for the same pair of trials; a
     * store that does not keep them ignores them (they are computed again each time).
     */
    default void saveSimilarityScores(long experimentId, java.util.Collection<SimilarityScore> scores) {
    }

    /** Forgets the experiment's stored similarities (they are computed again when next needed). */
    default void forgetSimilarityScores(long experimentId) {
    }

    // ---- saved scenarios ----

    /** Creates the scenario, or replaces the content of the one with this name. */
    SavedScenario saveScenario(String name, String json);

    /** All scenarios by name. */
    List<SavedScenario> listScenarios();

    Optional<SavedScenario> findScenario(String name);

    /** Renames a scenario; false when there is none by {@code from}, an exception when {@code to} is taken. */
    boolean renameScenario(String from, String to);

    boolean deleteScenario(String name);

    // ---- ledger ----

    LedgerEntry appendLedger(NewLedgerEntry entry);

    /** Entries with {@code from <= time < to}, oldest first. */
    List<LedgerEntry> ledger(Instant from, Instant to);

    /** All that was spent for this experiment (trials, judge calls, …), exact; zero when nothing was. */
    BigDecimal spentOnExperiment(long experimentId);

    /** What was spent for this experiment for one purpose (e.g. the judge, counted apart from the trials). */
    BigDecimal spentOnExperiment(long experimentId, LedgerPurpose purpose);

    /** All that was spent on {@code day} in {@code zone}, whatever for. */
    BigDecimal spentOnDay(LocalDate day, ZoneId zone);

    /** What was spent per day from {@code from} to {@code to} inclusive; days without spending are left out. */
    SortedMap<LocalDate, BigDecimal> spentPerDay(LocalDate from, LocalDate to, ZoneId zone);

    // ---- media ----

    /** Stores media once per content and returns its SHA-256 (lower-case hex); storing it again is a no-op. */
    String putMedia(byte[] data, String mimeType);

    Optional<MediaBlob> getMedia(String sha256);

    /** Closes the database; further calls fail. */
    @Override
    void close();
}
