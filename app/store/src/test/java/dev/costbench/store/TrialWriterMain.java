// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import dev.costbench.model.lab.ExperimentStatus;
import dev.costbench.model.lab.NewTrial;
import dev.costbench.model.lab.Trial;
import dev.costbench.model.lab.TrialCell;
import java.nio.file.Path;

/**
 * A runner to kill, for {@link CrashRecoveryTest}: opens the store in {@code args[0]}, sets experiment
 * {@code args[1]} RUNNING and records its missing trials one after the other as fast as it can, each with its ledger
 * entry, printing {@code COMMITTED <trial id>} after each commit returns.
 */
public final class TrialWriterMain {

    private TrialWriterMain() {}

    public static void main(String[] args) {
        long experimentId = Long.parseLong(args[1]);
        try (H2LabStore store = H2LabStore.open(Path.of(args[0]))) {
            store.setStatus(experimentId, ExperimentStatus.RUNNING);
            System.out.println("RUNNING");
            System.out.flush();
            for (TrialCell cell : store.missingTrials(experimentId)) {
                NewTrial t = Fixtures.success(experimentId, cell);
                Trial saved = store.addTrial(t, Fixtures.charge(t));
                System.out.println("COMMITTED " + saved.id());
                System.out.flush();
            }
            store.setStatus(experimentId, ExperimentStatus.DONE);
        }
        System.out.println("FINISHED");
    }
}
