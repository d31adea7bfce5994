// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab;

import java.math.BigDecimal;

/**
 * One line of the History view: an experiment with its trial counts and money, aggregated by the store (no trial
 * is loaded to compute it).
 *
 * @param experiment   the experiment
 * @param trials       every trial recorded
 * @param succeeded    trials that finished without error
 * @param failed       trials that ended in an error
 * @param trialCostUsd the summed cost of the real (not reused) priced trials, exact; zero when none
 * @param spentUsd     the ledger's total for this experiment (trials and judge calls), exact; zero when none
 * @param tierChanged  successful real trials the provider served at another service tier than the one asked for
 * @param createdBy    who created the experiment (a name the client chose, by default the OS user name); null when
 *                     unknown (made before the store recorded it)
 */
public record ExperimentOverview(
        Experiment experiment,
        long trials,
        long succeeded,
        long failed,
        BigDecimal trialCostUsd,
        BigDecimal spentUsd,
        long tierChanged,
        String createdBy) {

    /** An overview without tier changes, whose creator is unknown. */
    public ExperimentOverview(
            Experiment experiment,
            long trials,
            long succeeded,
            long failed,
            BigDecimal trialCostUsd,
            BigDecimal spentUsd) {
        this(experiment, trials, succeeded, failed, trialCostUsd, spentUsd, 0, null);
    }

    public ExperimentOverview {
        trialCostUsd = trialCostUsd == null ? BigDecimal.ZERO : trialCostUsd;
        spentUsd = spentUsd == null ? BigDecimal.ZERO : spentUsd;
    }

    public long id() {
        return experiment.id();
    }
}
