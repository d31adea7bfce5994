// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab;

import java.math.BigDecimal;

/**
 * How far an experiment's run is, from the store's point of view.
 *
 * @param planned   variants × inputs × models × repetitions
 * @param succeeded planned cells with a trial that finished without error
 * @param failed    trials that ended in an error (a cell may have several; its retry may have succeeded since)
 * @param spentUsd  the ledger's total for this experiment (trials and judge calls), exact
 */
public record ExperimentProgress(long planned, long succeeded, long failed, BigDecimal spentUsd) {

    public long missing() {
        return planned - succeeded;
    }
}
