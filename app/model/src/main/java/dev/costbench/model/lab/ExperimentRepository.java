// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The lab's experiments with their variants, test inputs and trials.
 * Every method is its own transaction and is durable when it returns (see {@link LabStore}).
 */
public interface ExperimentRepository {

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

    /**
     * Adds a variant after the existing ones. Its media must have been stored with {@link MediaRepository#putMedia}
     * first.
     */
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
}
