// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab;

import dev.costbench.model.provider.batch.BatchStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The batches of the A/B lab's batch runs ({@code model/lab/batch}): each one kept as soon as the provider accepted
 * it, with the trial cell of each of its custom ids, so that closing the app or a crash loses nothing. Every method is
 * its own transaction and is durable when it returns (see {@link LabStore}).
 */
public interface BatchRepository {

    /** Keeps a batch just submitted with its custom id → cell map. */
    StoredBatch saveBatch(NewBatch batch);

    /** Records the provider's latest report of a kept batch (state, counts, expiry). */
    void updateBatch(BatchStatus status);

    /** Every batch, newest first. */
    List<StoredBatch> batches();

    /** The experiment's batches, newest first. */
    List<StoredBatch> batches(long experimentId);

    /** The batch with this provider id. */
    Optional<StoredBatch> findBatch(String batchId);

    /** The batch's custom ids → trial cells, in the order submitted. */
    Map<String, TrialCell> batchItems(String batchId);

    /** The custom ids of the batch whose outcome is already recorded. */
    Set<String> collectedItems(String batchId);

    /**
     * Records one request's outcome as a trial with its ledger entry, and marks the request collected, in one
     * transaction; empty (nothing written) when it was collected before, so collecting twice never counts twice.
     */
    Optional<Trial> collect(String batchId, String customId, NewTrial trial, NewLedgerEntry charge);

    /** One request's outcome to record: its custom id, the trial it becomes and that trial's ledger entry. */
    record Outcome(String customId, NewTrial trial, NewLedgerEntry charge) {}

    /**
     * Records a group of the batch's outcomes as {@link #collect} does, all in one transaction: either every
     * outcome of the group not collected before is recorded, or (the transaction failed, the app died midway) none
     * is, and collecting again records them then. Outcomes collected before are skipped.
     *
     * @return how many outcomes it recorded
     */
    int collectAll(String batchId, List<Outcome> outcomes);

    /** Marks the batch as fully collected: it is neither polled nor collected again. */
    void markIngested(String batchId);

    /** The cells of the experiment in batches not yet fully collected (a live run or a new batch leaves them). */
    Set<TrialCell> cellsInOpenBatches(long experimentId);
}
